import { recordAudit, type ShownLists } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { staffNames } from '../../platform/auth/staff-repository.ts'
import { ConflictError, WorkflowRefusedError } from '../../platform/errors.ts'
import { fullName } from '../../platform/people-names.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import type { MeetingType } from '../../vocabulary/referrals.ts'
import * as people from '../people/records-service.ts'
import { loadChild } from './child-offer-loading.ts'
import * as offers from './child-offer-repository.ts'
import { childOfferView, NotAskedDirectly, type ChildOfferAnswers, type ChildOfferView } from './child-offers-view.ts'
import { actorOf } from './steps.ts'

/**
 * A child's answer to the offer of an advocate of their own, per child protection conference
 * (issue 11, ADR 29). Recorded by the advocacy admin team, on a referral sent to the service; the
 * referrer and service managers see where each child's offer stands on the referral's page.
 */

export interface ChildOfferPage {
  readonly referral: { readonly id: string; readonly reference: string; readonly personName: string | null }
  readonly meeting: { readonly type: MeetingType; readonly date: string }
  readonly child: ChildOfferView
}

/** The page that records a child's answer: audited as a view of the referral. */
export async function childOfferPage(context: ServiceContext, caller: Caller, referralId: string, childId: string): Promise<ChildOfferPage> {
  return context.db.transaction().execute(async (trx) => {
    const { row, meeting, child, recorded } = await loadChild(trx, caller, referralId, childId, false)
    const person = row.person_id ? await people.findPerson(trx, row.authority_id, row.person_id) : undefined
    await recordAudit(trx, actorOf(caller), {
      action: 'referral.child-offer-viewed',
      recordType: 'referral',
      recordId: row.id,
      details: { child: child.id, meeting: meeting.id },
    })
    return {
      referral: { id: row.id, reference: row.reference, personName: person?.name ?? null },
      meeting: { type: meeting.type, date: meeting.meeting_date },
      child: childOfferView(child, meeting.meeting_date, recorded),
    }
  })
}

/**
 * Records a child's answer (or, before they answer, the needs that change how it is asked), unless
 * someone saved it since `version`. A child not consulted for their age is answered for by someone
 * who speaks for them. Audited: what the answer was and who gave it, never the words written.
 */
export async function saveChildOffer(
  context: ServiceContext,
  caller: Caller,
  referralId: string,
  childId: string,
  answers: ChildOfferAnswers,
  version: number,
): Promise<ChildOfferView> {
  return context.db.transaction().execute(async (trx) => {
    const { row, meeting, child, recorded } = await loadChild(trx, caller, referralId, childId, true)
    if (recorded?.child_referral_id)
      throw new WorkflowRefusedError(
        `${recorded.child_referral_reference ?? 'The child’s own referral'} has been started from this answer, so it can no longer be changed here: withdraw that referral if the child no longer wants an advocate`,
      )
    const before = childOfferView(child, meeting.meeting_date, undefined)
    if (answers.whoAnswered === 'child' && !before.age.consulted)
      throw new NotAskedDirectly('A child under 4 is not asked directly: choose someone who speaks for them')
    const now = context.clock.now()
    const saved = await offers.saveOffer(
      trx,
      { authorityId: row.authority_id, meetingId: meeting.id, personId: child.id },
      version,
      {
        answer: answers.answer,
        who_answered: answers.whoAnswered,
        speaker_name: answers.speakerName,
        speaker_relationship: answers.speakerRelationship,
        reason: answers.reason,
        communicates: answers.communicates,
        needs: answers.needs,
        needs_detail: answers.needsDetail,
        answered_by: caller.user.id,
        answered_at: now,
      },
      now,
    )
    if (!saved) {
      const current = await offers.findOffer(trx, row.authority_id, meeting.id, child.id)
      const by = current?.answered_by ? (await staffNames(trx, row.authority_id, [current.answered_by])).get(current.answered_by) : undefined
      throw new ConflictError('Someone else recorded this child’s answer since you opened this page', by ?? null, current?.updated_at ?? null)
    }
    await recordAudit(trx, actorOf(caller), {
      action: 'referral.child-offer-recorded',
      recordType: 'referral',
      recordId: row.id,
      details: { child: child.id, meeting: meeting.id, answer: answers.answer, by: answers.whoAnswered, needs: [...answers.communicates, ...answers.needs] },
    })
    return childOfferView(child, meeting.meeting_date, await offers.findOffer(trx, row.authority_id, meeting.id, child.id))
  })
}

/** The longest "Children's advocates to refer" list a worktray shows. */
const TO_REFER_LIMIT = 50

export interface ChildToRefer {
  readonly href: string
  readonly child: string
  readonly reference: string
  readonly meetingDate: string
  readonly acceptedAt: Date | null
}

/**
 * Children who accepted an advocate whose own referral is not started yet: the advocacy admins'
 * "My team's work" (issue 11). Which referrals it showed goes into `shown` (`children-to-refer`),
 * for the page to record with its other lists. Nobody else has this list.
 */
export async function childrenToRefer(context: ServiceContext, caller: Caller, shown: ShownLists): Promise<readonly ChildToRefer[]> {
  if (!hasRole(caller.user, 'advocacy_admin')) return []
  const rows = await offers.acceptedNotReferred(context.db, caller.user.authorityId, TO_REFER_LIMIT)
  shown.add(
    'children-to-refer',
    rows.map((row) => row.referral_id),
  )
  return rows.map((row) => ({
    href: `/referrals/${row.referral_id}/child-advocate/${row.person_id}`,
    child: fullName(row),
    reference: row.reference,
    meetingDate: row.meeting_date,
    acceptedAt: row.answered_at,
  }))
}
