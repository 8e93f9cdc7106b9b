import { auditActorOf, recordAudit, type ShownLists } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { ConflictError, ForbiddenError, NotFoundError, WorkflowRefusedError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import { fullName } from '../../platform/people-names.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import type { ConsultationDecline, ConsultationReader, ConsultationStatus, ConsultationWay } from '../../vocabulary/children.ts'
import { openStates } from '../referrals/workflow.ts'
import type { FamilyCaller } from '../family/family.ts'
import { familyActor } from '../family/family.ts'
import {
  bandQuestions,
  childConsulted,
  consultationTiming,
  consultsChildrenBefore,
  hasWorryingWords,
  saysAnything,
  type ChildConsulted,
  type Question,
  type Timing,
} from './consultation.ts'
import * as repository from './consultation-repository.ts'

/**
 * Children's consultation before a review conference (issue 11, ADR 31). Staff (the advocacy
 * admins for any referral that reached the service, the advocate working with the parent or with
 * the child's own referral) record it done with the child or from a paper form, or that the child
 * did not take part; the child does it on their own pages with a trusted adult. The referrer reads
 * the answers only if the child agreed their social worker may; the chair's page shows them only if
 * the child agreed the chair may. Every view and save is audited: which child, the status, who;
 * never the child's words.
 */

/** What a consultation says, as the forms give it. */
export interface ConsultationAnswers {
  readonly status: ConsultationStatus
  readonly helper: { readonly name: string; readonly relationship: string } | null
  readonly answers: Readonly<Record<string, string>>
  readonly shareWith: readonly ConsultationReader[]
  readonly declineReason: ConsultationDecline | null
  readonly declineDetail: string | null
}

/** A rule of the child's band the form alone cannot check, for the field it belongs to: an answer too long for the band, no trusted adult for a child of 4 to 7, or nothing said. */
export class ConsultationRefused extends Error {
  override name = 'ConsultationRefused'
  readonly field: string
  readonly reason: 'too_long' | 'needs_helper' | 'says_nothing'
  readonly max: number | null
  constructor(field: string, reason: ConsultationRefused['reason'], max: number | null = null) {
    super(`${field}: ${reason}`)
    this.field = field
    this.reason = reason
    this.max = max
  }
}

type Viewer = 'service' | 'advocate' | 'referrer'

/**
 * The referral, its review conference and the child, and who this member of staff is to them:
 * 404 for anyone the referral is hidden from (as its own pages: the referrer, and once sent the
 * advocacy admins and service managers; and here the advocate working with the parent or the
 * child), a child not on it, a meeting that is not a review conference, or a child not consulted;
 * 403 for anyone else who may see the referral (a service manager).
 */
async function load(db: Queryable, caller: Caller, referralId: string, childId: string) {
  if (!isId(referralId) || !isId(childId)) throw new NotFoundError('No such referral')
  const { user } = caller
  const found = await repository.referralForConsultation(db, user.authorityId, referralId, childId, user.id)
  if (!found) throw new NotFoundError('No such referral')
  const sent = found.sent_at !== null
  const advocate = sent && hasRole(user, 'advocate') && (found.theirAdvocate || found.childsAdvocate)
  const referrer = found.referrer_id === user.id
  const visible = referrer || advocate || (sent && hasRole(user, 'advocacy_admin', 'service_manager'))
  if (!visible) throw new NotFoundError('No such referral')
  const { child, meeting_id: meetingId, meeting_type: meetingType, meeting_date: meetingDate } = found
  if (!sent || !child || !meetingId || !meetingType || !meetingDate || found.person_kind === 'child' || !consultsChildrenBefore(meetingType))
    throw new NotFoundError('No consultation for this child')
  const consulted = childConsulted(child.date_of_birth, meetingDate)
  if (!consulted) throw new NotFoundError('This child is under 4 on the day of the meeting: someone speaks for them')
  const viewer: Viewer | null = sent && hasRole(user, 'advocacy_admin') ? 'service' : advocate ? 'advocate' : referrer ? 'referrer' : null
  if (!viewer) throw new ForbiddenError('Only the advocacy service and the child’s or parent’s advocate record a child’s consultation')
  const recorded = await repository.findConsultation(db, user.authorityId, meetingId, child.id)
  return { found, child, meetingId, meetingDate, consulted, viewer, recorded }
}

export interface RecordedConsultation {
  readonly status: ConsultationStatus
  readonly doneHow: ConsultationWay
  readonly helper: { readonly name: string; readonly relationship: string } | null
  readonly shareWith: readonly ConsultationReader[]
  readonly declineReason: ConsultationDecline | null
  readonly declineDetail: string | null
  /** Who recorded it: a member of staff, or null when the child did it on their own pages. */
  readonly recordedBy: string | null
  readonly recordedAt: Date
  readonly worrying: boolean
}

export interface ConsultationPage {
  readonly referral: { readonly id: string; readonly reference: string }
  readonly child: { readonly id: string; readonly name: string; readonly givenName: string } & ChildConsulted
  readonly meetingDate: string
  /** Due, overdue or missed while nothing is recorded; null once it is. */
  readonly timing: Timing | null
  readonly recorded: RecordedConsultation | null
  /** The child's answers, only for those the child agreed may read them (the advocacy service always). */
  readonly answers: Readonly<Record<string, string>> | null
  readonly questions: readonly Question[]
  readonly viewer: Viewer
  /** How this member of staff would record it, or null when they may not (the referrer; or the child did it themselves). */
  readonly recordsAs: 'with_advocate' | 'on_paper' | null
  readonly version: number
}

function recordedOf(row: repository.ConsultationRow): RecordedConsultation {
  return {
    status: row.status,
    doneHow: row.done_how,
    helper: row.helper_name ? { name: row.helper_name, relationship: row.helper_relationship ?? '' } : null,
    shareWith: row.share_with,
    declineReason: row.decline_reason,
    declineDetail: row.decline_detail,
    recordedBy: row.recorded_by_name,
    recordedAt: row.recorded_at,
    worrying: row.worrying_words,
  }
}

/** The staff page: the child's age and form, where it stands, and (as the child agreed) their answers. Audited as a view. */
export async function consultationPage(context: ServiceContext, caller: Caller, referralId: string, childId: string): Promise<ConsultationPage> {
  const { found, child, meetingId, meetingDate, consulted, viewer, recorded } = await load(context.db, caller, referralId, childId)
  const mayRead = viewer !== 'referrer' || (recorded?.share_with.includes('social_worker') ?? false)
  await recordAudit(context.db, auditActorOf(caller), {
    action: 'consultation.viewed',
    recordType: 'referral',
    recordId: found.id,
    details: { child: child.id, meeting: meetingId, status: recorded?.status ?? 'due', as: viewer },
  })
  const band = recorded?.age_band ?? consulted.band
  return {
    referral: { id: found.id, reference: found.reference },
    child: { id: child.id, name: fullName(child), givenName: child.given_name, ...consulted, band },
    meetingDate,
    timing: recorded ? null : consultationTiming(meetingDate, londonDate(context.clock.now())),
    recorded: recorded ? recordedOf(recorded) : null,
    answers: recorded && mayRead ? recorded.answers : null,
    questions: bandQuestions[band],
    viewer,
    recordsAs: viewer === 'referrer' || recorded?.done_how === 'own_pages' ? null : viewer === 'advocate' ? 'with_advocate' : 'on_paper',
    version: recorded?.version ?? 0,
  }
}

/** The band's answers only, each within its length; refused when a child of 4 to 7 had no trusted adult, or a consultation done says nothing. */
function checked(band: ChildConsulted['band'], consultation: ConsultationAnswers): Record<string, string> {
  const answers: Record<string, string> = {}
  for (const question of bandQuestions[band]) {
    const value = consultation.answers[question.name]
    if (value === undefined) continue
    if (question.max !== undefined && value.length > question.max) throw new ConsultationRefused(question.name, 'too_long', question.max)
    answers[question.name] = value
  }
  if (consultation.status === 'completed') {
    if (band === '4_to_7' && !consultation.helper) throw new ConsultationRefused('helped', 'needs_helper')
    if (!saysAnything(answers)) throw new ConsultationRefused(bandQuestions[band][0]?.name ?? 'form', 'says_nothing')
  }
  return answers
}

function changeOf(
  band: ChildConsulted['band'],
  how: ConsultationWay,
  consultation: ConsultationAnswers,
  recordedBy: string | null,
): repository.ConsultationChange {
  const answers = checked(band, consultation)
  return {
    status: consultation.status,
    age_band: band,
    done_how: how,
    helper_name: consultation.helper?.name ?? null,
    helper_relationship: consultation.helper?.relationship ?? null,
    answers,
    worrying_words: hasWorryingWords(band, answers),
    share_with: consultation.status === 'completed' ? consultation.shareWith : [],
    decline_reason: consultation.declineReason,
    decline_detail: consultation.declineDetail,
    recorded_by: recordedBy,
  }
}

/**
 * Records a child's consultation, done with them (the advocate) or from a paper form (an admin), or
 * that they did not take part, unless someone recorded it since `version`: a second person at the
 * same moment is told it was already recorded, and keeps what they typed. What the child did on
 * their own pages is theirs: staff do not change it.
 */
export async function recordConsultation(
  context: ServiceContext,
  caller: Caller,
  referralId: string,
  childId: string,
  consultation: ConsultationAnswers,
  version: number,
): Promise<{ readonly name: string; readonly status: ConsultationStatus }> {
  return context.db.transaction().execute(async (trx) => {
    const { found, child, meetingId, consulted, viewer, recorded } = await load(trx, caller, referralId, childId)
    if (viewer === 'referrer') throw new ForbiddenError('Only the advocacy service and the child’s or parent’s advocate record a child’s consultation')
    if (recorded?.done_how === 'own_pages') throw new WorkflowRefusedError(`${child.given_name} did this on their own pages, so it is not changed here`)
    const band = recorded?.age_band ?? consulted.band
    const how: ConsultationWay = viewer === 'advocate' ? 'with_advocate' : 'on_paper'
    const change = changeOf(band, how, consultation, caller.user.id)
    const key = { authorityId: caller.user.authorityId, meetingId, personId: child.id }
    const now = context.clock.now()
    const saved = version === 0 ? await repository.addConsultation(trx, key, change, now) : await repository.changeConsultation(trx, key, version, change, now)
    if (!saved) {
      const current = await repository.findConsultation(trx, caller.user.authorityId, meetingId, child.id)
      const by = current ? (current.recorded_by_name ?? `${child.given_name}, on their own pages`) : null
      throw new ConflictError(`${child.given_name}’s consultation was recorded by someone else after you opened this page`, by, current?.updated_at ?? null)
    }
    await recordAudit(trx, auditActorOf(caller), {
      action: 'consultation.recorded',
      recordType: 'referral',
      recordId: found.id,
      details: { child: child.id, meeting: meetingId, status: consultation.status, how, band, shareWith: change.share_with, worrying: change.worrying_words },
    })
    return { name: fullName(child), status: consultation.status }
  })
}

export interface ChairPage {
  readonly givenName: string
  readonly name: string
  readonly meetingDate: string
  readonly referral: { readonly id: string; readonly reference: string }
  /** Nothing is recorded yet, the child did not take part, they did not agree, or the answers they agreed the chair may read. */
  readonly shown:
    | { readonly kind: 'not-yet' | 'declined' | 'not-shared' }
    | { readonly kind: 'shared'; readonly answers: Readonly<Record<string, string>>; readonly questions: readonly Question[]; readonly helper: string | null }
}

/** The printable page for the conference chair: only the answers the child agreed the chair may read. For the advocacy service and the advocate. */
export async function consultationForTheChair(context: ServiceContext, caller: Caller, referralId: string, childId: string): Promise<ChairPage> {
  const { found, child, meetingId, meetingDate, viewer, recorded } = await load(context.db, caller, referralId, childId)
  if (viewer === 'referrer') throw new ForbiddenError('The page for the chair is printed by the advocacy service or the advocate')
  const shown: ChairPage['shown'] = !recorded
    ? { kind: 'not-yet' }
    : recorded.status === 'declined'
      ? { kind: 'declined' }
      : !recorded.share_with.includes('chair')
        ? { kind: 'not-shared' }
        : {
            kind: 'shared',
            answers: recorded.answers,
            questions: bandQuestions[recorded.age_band],
            helper: recorded.helper_name ? `${recorded.helper_name} (${recorded.helper_relationship ?? ''})` : null,
          }
  await recordAudit(context.db, auditActorOf(caller), {
    action: 'consultation.chair-page-viewed',
    recordType: 'referral',
    recordId: found.id,
    details: { child: child.id, meeting: meetingId, status: recorded?.status ?? 'due', shown: shown.kind },
  })
  return { givenName: child.given_name, name: fullName(child), meetingDate, referral: { id: found.id, reference: found.reference }, shown }
}

/** The longest list a worktray shows. */
const WAITING_LIST_LIMIT = 50

export interface ConsultationWaiting {
  readonly href: string
  readonly givenName: string
  readonly age: number | null
  readonly reference: string
  readonly meetingDate: string
  readonly timing: Timing
}

/**
 * "Children's consultations before reviews": due and overdue, for the advocacy admins' team
 * ("team": every one) and an advocate's own ("mine": the children of the people they work with, or
 * the child they work with). Missed ones (the meeting has happened) are not listed. Which referrals
 * it showed goes into `shown` (`consultations-waiting`), for the page to record with its other lists.
 */
export async function consultationsWaiting(
  context: ServiceContext,
  caller: Caller,
  tray: 'mine' | 'team',
  shown: ShownLists,
): Promise<readonly ConsultationWaiting[]> {
  const { user } = caller
  const owner =
    tray === 'team' ? (hasRole(user, 'advocacy_admin') ? { service: true as const } : null) : hasRole(user, 'advocate') ? { advocateUserId: user.id } : null
  if (!owner) return []
  const today = londonDate(context.clock.now())
  const rows = await repository.consultationsWaiting(context.db, user.authorityId, owner, today, openStates, WAITING_LIST_LIMIT)
  const items = rows.flatMap((row) => {
    const consulted = childConsulted(row.date_of_birth, row.meeting_date)
    if (!consulted) return []
    const timing = consultationTiming(row.meeting_date, today)
    if (timing.state === 'missed') return []
    return [
      {
        href: `/referrals/${row.referral_id}/consultation/${row.child_id}`,
        givenName: row.given_name,
        age: consulted.age,
        reference: row.reference,
        meetingDate: row.meeting_date,
        timing,
        childId: row.child_id,
        referralId: row.referral_id,
      },
    ]
  })
  shown.add(
    'consultations-waiting',
    items.map((item) => item.referralId),
  )
  const overdueFirst = [...items].sort((a, b) => Number(b.timing.state === 'overdue') - Number(a.timing.state === 'overdue'))
  return overdueFirst.map(({ href, givenName, age, reference, meetingDate, timing }) => ({ href, givenName, age, reference, meetingDate, timing }))
}

/** What a child's own session is consulted about: their review conference, if their referral is a child's own (ADR 30) and the consultation is theirs to do. */
async function childsConference(db: Queryable, caller: FamilyCaller) {
  const { member } = caller
  const conference = await repository.conferenceOfChildReferral(db, member.authorityId, member.referralId)
  if (!conference || conference.person_id !== member.personId || !consultsChildrenBefore(conference.meeting_type)) return undefined
  const consulted = childConsulted(conference.date_of_birth, conference.meeting_date)
  if (!consulted) return undefined
  return { ...conference, consulted }
}

export type FamilyConsultation =
  | {
      readonly status: 'due'
      readonly givenName: string
      readonly meetingDate: string
      readonly dueBy: string
      readonly band: ChildConsulted['band']
      readonly questions: readonly Question[]
    }
  | { readonly status: 'done' }

/**
 * The child's own consultation, on their own pages: the form for their age while it is due or
 * overdue; "done" once anything is recorded (by them or by staff). 404 for a session that is not a
 * child's own referral's for a review conference (a parent's never sees it), and once the meeting
 * has happened with nothing recorded.
 */
export async function familyConsultation(context: ServiceContext, caller: FamilyCaller): Promise<FamilyConsultation> {
  const conference = await childsConference(context.db, caller)
  if (!conference) throw new NotFoundError('No consultation on these pages')
  const recorded = await repository.findConsultation(context.db, caller.member.authorityId, conference.meeting_id, conference.person_id)
  if (recorded) return { status: 'done' }
  const timing = consultationTiming(conference.meeting_date, londonDate(context.clock.now()))
  if (timing.state === 'missed') throw new NotFoundError('The meeting has happened')
  const { band } = conference.consulted
  return { status: 'due', givenName: conference.given_name, meetingDate: conference.meeting_date, dueBy: timing.dueBy, band, questions: bandQuestions[band] }
}

/** Whether the child's own consultation waits for them (for their status page); never for a parent's session. */
export async function familyConsultationDue(context: ServiceContext, caller: FamilyCaller): Promise<boolean> {
  const conference = await childsConference(context.db, caller)
  if (!conference) return false
  if (consultationTiming(conference.meeting_date, londonDate(context.clock.now())).state === 'missed') return false
  return (await repository.findConsultation(context.db, caller.member.authorityId, conference.meeting_id, conference.person_id)) === undefined
}

/**
 * The child's answers from their own pages. "already" when it was recorded first (by them in
 * another window, or by staff): nothing is changed, and the page keeps what they typed.
 */
export async function consultAsChild(context: ServiceContext, caller: FamilyCaller, consultation: ConsultationAnswers): Promise<'done' | 'already'> {
  return context.db.transaction().execute(async (trx) => {
    const conference = await childsConference(trx, caller)
    if (!conference) throw new NotFoundError('No consultation on these pages')
    if (consultationTiming(conference.meeting_date, londonDate(context.clock.now())).state === 'missed') throw new NotFoundError('The meeting has happened')
    const band = conference.consulted.band
    const change = changeOf(band, 'own_pages', consultation, null)
    const added = await repository.addConsultation(
      trx,
      { authorityId: caller.member.authorityId, meetingId: conference.meeting_id, personId: conference.person_id },
      change,
      context.clock.now(),
    )
    if (!added) return 'already'
    await recordAudit(trx, familyActor(caller), {
      action: 'consultation.recorded',
      recordType: 'referral',
      recordId: caller.member.referralId,
      details: {
        child: conference.person_id,
        meeting: conference.meeting_id,
        status: 'completed',
        how: 'own_pages',
        band,
        shareWith: change.share_with,
        worrying: change.worrying_words,
      },
    })
    return 'done'
  })
}
