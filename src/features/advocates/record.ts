import type { AdvocateKind, Gender, LanguageLevel, Specialism, Stage, Weekday } from '../../vocabulary/advocates.ts'
import type { Availability, Eligibility } from './eligibility.ts'
import type { AdvocateFields } from './repository.ts'

/**
 * An advocate's record as the coordinator keeps it, and its mapping to and from the advocate's
 * row, both ways in one place.
 */

export interface AdvocateDetails {
  readonly kind: AdvocateKind
  readonly givenName: string
  readonly familyName: string
  readonly email: string | null
  readonly phone: string | null
  readonly gender: Gender | null
  readonly heritage: string | null
  readonly livedExperience: string | null
  readonly specialisms: readonly Specialism[]
  readonly areas: readonly string[]
  readonly availableDays: readonly Weekday[]
  readonly capacity: number
  readonly dbsCheckedOn: string | null
  readonly aboutMe: string | null
  readonly languages: readonly { readonly language: string; readonly level: LanguageLevel }[]
}

/** One advocate in the list of the pool. */
export interface AdvocateSummary {
  readonly id: string
  readonly name: string
  readonly kind: AdvocateKind
  readonly stage: Stage
  readonly capacity: number
  readonly load: number
  readonly eligibility: Eligibility
  /** Eligibility and capacity together: whether they can be offered work now. */
  readonly availability: Availability
}

/** Who cannot be offered work, when nothing is known of them. */
export const UNKNOWN_ELIGIBILITY: Eligibility = { eligible: false, reasons: [], dbsExpiresOn: null }

/** The details as the advocate's row keeps them (the languages are kept apart). */
export function fieldsOf(details: AdvocateDetails): Omit<AdvocateFields, 'stage' | 'accredited_on'> {
  return {
    kind: details.kind,
    given_name: details.givenName,
    family_name: details.familyName,
    email: details.email,
    phone: details.phone,
    gender: details.gender,
    heritage: details.heritage,
    lived_experience: details.livedExperience,
    specialisms: details.specialisms,
    areas: details.areas,
    available_days: details.availableDays,
    capacity: details.capacity,
    dbs_checked_on: details.dbsCheckedOn,
    about_me: details.aboutMe,
  }
}

/** The details from the advocate's row and their languages. */
export function detailsOf(
  row: {
    kind: AdvocateKind
    given_name: string
    family_name: string
    email: string | null
    phone: string | null
    gender: Gender | null
    heritage: string | null
    lived_experience: string | null
    specialisms: readonly Specialism[]
    areas: readonly string[]
    available_days: readonly Weekday[]
    capacity: number
    dbs_checked_on: string | null
    about_me: string | null
  },
  languages: readonly { language: string; level: LanguageLevel }[],
): AdvocateDetails {
  return {
    kind: row.kind,
    givenName: row.given_name,
    familyName: row.family_name,
    email: row.email,
    phone: row.phone,
    gender: row.gender,
    heritage: row.heritage,
    livedExperience: row.lived_experience,
    specialisms: row.specialisms,
    areas: row.areas,
    availableDays: row.available_days,
    capacity: row.capacity,
    dbsCheckedOn: row.dbs_checked_on,
    aboutMe: row.about_me,
    languages: languages.map((spoken) => ({ language: spoken.language, level: spoken.level })),
  }
}
