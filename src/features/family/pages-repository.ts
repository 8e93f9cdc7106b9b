import type { Queryable } from '../../platform/db/schema.ts'

/**
 * What a family member's own pages read (never write). Every query starts from the family code the
 * session began with and joins to its one referral, so no page can be pointed at anyone else's:
 * there is no referral id in a family page's address to change. The tables are the referrals', the
 * people's and the advocates' (ADR 11: read in a join for a page, written only by their owners).
 */

function fromCode(db: Queryable, authorityId: string, codeId: string) {
  return db
    .selectFrom('family_code')
    .innerJoin('referral', 'referral.id', 'family_code.referral_id')
    .where('family_code.authority_id', '=', authorityId)
    .where('family_code.id', '=', codeId)
}

/** The referral as its person may see it: where it stands, its meeting, who referred them. */
export async function referralOf(db: Queryable, authorityId: string, codeId: string) {
  return fromCode(db, authorityId, codeId)
    .innerJoin('person', 'person.id', 'family_code.person_id')
    .leftJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .leftJoin('app_user as referrer', 'referrer.id', 'referral.referrer_id')
    .select([
      'referral.id',
      'referral.reference',
      'referral.state',
      'referral.step_due_on',
      'referral.closed_at',
      'referral.closed_reason',
      'person.given_name',
      'person.family_name',
      'meeting.id as meeting_id',
      'meeting.type as meeting_type',
      'meeting.type_other as meeting_type_other',
      'meeting.meeting_date',
      'meeting.meeting_time',
      'meeting.venue',
      'referrer.display_name as referrer_name',
      'referral.referrer_id',
    ])
    .executeTakeFirst()
}

/** The referral's steps, oldest first: which step and when, never who took it or their notes. */
export async function eventsOf(db: Queryable, authorityId: string, codeId: string) {
  return fromCode(db, authorityId, codeId)
    .innerJoin('referral_event', 'referral_event.referral_id', 'referral.id')
    .select(['referral_event.event', 'referral_event.at'])
    .orderBy('referral_event.id')
    .execute()
}

/** Who is working with the person now: an accepted advocate, a local service, or an offer waiting. */
export async function allocationOf(db: Queryable, authorityId: string, codeId: string) {
  return fromCode(db, authorityId, codeId)
    .innerJoin('allocation', 'allocation.referral_id', 'referral.id')
    .leftJoin('advocate', 'advocate.id', 'allocation.advocate_id')
    .leftJoin('local_service', 'local_service.id', 'allocation.local_service_id')
    .select([
      'allocation.status',
      'advocate.id as advocate_id',
      'advocate.given_name',
      'advocate.family_name',
      'advocate.about_me',
      'advocate.phone',
      'advocate.email',
      'advocate.available_days',
      'advocate.photo_type',
      'local_service.name as local_service_name',
      'local_service.contact as local_service_contact',
    ])
    .where('allocation.status', 'in', ['offered', 'accepted', 'triaged'])
    .orderBy('allocation.offered_at', 'desc')
    .executeTakeFirst()
}

/** The languages of the advocate accepted for this code's referral (none for anyone else's). */
export async function advocateLanguagesOf(db: Queryable, authorityId: string, codeId: string) {
  return fromCode(db, authorityId, codeId)
    .innerJoin('allocation', 'allocation.referral_id', 'referral.id')
    .innerJoin('advocate_language', 'advocate_language.advocate_id', 'allocation.advocate_id')
    .select(['advocate_language.language', 'advocate_language.level'])
    .where('allocation.status', '=', 'accepted')
    .orderBy('advocate_language.language')
    .execute()
}

/** The photo of the advocate accepted for this code's referral, if they have one. */
export async function advocatePhotoOf(db: Queryable, authorityId: string, codeId: string) {
  return fromCode(db, authorityId, codeId)
    .innerJoin('allocation', 'allocation.referral_id', 'referral.id')
    .innerJoin('advocate', 'advocate.id', 'allocation.advocate_id')
    .select(['advocate.id', 'advocate.photo', 'advocate.photo_type'])
    .where('allocation.status', '=', 'accepted')
    .orderBy('allocation.offered_at', 'desc')
    .executeTakeFirst()
}

/**
 * What Section 1 and the manager's decision say about the person, as written: never the safety
 * notes, nor whether there is domestic abuse between the parents (not selected, so never read).
 */
export async function whatTheReferralSays(db: Queryable, authorityId: string, codeId: string) {
  return fromCode(db, authorityId, codeId)
    .leftJoin('section_one', 'section_one.referral_id', 'referral.id')
    .leftJoin('decision', 'decision.referral_id', 'referral.id')
    .select([
      'section_one.consent_given',
      'section_one.consent_details',
      'section_one.consent_date',
      'section_one.reason',
      'section_one.has_preference',
      'section_one.preference_details',
      'section_one.preferred_gender',
      'section_one.preferred_languages',
      'section_one.interpreter_needed',
      'section_one.has_disability',
      'section_one.disability_details',
      'section_one.adjustments',
      'section_one.has_other_needs',
      'section_one.other_needs_details',
      'section_one.not_for_family',
      'decision.next_action',
      'decision.reasons as decision_reasons',
      'decision.decided_at',
    ])
    .executeTakeFirst()
}

/** The views the person prepared with their advocate, and whether they agreed to share them (and whether they have been). */
export async function viewsOf(db: Queryable, authorityId: string, codeId: string) {
  return fromCode(db, authorityId, codeId)
    .innerJoin('person_views', 'person_views.referral_id', 'referral.id')
    .select(['person_views.views', 'person_views.person_agreed_to_share', 'person_views.agreed_on', 'person_views.shared_at', 'person_views.version'])
    .executeTakeFirst()
}
