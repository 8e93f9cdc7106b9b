import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely'

/**
 * The shape of the database as the migrations leave it. Repositories are the only code that sees
 * these rows; services map them to the service's own types.
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
  roles: string[]
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
  purpose: string | null
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
  purpose: 'first_admin' | 'set_password'
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

export interface SignInAttemptTable {
  id: Identity
  email: string
  ip: string
  succeeded: boolean
  at: Timestamp
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
  date_of_birth: IsoDate | null
  gender: string | null
  pronouns: string | null
  external_id: string | null
  created_by: string
  created_at: CreatedAt
  updated_at: Timestamp
  version: Version
}

export interface MeetingTable {
  id: Generated<string>
  authority_id: string
  type: string
  type_other: string | null
  meeting_date: IsoDate
  meeting_time: string | null
  venue: string | null
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
  stage: string | null
  state: string
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
  closed_reason: string | null
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

export interface SectionOneTable {
  referral_id: string
  authority_id: string
  consent_given: boolean | null
  consent_details: string | null
  consent_method: string | null
  consent_date: IsoDate | null
  reason: string | null
  has_preference: boolean | null
  preference_details: string | null
  preferred_gender: string | null
  preferred_languages: Generated<string[]>
  preferred_heritage: string | null
  interpreter_needed: boolean | null
  has_disability: boolean | null
  disability_details: string | null
  adjustments: Generated<string[]>
  has_other_needs: boolean | null
  other_needs_details: string | null
  domestic_abuse_between_parents: boolean | null
  safety_notes: string | null
  updated_by: string | null
  updated_at: Timestamp
  version: Version
}

export interface DecisionTable {
  referral_id: string
  authority_id: string
  next_action: 'child_protection_advocacy_review' | 'no_further_action'
  reasons: string
  advocate_type: string | null
  priority: string | null
  decided_by: string
  decided_at: Timestamp
}

export interface ReviewTable {
  referral_id: string
  authority_id: string
  advocate_name: string | null
  advocate_type: string | null
  advocate_recorded_by: string | null
  advocate_recorded_at: Date | null
  contact_count: number | null
  contact_summary: string | null
  advocate_attended: string | null
  views_heard: string | null
  meeting_outcome: string | null
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
  from_state: string | null
  to_state: string
  actor_id: string
  at: Timestamp
  note: string | null
}

export interface Schema {
  authority: AuthorityTable
  app_setting: AppSettingTable
  app_user: AppUserTable
  team: TeamTable
  team_member: TeamMemberTable
  account_link: AccountLinkTable
  user_session: SessionTable
  sign_in_attempt: SignInAttemptTable
  saved_form: SavedFormTable
  audit_event: AuditEventTable
  family_group: FamilyGroupTable
  person: PersonTable
  meeting: MeetingTable
  referral: ReferralTable
  referral_child: ReferralChildTable
  section_one: SectionOneTable
  decision: DecisionTable
  review: ReviewTable
  referral_event: ReferralEventTable
}

/** What a repository function takes: the database, or a transaction a service has opened. */
export type Queryable = Kysely<Schema> | Transaction<Schema>

export type Row<T extends keyof Schema> = Selectable<Schema[T]>
export type NewRow<T extends keyof Schema> = Insertable<Schema[T]>
