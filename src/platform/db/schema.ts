import type { ColumnType, Generated, GeneratedAlways, Insertable, Kysely, Selectable, Transaction } from 'kysely'
import type {
  AdvocateKind,
  Gender,
  LanguageLevel,
  ModuleKey,
  Specialism,
  Stage as AdvocateStage,
  SupervisionKind,
  Weekday,
} from '../../vocabulary/advocates.ts'
import type {
  Adjustment,
  AdvocateType,
  AllocationStatus,
  Attendance,
  ClosedReason,
  ConsentMethod,
  ContactMethod,
  GenderPreference,
  MeetingOutcome,
  MeetingType,
  NextAction,
  NotForFamilyQuestion,
  Priority,
  ReferralStage,
  ReferralState,
  ViewsHeard,
} from '../../vocabulary/referrals.ts'
import type { Asker, ContactWay, EnquiryMeetingType, EnquiryOutcome, EnquiryState, PublicForm } from '../../vocabulary/enquiries.ts'
import type { InformationPage } from '../../vocabulary/information.ts'
import type { DisabilityAnswer, Ethnicity, RelationshipToChild } from '../../vocabulary/equality.ts'
import type { NotificationKind } from '../../vocabulary/notifications.ts'
import type { ConcernAbout, ConcernRaiser, ConcernState, ConcernStep } from '../../vocabulary/concerns.ts'
import type { FgcStatus, PreviousConference } from '../../vocabulary/meetings.ts'
import type {
  ChildAnswerer,
  ChildCommunication,
  ChildNeed,
  ChildOfferAnswer,
  ConsultationBand,
  ConsultationDecline,
  ConsultationReader,
  ConsultationStatus,
  ConsultationWay,
} from '../../vocabulary/children.ts'
import type { Role } from '../auth/roles.ts'
import type { BankHolidayChangeKind, BankHolidayRegion } from '../time/bank-holidays.ts'

/**
 * The shape of the database as the migrations leave it. Repositories are the only code that sees
 * these rows; services map them to the service's own types.
 *
 * Every column with a fixed set of values has the type of its vocabulary (`src/vocabulary/`), the same
 * list its check constraint names, so no code needs to cast a row's value.
 *
 * Conventions: `timestamptz` arrives as a `Date`; `date` arrives as the text `YYYY-MM-DD` (so no
 * time zone can move it); identities arrive as numbers.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type IsoDate = string
type Version = ColumnType<number, number | undefined, number>
type Identity = ColumnType<number, never, never>
type Json<T> = ColumnType<T, string, string>

export interface AuthorityTable {
  id: Generated<string>
  name: string
  is_demo: Generated<boolean>
  reference_prefix: Generated<string>
  next_reference: Generated<number>
  created_at: CreatedAt
}

export interface AppSettingTable {
  key: string
  value: string
  created_at: CreatedAt
}

export interface AppUserTable {
  id: Generated<string>
  authority_id: string
  email: string
  display_name: string
  roles: Role[]
  password_hash: string | null
  active: Generated<boolean>
  created_at: CreatedAt
  updated_at: Timestamp
  version: Version
}

export interface TeamTable {
  id: Generated<string>
  authority_id: string
  name: string
  purpose: 'fgc_advocacy_admin' | null
  created_at: CreatedAt
  version: Version
}

export interface TeamMemberTable {
  team_id: string
  user_id: string
  authority_id: string
}

export interface AccountLinkTable {
  token_hash: string
  purpose: 'first_admin' | 'set_password' | 'sign_in'
  authority_id: string | null
  user_id: string | null
  created_at: CreatedAt
  expires_at: Date | string
  used_at: Date | null
}

export type Flash = Record<string, unknown>

export interface SessionTable {
  id_hash: string
  user_id: string
  authority_id: string
  created_at: Timestamp
  last_seen_at: Timestamp
  ended_at: Date | null
  end_reason: string | null
  flash: Json<Flash>
}

/** Wrong passwords for one email (lower case, whether or not it has an account) from one address. */
export interface SignInGuessTable {
  email: string
  address: string
  failures: number
  wait_until: Timestamp
  last_failure_at: Timestamp
}

/** Wrong passwords for one email from every address since it last signed in. */
export interface SignInAccountGuardTable {
  email: string
  failures: number
  last_failure_at: Timestamp
}

/** An account given roles that open case records, for the authority's service managers to acknowledge. */
export interface RoleGrantTable {
  id: Generated<string>
  authority_id: string
  user_id: string
  granted_by: string
  roles: Role[]
  granted_at: Timestamp
  acknowledged_by: string | null
  acknowledged_at: Date | null
}

export interface SavedFormTable {
  id: Generated<string>
  user_id: string
  authority_id: string
  path: string
  answers: Json<Record<string, unknown>>
  created_at: Timestamp
}

export interface AuditEventTable {
  id: Identity
  authority_id: string | null
  actor_id: string | null
  action: string
  record_type: string
  record_id: string | null
  at: Timestamp
  ip: string | null
  details: Json<Record<string, unknown>>
}

/** An event's place in its chain (its authority's id, or `global`) and the hashes that link it: given by the sealer (ADR 23). */
export interface AuditSealTable {
  chain: string
  chain_seq: number
  event_id: number
  previous_hash: string
  hash: string
}

/** Events recorded and not yet sealed into their chain. */
export interface AuditUnsealedTable {
  event_id: number
  chain: string
}

export interface AuditChainTable {
  chain: string
  last_seq: number
  last_hash: string
}

export interface FamilyGroupTable {
  id: Generated<string>
  authority_id: string
  created_at: CreatedAt
}

export interface PersonTable {
  id: Generated<string>
  authority_id: string
  family_group_id: string | null
  kind: 'adult' | 'child'
  given_name: string
  family_name: string
  /** The names lowered and without accents, kept by the database (`fold_for_search`, migration 0009), for search. */
  given_name_folded: GeneratedAlways<string>
  family_name_folded: GeneratedAlways<string>
  date_of_birth: IsoDate | null
  gender: string | null
  pronouns: string | null
  external_id: string | null
  /** The equality questions (migration 0016): empty until asked, each answerable "Prefer not to say". */
  relationship_to_child: Generated<RelationshipToChild | null>
  ethnicity: Generated<Ethnicity | null>
  /** A language's name, or `prefer_not_to_say`. */
  first_language: Generated<string | null>
  disability: Generated<DisabilityAnswer | null>
  created_by: string
  created_at: CreatedAt
  updated_at: Timestamp
  version: Version
}

export interface MeetingTable {
  id: Generated<string>
  authority_id: string
  type: MeetingType
  type_other: string | null
  meeting_date: IsoDate
  meeting_time: string | null
  venue: string | null
  /** Before an initial conference: the strategy discussion its clock runs from (migration 0013). */
  strategy_discussion_on: IsoDate | null
  /** Before a review conference: the conference before it, and which kind it was. */
  previous_conference_on: IsoDate | null
  previous_conference: PreviousConference | null
  /** Why a conference is set after its due date, as a late referral says why. */
  conference_late_reason: string | null
  created_at: CreatedAt
  updated_at: Timestamp
  version: Version
}

/** What is ready for a meeting, and afterwards what happened (migration 0013; owned by referrals, ADR 19). */
export interface MeetingReadinessTable {
  meeting_id: string
  authority_id: string
  report_shared_on: IsoDate | null
  chair_met_on: IsoDate | null
  fgc_status: FgcStatus | null
  fgc_why_not: string | null
  fgc_plan: boolean | null
  interpreter_booked: Generated<boolean>
  interpreter_language: string | null
  adjustments_in_place: Generated<boolean>
  advocate_met_on: IsoDate | null
  venue_confirmed: Generated<boolean>
  asked_community_venue: Generated<boolean>
  asked_another_time: Generated<boolean>
  attended: boolean | null
  report_received_in_time: boolean | null
  chair_met_before: boolean | null
  updated_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
  version: Version
}

export interface ReferralTable {
  id: Generated<string>
  authority_id: string
  reference: string
  referrer_id: string
  person_id: string | null
  meeting_id: string | null
  stage: ReferralStage | null
  state: ReferralState
  waiting_on_team_id: string | null
  waiting_on_user_id: string | null
  step_due_on: IsoDate | null
  step_entered_at: Timestamp
  assigned_manager_id: string | null
  due_by: IsoDate | null
  late: Generated<boolean>
  late_reason: string | null
  sent_at: Date | null
  closed_at: Date | null
  closed_reason: ClosedReason | null
  closed_details: string | null
  referrer_read_at: Date | null
  created_at: CreatedAt
  updated_at: Timestamp
  version: Version
}

export interface ReferralChildTable {
  referral_id: string
  person_id: string
  authority_id: string
}

/** A child of a child protection conference offered an advocate of their own, and their answer (migration 0023, ADR 29). */
export interface ChildAdvocacyOfferTable {
  id: Generated<string>
  authority_id: string
  meeting_id: string
  /** The child (a `person` of kind `child`). */
  person_id: string
  answer: Generated<ChildOfferAnswer>
  who_answered: ChildAnswerer | null
  /** When someone speaks for the child: who they are, and their relationship to the child. */
  speaker_name: string | null
  speaker_relationship: string | null
  /** Why: required when someone declines for the child. */
  reason: string | null
  communicates: Generated<ChildCommunication[]>
  needs: Generated<ChildNeed[]>
  needs_detail: string | null
  /** The member of staff who recorded the answer, and when. */
  answered_by: string | null
  answered_at: Date | null
  /** The child's own referral, once started from an accepted offer (migration 0024, ADR 30). */
  child_referral_id: Generated<string | null>
  created_at: CreatedAt
  updated_at: Timestamp
  version: Version
}

/** A child's consultation before a review conference (migration 0025, ADR 31): no row is "due". */
export interface ChildConsultationTable {
  id: Generated<string>
  authority_id: string
  /** The meeting of the parent's referral, as the child's offer of an advocate is keyed. */
  meeting_id: string
  /** The child (a `person` of kind `child`). */
  person_id: string
  status: ConsultationStatus
  age_band: ConsultationBand
  done_how: ConsultationWay
  /** The trusted adult who helped: required for the 4 to 7 form and whenever someone helped. */
  helper_name: string | null
  helper_relationship: string | null
  /** The band's questions: a face's value, or the child's words. */
  answers: Json<Record<string, string>>
  worrying_words: boolean
  /** Who beyond the advocacy service the child agreed may read the answers. */
  share_with: Generated<ConsultationReader[]>
  decline_reason: ConsultationDecline | null
  decline_detail: string | null
  /** The member of staff who recorded it; null when the child (or their helper) did it on their own pages. */
  recorded_by: string | null
  recorded_at: Timestamp
  updated_at: Timestamp
  version: Version
}

export interface SectionOneTable {
  referral_id: string
  authority_id: string
  consent_given: boolean | null
  consent_details: string | null
  consent_method: ConsentMethod | null
  consent_date: IsoDate | null
  reason: string | null
  has_preference: boolean | null
  preference_details: string | null
  preferred_gender: GenderPreference | null
  preferred_languages: Generated<string[]>
  preferred_heritage: string | null
  interpreter_needed: boolean | null
  has_disability: boolean | null
  disability_details: string | null
  adjustments: Generated<Adjustment[]>
  has_other_needs: boolean | null
  other_needs_details: string | null
  domestic_abuse_between_parents: boolean | null
  safety_notes: string | null
  /** The answers (question names) the referrer marked as not for the family to read (migration 0015). */
  not_for_family: Generated<NotForFamilyQuestion[]>
  updated_by: string | null
  updated_at: Timestamp
  version: Version
}

export interface DecisionTable {
  referral_id: string
  authority_id: string
  next_action: NextAction
  reasons: string
  advocate_type: AdvocateType | null
  priority: Priority | null
  decided_by: string
  decided_at: Timestamp
}

export interface ReviewTable {
  referral_id: string
  authority_id: string
  advocate_name: string | null
  advocate_type: AdvocateType | null
  advocate_recorded_by: string | null
  advocate_recorded_at: Date | null
  contact_count: number | null
  contact_summary: string | null
  advocate_attended: Attendance | null
  views_heard: ViewsHeard | null
  meeting_outcome: MeetingOutcome | null
  meeting_outcome_details: string | null
  minutes_spent: number | null
  notes: string | null
  outcome_recorded_by: string | null
  outcome_recorded_at: Date | null
  updated_at: Timestamp
  version: Version
}

export interface ReferralEventTable {
  id: Identity
  authority_id: string
  referral_id: string
  event: string
  from_state: ReferralState | null
  to_state: ReferralState
  actor_id: string | null
  at: Timestamp
  note: string | null
}

export interface AuthoritySettingTable {
  authority_id: string
  key: string
  value: string
  updated_at: Timestamp
  /** Kept on the settings' version row: who saved the settings last. */
  updated_by: Generated<string | null>
}

/** A bank holiday the rules do not know (`added`), or one they give that is not one (`removed`). No authority's own. */
export interface BankHolidayChangeTable {
  id: Generated<string>
  region: BankHolidayRegion
  on_date: IsoDate
  change: BankHolidayChangeKind
  name: string
  created_by: string
  created_at: CreatedAt
}

export interface AdvocateTable {
  id: Generated<string>
  authority_id: string
  user_id: string | null
  kind: AdvocateKind
  given_name: string
  family_name: string
  email: string | null
  phone: string | null
  gender: Gender | null
  heritage: string | null
  lived_experience: string | null
  specialisms: Generated<Specialism[]>
  areas: Generated<string[]>
  available_days: Generated<Weekday[]>
  capacity: Generated<number>
  dbs_checked_on: IsoDate | null
  about_me: string | null
  photo: Buffer | null
  photo_type: 'image/jpeg' | 'image/png' | null
  stage: AdvocateStage
  accredited_on: IsoDate | null
  created_at: CreatedAt
  updated_at: Timestamp
  version: Version
}

export interface AdvocateLanguageTable {
  advocate_id: string
  authority_id: string
  language: string
  level: LanguageLevel
}

export interface AdvocateAbsenceTable {
  id: Generated<string>
  advocate_id: string
  authority_id: string
  starts_on: IsoDate
  ends_on: IsoDate
  note: string | null
}

export interface AdvocateKnownFamilyTable {
  advocate_id: string
  family_group_id: string
  authority_id: string
  note: string | null
}

export interface AdvocateStageChangeTable {
  id: Identity
  advocate_id: string
  authority_id: string
  from_stage: AdvocateStage | null
  to_stage: AdvocateStage
  at: Timestamp
  by_user_id: string | null
}

export interface LocalServiceTable {
  id: Generated<string>
  authority_id: string
  name: string
  languages: Generated<string[]>
  specialisms: Generated<Specialism[]>
  contact: string
  notes: string | null
  active: Generated<boolean>
  created_at: CreatedAt
  updated_at: Timestamp
  version: Version
}

export interface TrainingCohortTable {
  id: Generated<string>
  authority_id: string
  name: string
  starts_on: IsoDate
  created_at: CreatedAt
}

export interface CohortMemberTable {
  cohort_id: string
  advocate_id: string
  authority_id: string
}

export interface TrainingSessionTable {
  id: Generated<string>
  cohort_id: string
  authority_id: string
  week: number
  module: ModuleKey
  held_on: IsoDate
  /** The register's version, and who saved it last and when. */
  version: Version
  updated_by: Generated<string | null>
  updated_at: Generated<Date | null>
}

export interface SessionAttendanceTable {
  session_id: string
  advocate_id: string
  authority_id: string
}

export interface ModuleCompletionTable {
  advocate_id: string
  module: ModuleKey
  authority_id: string
  completed_on: IsoDate
  recorded_by: string | null
}

export interface SupervisionSessionTable {
  id: Generated<string>
  authority_id: string
  kind: SupervisionKind
  held_on: IsoDate
  supervisor_id: string | null
  notes: string | null
  created_at: CreatedAt
}

export interface SupervisionAttendanceTable {
  session_id: string
  advocate_id: string
  authority_id: string
}

export interface AllocationTable {
  id: Generated<string>
  authority_id: string
  referral_id: string
  advocate_id: string | null
  local_service_id: string | null
  status: AllocationStatus
  offered_by: string | null
  offered_at: Timestamp
  respond_by: Date | null
  responded_at: Date | null
  answered_by: string | null
  decline_reason: string | null
  ended_at: Date | null
  ended_reason: string | null
  reasons: Json<string[]>
  preferences: Json<Record<string, string>>
  version: Version
}

export interface AdvocacyContactTable {
  id: Generated<string>
  authority_id: string
  referral_id: string
  advocate_id: string | null
  contacted_on: IsoDate
  method: ContactMethod
  minutes: number | null
  notes: string | null
  created_by: string
  created_at: CreatedAt
}

export interface PersonViewsTable {
  referral_id: string
  authority_id: string
  views: string | null
  person_agreed_to_share: Generated<boolean>
  agreed_on: IsoDate | null
  shared_at: Date | null
  shared_by: string | null
  updated_by: string | null
  updated_at: Timestamp
  version: Version
}

/** A family member's way in for one referral (ADR 17): the code's keyed hash, and the word they chose. */
export interface FamilyCodeTable {
  id: Generated<string>
  authority_id: string
  referral_id: string
  person_id: string
  code_hash: string
  word_hash: string | null
  issued_by: string
  issued_at: Timestamp
  word_chosen_at: Date | null
  last_used_at: Date | null
  ended_at: Date | null
  end_reason: 'revoked' | 'replaced' | null
  ended_by: string | null
}

/** A family member's session: apart from staff sessions, tied to the code it began with. */
export interface FamilySessionTable {
  id_hash: string
  code_id: string
  authority_id: string
  created_at: Timestamp
  last_seen_at: Timestamp
  ended_at: Date | null
  end_reason: string | null
}

/** Wrong words for a code (its id) from one address or every address (`*`); codes that open nothing (`no-code`) from one address. */
export interface FamilySignInGuessTable {
  subject: string
  address: string
  failures: number
  wait_until: Timestamp
  last_failure_at: Timestamp
}

/** A request for an advocate sent from the public pages (the public feature's). */
export interface AdvocacyEnquiryTable {
  id: Generated<string>
  authority_id: string
  team_id: string | null
  asker: Asker
  asker_name: string | null
  asker_relationship: string | null
  parent_agreed: boolean
  name: string
  contact_way: ContactWay
  phone: string | null
  email: string | null
  safe_to_leave_message: boolean
  safe_times: string | null
  social_worker: string | null
  meeting_type: EnquiryMeetingType | null
  meeting_date: IsoDate | null
  language: string | null
  anything_else: string | null
  page_language: string
  received_at: Timestamp
  due_on: IsoDate
  state: Generated<EnquiryState>
  outcome: EnquiryOutcome | null
  outcome_note: string | null
  referral_id: string | null
  closed_by: string | null
  closed_at: Date | null
  version: Version
}

/** When a public form was accepted, and from where (hashed): what the flood limits count. */
export interface PublicFormReceiptTable {
  id: Identity
  authority_id: string
  form: PublicForm
  address_hash: string
  received_at: Timestamp
}

/** One published version of an information page, in one language (migration 0012). */
export interface InformationPageVersionTable {
  id: Generated<string>
  authority_id: string
  page: InformationPage
  language: string
  version: number
  title: string
  body: string
  written_with_parents: boolean
  published_by: string
  published_at: Date
}

export interface FeedbackRequestTable {
  referral_id: string
  authority_id: string
  meeting_id: string
  state: 'later' | 'declined' | 'given'
  changed_by: string | null
  changed_at: Timestamp
  version: Generated<number>
}

export interface FeedbackResponseTable {
  id: Generated<string>
  authority_id: string
  referral_id: string
  meeting_id: string
  channel: 'kiosk' | 'own_pages' | 'card' | 'debrief' | 'paper'
  language: string
  listened: 'yes' | 'a_bit' | 'no' | null
  understood: 'yes' | 'a_bit' | 'no' | null
  advocate_helped: 'yes' | 'a_bit' | 'no' | null
  reports_in_time: 'yes' | 'no' | 'not_sure' | null
  chair_met_first: 'yes' | 'no' | 'not_sure' | null
  better: string | null
  worrying_words: Generated<string[]>
  days_after: number
  entered_by: string | null
  given_at: Timestamp
  /** Their answer to "Can we use your words, without your name?" (migration 0021). */
  may_quote: 'yes' | 'no' | null
}

/** A theme the service codes what families wrote with (migration 0021): renamed or retired, never deleted. */
export interface FeedbackThemeTable {
  id: Generated<string>
  authority_id: string
  name: string
  retired_at: Date | null
  created_at: Timestamp
  updated_by: string | null
  updated_at: Timestamp
  version: Version
}

/** How an admin coded one free-text answer, and whether (and how) its words may be quoted. */
export interface FeedbackCodingTable {
  response_id: string
  authority_id: string
  may_quote: 'yes' | 'no' | null
  quote: string | null
  coded_by: string
  coded_at: Timestamp
  version: Version
}

export interface FeedbackCodingThemeTable {
  response_id: string
  theme_id: string
  authority_id: string
}

/** What the service manager wrote into a year's annual evaluation (migration 0021). */
export interface EvaluationNarrativeTable {
  authority_id: string
  year: number
  summary: string | null
  went_well: string | null
  will_change: string | null
  families_told_us: string | null
  updated_by: string
  updated_at: Timestamp
  version: Version
}

export interface FeedbackKioskTable {
  token_hash: string
  authority_id: string
  referral_id: string
  meeting_id: string
  opened_by: string
  opened_at: Timestamp
  closes_at: Timestamp
  closed_at: Timestamp | null
}

/** A code on a card that opens the questionnaire for one meeting once, from a day (migration 0019). */
export interface FeedbackCardTable {
  id: Generated<string>
  code_hash: string
  authority_id: string
  referral_id: string
  meeting_id: string
  opens_on: IsoDate
  expires_at: Timestamp
  issued_by: string
  issued_at: Timestamp
  revoked_at: Timestamp | null
  revoked_by: string | null
  used_at: Timestamp | null
}

/** Card codes that opened nothing, counted per address (migration 0019). */
export interface FeedbackCardGuessTable {
  address: string
  failures: number
  wait_until: Timestamp
  last_failure_at: Timestamp
}

/** One run of a recurring job (migration 0014, ADR 20): claimed by one process for a lease. */
export interface ScheduledJobSlotTable {
  job: string
  slot: string
  claimed_until: Date
  finished_at: Date | null
  done: number | null
}

export type OutboxChannel = 'email' | 'sms'

/** An email or text waiting to be sent, or sent (then without its address or text). */
export interface OutboxMessageTable {
  id: Generated<string>
  channel: OutboxChannel
  recipient: string
  subject: string
  body: string
  dedupe_key: string | null
  queued_at: Date
  attempts: Generated<number>
  next_attempt_at: Date
  claimed_until: Date | null
  sent_at: Date | null
  given_up_at: Date | null
  last_error: string | null
}

export type { NotificationKind }

export interface NotificationTable {
  id: Generated<string>
  authority_id: string
  user_id: string
  kind: NotificationKind
  key: string
  about: string
  link: string
  due_on: IsoDate | null
  created_at: Date
  done_at: Date | null
}

export interface NotificationPreferenceTable {
  user_id: string
  email: boolean
  updated_at: Date
  version: Version
}

/** A member of staff's photo and introduction for families (the social worker's; an advocate's are on their advocate record). */
export interface StaffProfileTable {
  user_id: string
  authority_id: string
  introduction: string | null
  photo: Buffer | null
  photo_type: 'image/jpeg' | 'image/png' | null
  shown_to_families: Generated<boolean>
  updated_at: Date
  version: Version
}

export interface FamilyReminderChoiceTable {
  referral_id: string
  authority_id: string
  wants_reminders: boolean
  channel: OutboxChannel | null
  address: string | null
  updated_by: string
  updated_at: Date
  version: Version
}

/** A safeguarding concern (migration 0020, ADR 25): never deleted; what was raised never changes; closed, it is kept as it is. */
export interface ConcernTable {
  id: Generated<string>
  authority_id: string
  referral_id: string
  person_id: string | null
  raised_by_kind: ConcernRaiser
  raised_by: string | null
  family_code_id: string | null
  about: ConcernAbout
  words: string | null
  language: Generated<string>
  raised_at: Date
  state: Generated<ConcernState>
  with_user_id: string | null
  with_every_manager: Generated<boolean>
  acknowledge_by: Date | null
  acknowledged_by: string | null
  acknowledged_at: Date | null
  plan: string | null
  closed_by: string | null
  closed_at: Date | null
  outcome: string | null
  version: Version
}

/** Each step a concern took: append-only (the database refuses updates and deletes). */
export interface ConcernStepTable {
  /** In the order the steps were taken. */
  id: Identity
  concern_id: string
  authority_id: string
  step: ConcernStep
  to_user_id: string | null
  by_user_id: string | null
  note: string | null
  at: Date
}

export interface Schema {
  authority: AuthorityTable
  app_setting: AppSettingTable
  app_user: AppUserTable
  team: TeamTable
  team_member: TeamMemberTable
  account_link: AccountLinkTable
  user_session: SessionTable
  sign_in_guess: SignInGuessTable
  sign_in_account_guard: SignInAccountGuardTable
  role_grant: RoleGrantTable
  saved_form: SavedFormTable
  audit_event: AuditEventTable
  audit_chain: AuditChainTable
  feedback_request: FeedbackRequestTable
  feedback_response: FeedbackResponseTable
  feedback_kiosk: FeedbackKioskTable
  feedback_card: FeedbackCardTable
  feedback_card_guess: FeedbackCardGuessTable
  feedback_theme: FeedbackThemeTable
  feedback_coding: FeedbackCodingTable
  feedback_coding_theme: FeedbackCodingThemeTable
  evaluation_narrative: EvaluationNarrativeTable
  audit_seal: AuditSealTable
  audit_unsealed: AuditUnsealedTable
  family_group: FamilyGroupTable
  person: PersonTable
  meeting: MeetingTable
  meeting_readiness: MeetingReadinessTable
  referral: ReferralTable
  referral_child: ReferralChildTable
  child_advocacy_offer: ChildAdvocacyOfferTable
  child_consultation: ChildConsultationTable
  section_one: SectionOneTable
  decision: DecisionTable
  review: ReviewTable
  referral_event: ReferralEventTable
  authority_setting: AuthoritySettingTable
  bank_holiday_change: BankHolidayChangeTable
  advocate: AdvocateTable
  advocate_language: AdvocateLanguageTable
  advocate_absence: AdvocateAbsenceTable
  advocate_known_family: AdvocateKnownFamilyTable
  advocate_stage_change: AdvocateStageChangeTable
  local_service: LocalServiceTable
  training_cohort: TrainingCohortTable
  cohort_member: CohortMemberTable
  training_session: TrainingSessionTable
  session_attendance: SessionAttendanceTable
  module_completion: ModuleCompletionTable
  supervision_session: SupervisionSessionTable
  supervision_attendance: SupervisionAttendanceTable
  allocation: AllocationTable
  advocacy_contact: AdvocacyContactTable
  person_views: PersonViewsTable
  family_code: FamilyCodeTable
  family_session: FamilySessionTable
  family_sign_in_guess: FamilySignInGuessTable
  advocacy_enquiry: AdvocacyEnquiryTable
  public_form_receipt: PublicFormReceiptTable
  information_page_version: InformationPageVersionTable
  scheduled_job_slot: ScheduledJobSlotTable
  outbox_message: OutboxMessageTable
  notification: NotificationTable
  notification_preference: NotificationPreferenceTable
  family_reminder_choice: FamilyReminderChoiceTable
  staff_profile: StaffProfileTable
  concern: ConcernTable
  concern_step: ConcernStepTable
}

/** What a repository function takes: the database, or a transaction a service has opened. */
export type Queryable = Kysely<Schema> | Transaction<Schema>

export type Row<T extends keyof Schema> = Selectable<Schema[T]>
export type NewRow<T extends keyof Schema> = Insertable<Schema[T]>
