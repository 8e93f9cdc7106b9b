import { auditActorOf, recordAudit } from '../../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../../platform/auth/roles.ts'
import { staffNames } from '../../../platform/auth/staff-repository.ts'
import type { Queryable } from '../../../platform/db/schema.ts'
import { ConflictError, ForbiddenError, NotFoundError, WorkflowRefusedError } from '../../../platform/errors.ts'
import { isId } from '../../../platform/ids.ts'
import { fullName } from '../../../platform/people-names.ts'
import type { ServiceContext } from '../../../platform/service-context.ts'
import { londonDate } from '../../../platform/time/clock.ts'
import * as people from '../../people/records-service.ts'
import { advocateOfUser, allocationsOfAdvocate, findAllocation } from '../allocation/allocation-repository.ts'
import * as meetings from '../meeting-repository.ts'
import * as referrals from '../referral-repository.ts'
import { emptySectionOne } from '../section-1/questions.ts'
import { findSectionOne } from '../section-1/section-one-repository.ts'
import { canSee } from '../steps.ts'
import { isEnded } from '../workflow.ts'
import * as repository from './advocacy-record-repository.ts'
import { contactsOf, viewsOf, type Contact } from './record-reads.ts'

/**
 * The advocacy record: what an advocate records with the person — contacts, notes, and the person's
 * views in their own words. Advocacy is independent of the authority, so this is seen by the
 * advocacy service (its admins and managers) and the advocate alone; never by the referrer or other
 * local authority staff. The person's views reach others only once the person has agreed and the
 * admin has shared them with the conference chair.
 */

/** The advocate signed in, or "not found" for anyone else. */
async function advocateOf(trx: Queryable, caller: Caller) {
  if (!hasRole(caller.user, 'advocate')) throw new NotFoundError('Not an advocate')
  const advocate = await advocateOfUser(trx, caller.user.authorityId, caller.user.id)
  if (!advocate) throw new NotFoundError('No advocate record is linked to this sign-in')
  return advocate
}

/** An allocation of the signed-in advocate's, in one of `statuses`. */
async function ownAllocation(trx: Queryable, caller: Caller, allocationId: string, statuses: readonly string[]) {
  const advocate = await advocateOf(trx, caller)
  const allocation = isId(allocationId) ? await findAllocation(trx, caller.user.authorityId, allocationId) : undefined
  if (!allocation || allocation.advocate_id !== advocate.id || !statuses.includes(allocation.status)) throw new NotFoundError('No such allocation')
  return allocation
}

/** The referral, for someone in the advocacy service (admin or manager) with a relationship to it. */
async function serviceReferral(trx: Queryable, caller: Caller, referralId: string) {
  if (!hasRole(caller.user, 'advocacy_admin', 'service_manager')) throw new ForbiddenError('The advocacy record is for the advocacy service only')
  const row = isId(referralId) ? await referrals.findReferral(trx, caller.user.authorityId, referralId) : undefined
  if (!row || !canSee(caller.user, row)) throw new NotFoundError('No such referral')
  return row
}

/** What an advocate needs to know of the person and the meeting (with the offer, and while they work). */
async function personBrief(trx: Queryable, authorityId: string, referralId: string) {
  const row = await referrals.findReferral(trx, authorityId, referralId)
  if (!row) throw new NotFoundError('No such referral')
  const [person, meeting, sectionOne, children, referrer] = await Promise.all([
    row.person_id ? people.findPerson(trx, authorityId, row.person_id) : undefined,
    row.meeting_id ? meetings.findMeeting(trx, authorityId, row.meeting_id) : undefined,
    findSectionOne(trx, authorityId, row.id),
    referrals.referralChildren(trx, authorityId, row.id),
    staffNames(trx, authorityId, [row.referrer_id]),
  ])
  return {
    referralId: row.id,
    reference: row.reference,
    state: row.state,
    ended: isEnded(row.state),
    person: person ? { name: person.name, pronouns: person.pronouns, gender: person.gender, dateOfBirth: person.dateOfBirth } : null,
    children: children.map((child) => fullName(child)),
    meeting: meeting
      ? { type: meeting.type, typeOther: meeting.type_other, date: meeting.meeting_date, time: meeting.meeting_time, venue: meeting.venue }
      : null,
    sectionOne: sectionOne ?? { ...emptySectionOne, version: 0 },
    referrerName: referrer.get(row.referrer_id) ?? '',
  }
}

/** The advocate's own page: offers waiting for an answer, and the people they are working with. */
export async function advocateHome(context: ServiceContext, caller: Caller) {
  const advocate = await advocateOf(context.db, caller)
  const rows = await allocationsOfAdvocate(context.db, caller.user.authorityId, advocate.id)
  // The list shows people: which referrals it showed is recorded, for "who has seen this record".
  await recordAudit(context.db, auditActorOf(caller), {
    action: 'advocacy.home-viewed',
    recordType: 'advocate',
    recordId: advocate.id,
    details: { shown: rows.map((row) => row.referral_id) },
  })
  const entry = (row: (typeof rows)[number]) => ({
    allocationId: row.id,
    referralId: row.referral_id,
    reference: row.reference,
    person: fullName(row),
    meetingType: row.meeting_type,
    meetingDate: row.meeting_date,
    meetingTime: row.meeting_time,
    respondBy: row.respond_by,
  })
  return {
    name: fullName(advocate),
    advocateId: advocate.id,
    offers: rows.filter((row) => row.status === 'offered').map(entry),
    people: rows.filter((row) => row.status === 'accepted').map(entry),
  }
}

/** An offer waiting for this advocate's answer, with what they need to decide. */
export async function offerForAdvocate(context: ServiceContext, caller: Caller, allocationId: string) {
  const allocation = await ownAllocation(context.db, caller, allocationId, ['offered'])
  const brief = await personBrief(context.db, caller.user.authorityId, allocation.referral_id)
  await recordAudit(context.db, auditActorOf(caller), { action: 'advocacy.offer-viewed', recordType: 'referral', recordId: allocation.referral_id })
  return { allocationId: allocation.id, respondBy: allocation.respond_by, reasons: allocation.reasons, ...brief }
}

/** A person the advocate is working with: who they are, the meeting, their needs, the contacts and their views. */
export async function personForAdvocate(context: ServiceContext, caller: Caller, allocationId: string) {
  const allocation = await ownAllocation(context.db, caller, allocationId, ['accepted'])
  const [brief, contacts, views] = await Promise.all([
    personBrief(context.db, caller.user.authorityId, allocation.referral_id),
    contactsOf(context.db, caller.user.authorityId, allocation.referral_id),
    viewsOf(context.db, caller.user.authorityId, allocation.referral_id),
  ])
  await recordAudit(context.db, auditActorOf(caller), { action: 'advocacy.record-viewed', recordType: 'referral', recordId: allocation.referral_id })
  return { allocationId: allocation.id, ...brief, contacts, views }
}

/**
 * The person an advocate is working with (an accepted allocation of theirs, else "not found"), for
 * another feature to act on: a safeguarding concern raised from the person's page (issue 11).
 */
export async function advocatesPerson(context: ServiceContext, caller: Caller, allocationId: string, trx: Queryable = context.db) {
  const allocation = await ownAllocation(trx, caller, allocationId, ['accepted'])
  const referral = await referrals.findReferral(trx, caller.user.authorityId, allocation.referral_id)
  if (!referral) throw new NotFoundError('No such referral')
  const person = referral.person_id ? await people.findPerson(trx, caller.user.authorityId, referral.person_id) : undefined
  return { allocationId: allocation.id, referralId: referral.id, personId: referral.person_id, name: person?.name ?? null }
}

/** The advocate records a contact with the person they are working with. */
export async function addContact(context: ServiceContext, caller: Caller, allocationId: string, contact: Contact): Promise<{ referralId: string }> {
  return context.db.transaction().execute(async (trx) => {
    const allocation = await ownAllocation(trx, caller, allocationId, ['accepted'])
    if (contact.contactedOn > londonDate(context.clock.now())) throw new WorkflowRefusedError('The date of the contact must be today or in the past')
    await repository.insertContact(trx, {
      authority_id: allocation.authority_id,
      referral_id: allocation.referral_id,
      advocate_id: allocation.advocate_id,
      contacted_on: contact.contactedOn,
      method: contact.method,
      minutes: contact.minutes,
      notes: contact.notes,
      created_by: caller.user.id,
      created_at: context.clock.now(),
    })
    await recordAudit(trx, auditActorOf(caller), { action: 'advocacy.contact-recorded', recordType: 'referral', recordId: allocation.referral_id })
    return { referralId: allocation.referral_id }
  })
}

/** The person's views, in their own words, written with their advocate; and whether they agree to share them. */
export async function saveViews(
  context: ServiceContext,
  caller: Caller,
  allocationId: string,
  views: { views: string | null; agreed: boolean; agreedOn: string | null },
  version: number,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const allocation = await ownAllocation(trx, caller, allocationId, ['accepted'])
    const current = await repository.findViews(trx, allocation.authority_id, allocation.referral_id)
    if (current?.shared_at && views.views !== current.views) {
      throw new WorkflowRefusedError('These views have already been shared with the conference chair, so they cannot be changed')
    }
    const saved = await repository.saveViews(trx, {
      authorityId: allocation.authority_id,
      referralId: allocation.referral_id,
      version,
      views: views.views,
      agreed: views.agreed,
      agreedOn: views.agreed ? views.agreedOn : null,
      by: caller.user.id,
      now: context.clock.now(),
    })
    if (!saved) throw new ConflictError('The views were changed since you opened this page', null, current?.updated_at ?? null)
    await recordAudit(trx, auditActorOf(caller), {
      action: 'advocacy.views-saved',
      recordType: 'referral',
      recordId: allocation.referral_id,
      details: { agreed: views.agreed },
    })
  })
}

/**
 * The person themselves, from their own pages (`features/family`), agrees or does not agree that
 * the views they prepared with their advocate are shared with the conference chair. Once shared,
 * nothing changes; if the views changed since the page was opened, nothing is saved.
 */
export async function recordPersonsAgreement(
  context: ServiceContext,
  person: { readonly authorityId: string; readonly referralId: string; readonly ip: string | null; readonly codeId: string },
  agreed: boolean,
  version: number,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const current = await repository.findViews(trx, person.authorityId, person.referralId)
    if (!current?.views) throw new WorkflowRefusedError('There are no views to share yet')
    if (current.shared_at) throw new WorkflowRefusedError('These views have already been shared with the conference chair')
    const now = context.clock.now()
    const saved = await repository.recordAgreement(trx, {
      authorityId: person.authorityId,
      referralId: person.referralId,
      version,
      agreed,
      agreedOn: agreed ? londonDate(now) : null,
      now,
    })
    if (!saved) throw new ConflictError('The views were changed since the page was opened', null, current.updated_at)
    await recordAudit(
      trx,
      { userId: null, authorityId: person.authorityId, ip: person.ip },
      {
        action: 'advocacy.views-agreement-recorded',
        recordType: 'referral',
        recordId: person.referralId,
        details: { agreed, by: 'the person', codeId: person.codeId },
      },
    )
  })
}

/** The admin shares the person's views with the conference chair — only with the person's agreement. */
export async function shareViews(context: ServiceContext, caller: Caller, referralId: string): Promise<void> {
  if (!hasRole(caller.user, 'advocacy_admin')) throw new ForbiddenError('Only FGC Advocacy Admin shares the person’s views')
  await context.db.transaction().execute(async (trx) => {
    const row = await serviceReferral(trx, caller, referralId)
    const views = await repository.findViews(trx, row.authority_id, row.id)
    if (!views?.views) throw new WorkflowRefusedError('There are no views to share yet')
    if (!views.person_agreed_to_share) throw new WorkflowRefusedError('The person has not agreed to share their views')
    if (views.shared_at) return
    await repository.markViewsShared(trx, row.authority_id, row.id, caller.user.id, context.clock.now())
    await recordAudit(trx, auditActorOf(caller), { action: 'advocacy.views-shared', recordType: 'referral', recordId: row.id })
  })
}

/** The meeting as a calendar file, for the advocate's own calendar. It names no one. */
export async function calendarFor(context: ServiceContext, caller: Caller, allocationId: string) {
  const allocation = await ownAllocation(context.db, caller, allocationId, ['accepted', 'offered'])
  const brief = await personBrief(context.db, caller.user.authorityId, allocation.referral_id)
  if (!brief.meeting) throw new NotFoundError('No meeting')
  // The file leaves the service with the meeting in it: the download is a view of the referral.
  await recordAudit(context.db, auditActorOf(caller), {
    action: 'referral.meeting-downloaded',
    recordType: 'referral',
    recordId: allocation.referral_id,
    details: { allocationId: allocation.id },
  })
  return { reference: brief.reference, meeting: brief.meeting, uid: `${allocation.id}@alongside` }
}
