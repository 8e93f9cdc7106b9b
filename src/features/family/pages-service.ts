import { recordAudit } from '../../platform/audit/audit.ts'
import { NotFoundError } from '../../platform/errors.ts'
import type { BoundService } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import type { Weekday } from '../../vocabulary/advocates.ts'
import type { Adjustment, GenderPreference, MeetingType, NextAction, NotForFamilyQuestion } from '../../vocabulary/referrals.ts'
import { photoShownToFamilies, shownToFamilies } from '../profile/profile-service.ts'
import { recordPersonsAgreement } from '../referrals/advocacy-record/advocacy-record-service.ts'
import { authorityFor } from '../settings/authority-details-service.ts'
import { codeLastDay, familyActor, type FamilyCaller, type FamilyContext } from './family.ts'
import * as repository from './pages-repository.ts'
import { headline, timelineSentences, whatHappensNext, type Sentence } from './where-things-stand.ts'

/**
 * A family member's own pages, read from the code their session began with (so only ever their own
 * referral), in words the person can read: never a staff label, never anything about another
 * person. Each page seen is audited as the family's.
 */

type Page = 'status' | 'advocate' | 'meeting' | 'rights' | 'referral' | 'advocate-photo' | 'social-worker-photo' | 'meeting-calendar' | 'views'

async function seen(context: FamilyContext, caller: FamilyCaller, page: Page): Promise<void> {
  await recordAudit(context.db, familyActor(caller), {
    action: 'family.page-viewed',
    recordType: 'referral',
    recordId: caller.member.referralId,
    details: { page, codeId: caller.member.codeId },
  })
}

async function referralOf(context: FamilyContext, caller: FamilyCaller) {
  const row = await repository.referralOf(context.db, caller.member.authorityId, caller.member.codeId)
  if (!row) throw new NotFoundError('No such referral')
  return row
}

type Working = 'advocate' | 'local-service' | 'asking' | 'none'

function workingFrom(allocation: { status: string } | undefined): Working {
  if (allocation?.status === 'accepted') return 'advocate'
  if (allocation?.status === 'triaged') return 'local-service'
  if (allocation?.status === 'offered') return 'asking'
  return 'none'
}

export interface StatusView {
  readonly givenName: string
  readonly headline: string
  readonly next: readonly Sentence[]
  readonly timeline: readonly Sentence[]
  readonly socialWorker: string | null
  /** Their social worker's introduction and photo, when the social worker and the authority show them. */
  readonly socialWorkerProfile: { readonly introduction: string | null; readonly hasPhoto: boolean } | null
}

/** Where things stand: a headline, what happens next and when, and what has happened, oldest first. */
export async function familyStatus(context: FamilyContext, caller: FamilyCaller): Promise<StatusView> {
  const row = await referralOf(context, caller)
  const [events, allocation, profile] = await Promise.all([
    repository.eventsOf(context.db, caller.member.authorityId, caller.member.codeId),
    repository.allocationOf(context.db, caller.member.authorityId, caller.member.codeId),
    row.referrer_id ? shownToFamilies(context, caller.member.authorityId, row.referrer_id) : undefined,
  ])
  const working = workingFrom(allocation)
  await seen(context, caller, 'status')
  return {
    givenName: row.given_name,
    headline: headline(row.state, working === 'asking' ? 'none' : working),
    next: whatHappensNext({
      state: row.state,
      stepDueOn: row.step_due_on,
      meetingDate: row.meeting_date,
      today: londonDate(context.clock.now()),
      working: working === 'asking' ? 'none' : working,
      lastDay: codeLastDay(row.closed_at, context.policy),
    }),
    timeline: timelineSentences(events.map((event) => ({ event: event.event, on: londonDate(event.at) }))),
    socialWorker: row.referrer_name,
    socialWorkerProfile: row.referrer_name ? (profile ?? null) : null,
  }
}

/** Their social worker's photo, when the social worker and the authority show it. */
export async function familySocialWorkerPhoto(context: FamilyContext, caller: FamilyCaller) {
  const row = await referralOf(context, caller)
  const photo = row.referrer_id ? await photoShownToFamilies(context, caller.member.authorityId, row.referrer_id) : undefined
  if (!photo) return undefined
  await seen(context, caller, 'social-worker-photo')
  return photo
}

export type AdvocateView =
  | {
      readonly kind: 'advocate'
      readonly name: string
      readonly givenName: string
      readonly aboutMe: string | null
      readonly hasPhoto: boolean
      readonly phone: string | null
      readonly email: string | null
      readonly days: readonly Weekday[]
      readonly languages: readonly string[]
    }
  | { readonly kind: 'local-service'; readonly service: string; readonly contact: string | null }
  /** No advocate: why, as a message key. */
  | { readonly kind: 'none'; readonly reason: 'asking' | 'finding' | 'notYet' | 'ended' }

/** Their advocate (or who is finding one), and nothing of anyone else's. */
export async function familyAdvocate(context: FamilyContext, caller: FamilyCaller): Promise<AdvocateView> {
  const row = await referralOf(context, caller)
  const allocation = await repository.allocationOf(context.db, caller.member.authorityId, caller.member.codeId)
  await seen(context, caller, 'advocate')
  const working = workingFrom(allocation)
  if (allocation && working === 'advocate' && allocation.given_name !== null) {
    const languages = await repository.advocateLanguagesOf(context.db, caller.member.authorityId, caller.member.codeId)
    return {
      kind: 'advocate',
      name: `${allocation.given_name} ${allocation.family_name ?? ''}`.trim(),
      givenName: allocation.given_name,
      aboutMe: allocation.about_me,
      hasPhoto: allocation.photo_type !== null,
      phone: allocation.phone,
      email: allocation.email,
      days: allocation.available_days ?? [],
      languages: languages.map((language) => language.language),
    }
  }
  if (allocation && working === 'local-service' && allocation.local_service_name)
    return { kind: 'local-service', service: allocation.local_service_name, contact: allocation.local_service_contact }
  if (['no_further_action', 'completed', 'withdrawn'].includes(row.state)) return { kind: 'none', reason: 'ended' }
  if (working === 'asking') return { kind: 'none', reason: 'asking' }
  if (row.state === 'in_review' || row.state === 'awaiting_sign_off') return { kind: 'none', reason: 'finding' }
  return { kind: 'none', reason: 'notYet' }
}

/** Their advocate's photo, if they have an advocate with one. */
export async function familyAdvocatePhoto(context: FamilyContext, caller: FamilyCaller) {
  const row = await repository.advocatePhotoOf(context.db, caller.member.authorityId, caller.member.codeId)
  if (!row?.photo || !row.photo_type) return undefined
  await seen(context, caller, 'advocate-photo')
  return { bytes: row.photo, type: row.photo_type }
}

export interface MeetingView {
  readonly reference: string
  readonly meeting: {
    readonly type: MeetingType
    readonly date: string
    readonly time: string | null
    readonly venue: string | null
    readonly past: boolean
  } | null
}

/** Their meeting: what, when and where. */
export async function familyMeeting(context: FamilyContext, caller: FamilyCaller, options: { calendar?: boolean } = {}): Promise<MeetingView> {
  const row = await referralOf(context, caller)
  await seen(context, caller, options.calendar ? 'meeting-calendar' : 'meeting')
  return {
    reference: row.reference,
    meeting:
      row.meeting_type && row.meeting_date
        ? {
            type: row.meeting_type,
            date: row.meeting_date,
            time: row.meeting_time,
            venue: row.venue,
            past: row.meeting_date < londonDate(context.clock.now()),
          }
        : null,
  }
}

/** Their rights, with how to reach the advocacy service to complain. */
export async function familyRights(context: FamilyContext, caller: FamilyCaller) {
  await seen(context, caller, 'rights')
  const authority = await authorityFor(context, caller.member.authorityId)
  return {
    contact: authority ? { email: authority.details.contactEmail, phone: authority.details.contactPhone, address: authority.details.contactAddress } : null,
  }
}

export interface ReferralSaysView {
  readonly consentGiven: boolean | null
  readonly consentDetails: string | null
  readonly reason: string | null
  /** The referrer marked the reason as not for the family to read. */
  readonly reasonNotShown: boolean
  /** Some answers were marked as not for the family to read, and are left out. */
  readonly someNotShown: boolean
  /** Who to ask about them: the social worker who referred them. */
  readonly socialWorker: string | null
  readonly hasPreference: boolean | null
  readonly preferenceDetails: string | null
  readonly preferredGender: GenderPreference | null
  readonly preferredLanguages: readonly string[]
  readonly interpreterNeeded: boolean
  readonly hasDisability: boolean | null
  readonly disabilityDetails: string | null
  readonly adjustments: readonly Adjustment[]
  readonly hasOtherNeeds: boolean | null
  readonly otherNeedsDetails: string | null
  readonly decision: { readonly nextAction: NextAction; readonly reasons: string } | null
}

/** What Section 1 and the manager's decision say about them, as written; never the safety notes. */
export async function familyReferralSays(context: FamilyContext, caller: FamilyCaller): Promise<ReferralSaysView> {
  const row = await repository.whatTheReferralSays(context.db, caller.member.authorityId, caller.member.codeId)
  if (!row) throw new NotFoundError('No such referral')
  const referral = await referralOf(context, caller)
  await seen(context, caller, 'referral')
  // What the referrer marked as not for the family never leaves here (migration 0015).
  const hidden = new Set<string>(row.not_for_family ?? [])
  const shown = (name: NotForFamilyQuestion, text: string | null): string | null => (hidden.has(name) ? null : text)
  return {
    consentGiven: row.consent_given,
    consentDetails: shown('consentDetails', row.consent_details),
    reason: shown('reason', row.reason),
    reasonNotShown: hidden.has('reason'),
    hasPreference: row.has_preference,
    preferenceDetails: shown('preferenceDetails', row.preference_details),
    preferredGender: row.preferred_gender,
    preferredLanguages: row.preferred_languages ?? [],
    interpreterNeeded: row.interpreter_needed === true,
    hasDisability: row.has_disability,
    disabilityDetails: shown('disabilityDetails', row.disability_details),
    adjustments: row.adjustments ?? [],
    hasOtherNeeds: row.has_other_needs,
    otherNeedsDetails: shown('otherNeedsDetails', row.other_needs_details),
    someNotShown: hidden.size > 0,
    socialWorker: referral.referrer_name,
    decision: row.next_action && row.decision_reasons ? { nextAction: row.next_action, reasons: row.decision_reasons } : null,
  }
}

export interface ViewsView {
  /** The views in the person's words, as written with their advocate, or null before there are any. */
  readonly views: string | null
  readonly agreed: boolean
  readonly agreedOn: string | null
  readonly sharedOn: string | null
  readonly version: number
}

/** The views they prepared with their advocate, and whether they agree to share them. */
export async function familyViews(context: FamilyContext, caller: FamilyCaller): Promise<ViewsView> {
  const row = await repository.viewsOf(context.db, caller.member.authorityId, caller.member.codeId)
  await seen(context, caller, 'views')
  return {
    views: row?.views ?? null,
    agreed: row?.person_agreed_to_share ?? false,
    agreedOn: row?.agreed_on ?? null,
    sharedOn: row?.shared_at ? londonDate(row.shared_at) : null,
    version: row?.version ?? 0,
  }
}

/** They agree (or not) that their views are shared with the conference chair: what lets the admin share them. */
export async function agreeToShareViews(context: FamilyContext, caller: FamilyCaller, agreed: boolean, version: number): Promise<void> {
  await recordPersonsAgreement(
    context,
    { authorityId: caller.member.authorityId, referralId: caller.member.referralId, ip: caller.ip, codeId: caller.member.codeId },
    agreed,
    version,
  )
}

export type FamilyPagesService = BoundService<
  {
    familyStatus: typeof familyStatus
    familyAdvocate: typeof familyAdvocate
    familyAdvocatePhoto: typeof familyAdvocatePhoto
    familySocialWorkerPhoto: typeof familySocialWorkerPhoto
    familyMeeting: typeof familyMeeting
    familyRights: typeof familyRights
    familyReferralSays: typeof familyReferralSays
    familyViews: typeof familyViews
    agreeToShareViews: typeof agreeToShareViews
  },
  FamilyContext
>
