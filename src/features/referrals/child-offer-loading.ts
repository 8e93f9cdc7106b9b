import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import * as offers from './child-offer-repository.ts'
import { offersChildrenAnAdvocate } from './children-offered.ts'
import * as meetings from './meeting-repository.ts'
import * as referrals from './referral-repository.ts'
import { loadReferral } from './steps.ts'

/**
 * One child's offer of an advocate on a referral, for the advocacy admin team who record it and
 * start the child's own referral from it (ADR 29, ADR 30): 404 for anyone the referral is hidden
 * from, or a child not on it, or a meeting that is not a child protection conference; 403 for other roles.
 */
/** The referral, its conference and the child, if this person may record the child's answer. */
export async function loadChild(trx: Queryable, caller: Caller, referralId: string, childId: string, forUpdate: boolean) {
  const row = await loadReferral(trx, caller, referralId, { forUpdate })
  if (!hasRole(caller.user, 'advocacy_admin')) throw new ForbiddenError('Only the advocacy admin team records a child’s answer')
  if (row.sent_at === null || !isId(childId)) throw new NotFoundError('No such child on this referral')
  const meeting = row.meeting_id ? await meetings.findMeeting(trx, row.authority_id, row.meeting_id) : undefined
  if (!meeting || !offersChildrenAnAdvocate(meeting.type)) throw new NotFoundError('This meeting is not a child protection conference')
  const child = (await referrals.referralChildren(trx, row.authority_id, row.id)).find((candidate) => candidate.id === childId)
  if (!child) throw new NotFoundError('No such child on this referral')
  const recorded = await offers.findOffer(trx, row.authority_id, meeting.id, child.id)
  return { row, meeting, child, recorded }
}
