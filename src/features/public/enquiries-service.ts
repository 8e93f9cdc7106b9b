import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import type { Caller, SignedInUser } from '../../platform/auth/roles.ts'
import { fgcAdvocacyAdminTeam } from '../../platform/auth/staff-repository.ts'
import { ForbiddenError, NotFoundError, WorkflowRefusedError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { addWorkingDays } from '../../platform/time/calendar.ts'
import { londonDate } from '../../platform/time/clock.ts'
import type { Asker, ContactWay, EnquiryMeetingType, EnquiryOutcome } from '../../vocabulary/enquiries.ts'
import { referralByReference } from '../referrals/lookup-service.ts'
import { bankHolidaysFor } from '../settings/working-days.ts'
import * as repository from './enquiry-repository.ts'
import { ANSWER_WITHIN_WORKING_DAYS, ENQUIRIES_PAGE_SIZE, mayReadEnquiries, NoSuchReferralError } from './enquiry.ts'
import type { Refusal } from './limits.ts'
import { acceptReceipt } from './receipts-service.ts'

/**
 * Enquiries: a parent (or someone for them, with their agreement) asks for an advocate from the
 * public pages, without signing in. The enquiry waits on the authority's FGC Advocacy Admin team,
 * due in `ANSWER_WITHIN_WORKING_DAYS`, as the confirmation page promises; an advocacy admin or a
 * service manager opens it (audited), and closes it with what they did: linked it to a referral,
 * asked the social worker to refer, or answered it.
 */

export interface EnquiryAnswers {
  readonly authorityId: string
  readonly asker: Asker
  readonly askerName: string | null
  readonly askerRelationship: string | null
  readonly name: string
  readonly contactWay: ContactWay
  readonly phone: string | null
  readonly email: string | null
  readonly safeToLeaveMessage: boolean
  readonly safeTimes: string | null
  readonly socialWorker: string | null
  readonly meetingType: EnquiryMeetingType | null
  readonly meetingDate: string | null
  readonly language: string | null
  readonly anythingElse: string | null
}

/** How long the same enquiry sent again counts as the first one. */
const TWIN_WITHIN_MINUTES = 60

export type Sent = { readonly outcome: 'received' } | { readonly outcome: 'refused'; readonly why: Refusal }

/**
 * Receives an enquiry from the public pages, if the flood limits allow (limits.ts). Only the
 * parent's agreement lets someone else ask (the schema insists on it). Audited as
 * `enquiry.received`, with the address it came from and nothing of what it says.
 */
export async function askForAnAdvocate(context: ServiceContext, answers: EnquiryAnswers, from: { ip: string; pageLanguage: string }): Promise<Sent> {
  const { authorityId } = answers
  return context.db.transaction().execute(async (trx) => {
    const now = context.clock.now()
    const phone = answers.contactWay === 'phone' ? answers.phone : null
    const email = answers.contactWay === 'email' ? answers.email : null
    const refusal = await acceptReceipt(trx, { authorityId, form: 'enquiry', ip: from.ip, at: now })
    if (refusal) return { outcome: 'refused', why: refusal }
    // The same form sent twice (a double click) is one enquiry: the receipt above still counts it.
    const since = new Date(now.getTime() - TWIN_WITHIN_MINUTES * 60_000)
    if (await repository.findRecentTwin(trx, authorityId, { name: answers.name, phone, email, since })) return { outcome: 'received' }
    const dueOn = addWorkingDays(londonDate(now), ANSWER_WITHIN_WORKING_DAYS, await bankHolidaysFor(trx, authorityId))
    const forSomeoneElse = answers.asker === 'someone_else'
    const id = await repository.insertEnquiry(trx, {
      authority_id: authorityId,
      team_id: (await fgcAdvocacyAdminTeam(trx, authorityId)) ?? null,
      asker: answers.asker,
      asker_name: forSomeoneElse ? answers.askerName : null,
      asker_relationship: forSomeoneElse ? answers.askerRelationship : null,
      parent_agreed: true,
      name: answers.name,
      contact_way: answers.contactWay,
      phone,
      email,
      safe_to_leave_message: answers.safeToLeaveMessage,
      safe_times: answers.safeTimes,
      social_worker: answers.socialWorker,
      meeting_type: answers.meetingType,
      meeting_date: answers.meetingDate,
      language: answers.language,
      anything_else: answers.anythingElse,
      page_language: from.pageLanguage,
      received_at: now,
      due_on: dueOn,
    })
    await recordAudit(trx, { userId: null, authorityId, ip: from.ip }, { action: 'enquiry.received', recordType: 'enquiry', recordId: id })
    return { outcome: 'received' }
  })
}

function requireReader(user: SignedInUser): void {
  if (!mayReadEnquiries(user)) throw new ForbiddenError('Only the advocacy service reads enquiries')
}

function listed(context: ServiceContext, caller: Caller, list: string, page: number, shown: readonly string[]) {
  if (shown.length === 0) return Promise.resolve()
  return recordAudit(context.db, auditActorOf(caller), { action: 'enquiry.listed', recordType: 'enquiry', details: { list, page, shown } })
}

export interface EnquirySummary {
  readonly id: string
  readonly name: string
  readonly receivedAt: Date
  readonly dueOn: string
  readonly overdue: boolean
  readonly meetingType: EnquiryMeetingType | null
  readonly meetingDate: string | null
}

function summaryOf(row: Awaited<ReturnType<typeof repository.openEnquiries>>[number], today: string): EnquirySummary {
  return {
    id: row.id,
    name: row.name,
    receivedAt: row.received_at,
    dueOn: row.due_on,
    overdue: row.due_on < today,
    meetingType: row.meeting_type,
    meetingDate: row.meeting_date,
  }
}

/**
 * For "My work" and "My team's work": how many enquiries wait (on the caller's teams, for the team
 * view), and the first few of them. Null for anyone who does not read enquiries. What it showed is audited.
 */
export async function enquiriesWaiting(
  context: ServiceContext,
  caller: Caller,
  view: 'mine' | 'team',
): Promise<{ total: number; overdue: number; items: EnquirySummary[] } | null> {
  if (!mayReadEnquiries(caller.user)) return null
  const today = londonDate(context.clock.now())
  const { authorityId } = caller.user
  const teamIds = view === 'team' ? caller.user.teamIds : undefined
  const counts = await repository.openEnquiryCount(context.db, authorityId, { teamIds, today })
  if (view === 'mine' || counts.total === 0) return { ...counts, items: [] }
  const rows = await repository.openEnquiries(context.db, authorityId, { teamIds, limit: 10, offset: 0 })
  await listed(
    context,
    caller,
    'team-work',
    1,
    rows.map((row) => row.id),
  )
  return { ...counts, items: rows.map((row) => summaryOf(row, today)) }
}

/** Every open enquiry of the authority, overdue first, a page at a time, and the last few closed. */
export async function enquiries(context: ServiceContext, caller: Caller, page: number) {
  requireReader(caller.user)
  const today = londonDate(context.clock.now())
  const { authorityId } = caller.user
  const [rows, counts, closed] = await Promise.all([
    repository.openEnquiries(context.db, authorityId, { limit: ENQUIRIES_PAGE_SIZE, offset: (page - 1) * ENQUIRIES_PAGE_SIZE }),
    repository.openEnquiryCount(context.db, authorityId, { today }),
    page === 1 ? repository.closedEnquiries(context.db, authorityId, 10) : [],
  ])
  await listed(context, caller, 'enquiries', page, [...rows.map((row) => row.id), ...closed.map((row) => row.id)])
  return {
    open: rows.map((row) => summaryOf(row, today)),
    closed: closed.map((row) => ({ id: row.id, name: row.name, receivedAt: row.received_at, outcome: row.outcome, closedAt: row.closed_at })),
    total: counts.total,
    overdue: counts.overdue,
    page,
    pages: Math.max(1, Math.ceil(counts.total / ENQUIRIES_PAGE_SIZE)),
  }
}

async function enquiryRow(context: ServiceContext, caller: Caller, enquiryId: string) {
  requireReader(caller.user)
  const row = isId(enquiryId) ? await repository.findEnquiry(context.db, caller.user.authorityId, enquiryId) : undefined
  if (!row) throw new NotFoundError('No such enquiry')
  return row
}

/** Refuses (404) an enquiry this member of staff may not see, before anything they sent is read. */
export async function requireEnquiry(context: ServiceContext, caller: Caller, enquiryId: string): Promise<void> {
  await enquiryRow(context, caller, enquiryId)
}

/** One enquiry, everything it says and how it was closed. Viewing it is audited (`enquiry.viewed`). */
export async function enquiry(context: ServiceContext, caller: Caller, enquiryId: string) {
  const row = await enquiryRow(context, caller, enquiryId)
  await recordAudit(context.db, auditActorOf(caller), { action: 'enquiry.viewed', recordType: 'enquiry', recordId: row.id })
  const today = londonDate(context.clock.now())
  return {
    id: row.id,
    open: row.state === 'open',
    version: row.version,
    asker: row.asker,
    askerName: row.asker_name,
    askerRelationship: row.asker_relationship,
    name: row.name,
    contactWay: row.contact_way,
    phone: row.phone,
    email: row.email,
    safeToLeaveMessage: row.safe_to_leave_message,
    safeTimes: row.safe_times,
    socialWorker: row.social_worker,
    meetingType: row.meeting_type,
    meetingDate: row.meeting_date,
    language: row.language,
    anythingElse: row.anything_else,
    pageLanguage: row.page_language,
    receivedAt: row.received_at,
    dueOn: row.due_on,
    overdue: row.state === 'open' && row.due_on < today,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    referral: row.referral_id && row.referral_reference ? { id: row.referral_id, reference: row.referral_reference } : null,
    closedBy: row.closed_by_name,
    closedAt: row.closed_at,
  }
}

export type EnquiryView = Awaited<ReturnType<typeof enquiry>>

export interface Closing {
  readonly outcome: EnquiryOutcome
  /** For "Linked to a referral": the referral's reference, as the admin typed it. */
  readonly referralReference: string | null
  readonly note: string | null
}

/**
 * Closes an enquiry with what the admin did. Two admins closing it at once: the second is told
 * who closed it, and nothing of theirs is saved. Audited as `enquiry.closed` with the outcome.
 */
export async function closeEnquiry(context: ServiceContext, caller: Caller, enquiryId: string, version: number, closing: Closing): Promise<void> {
  const row = await enquiryRow(context, caller, enquiryId)
  const { authorityId } = caller.user
  await context.db.transaction().execute(async (trx) => {
    let referralId: string | null = null
    if (closing.outcome === 'linked_to_referral') {
      const referral = closing.referralReference ? await referralByReference(trx, authorityId, closing.referralReference) : undefined
      if (!referral) throw new NoSuchReferralError('There is no referral with that reference. Check it and try again')
      referralId = referral.id
    }
    const closed = await repository.closeEnquiry(trx, authorityId, row.id, version, {
      outcome: closing.outcome,
      note: closing.note,
      referralId,
      by: caller.user.id,
      at: context.clock.now(),
    })
    if (!closed) {
      const now = await repository.findEnquiry(trx, authorityId, row.id)
      const who = now?.closed_by_name ?? 'Someone else'
      throw new WorkflowRefusedError(`${who} closed this enquiry after you opened it. What you entered was not saved.`)
    }
    await recordAudit(trx, auditActorOf(caller), {
      action: 'enquiry.closed',
      recordType: 'enquiry',
      recordId: row.id,
      details: { outcome: closing.outcome, ...(referralId ? { referralId } : {}) },
    })
  })
}
