import { recordAudit } from '../../platform/audit/audit.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import type { LanguageLevel, Weekday } from '../../vocabulary/advocates.ts'
import * as repository from './repository.ts'

/**
 * Someone who is not yet known to the service applies to become a parent peer advocate (from the
 * public pages, with nobody signed in): they join the coordinator's recruitment pipeline at the
 * stage "Application", where the coordinator takes them on like anyone else. Called inside the
 * caller's transaction (which has already checked the flood limits); audited as
 * `advocate.applied`, with no member of staff as its actor and the address it came from.
 */

export interface Application {
  readonly givenName: string
  readonly familyName: string
  readonly email: string | null
  readonly phone: string | null
  /** Their experience of children's services, and why they would like to help other parents. */
  readonly livedExperience: string
  readonly areas: readonly string[]
  readonly availableDays: readonly Weekday[]
  readonly languages: readonly string[]
}

/** The level an applicant's languages are recorded at until the coordinator talks with them. */
const APPLICANT_LANGUAGE_LEVEL: LanguageLevel = 'conversational'

export async function receiveApplication(trx: Queryable, authorityId: string, application: Application, at: Date, ip: string): Promise<string> {
  const id = await repository.insertAdvocate(
    trx,
    authorityId,
    {
      kind: 'parent_peer_advocate',
      given_name: application.givenName,
      family_name: application.familyName,
      email: application.email,
      phone: application.phone,
      gender: null,
      heritage: null,
      lived_experience: application.livedExperience,
      specialisms: [],
      areas: application.areas,
      available_days: application.availableDays,
      dbs_checked_on: null,
      about_me: null,
      stage: 'application',
      accredited_on: null,
    },
    at,
  )
  await repository.replaceLanguages(
    trx,
    authorityId,
    id,
    application.languages.map((language) => ({ language, level: APPLICANT_LANGUAGE_LEVEL })),
  )
  await repository.recordStageChange(trx, { authorityId, advocateId: id, from: null, to: 'application', byUserId: null, at })
  await recordAudit(
    trx,
    { userId: null, authorityId, ip },
    { action: 'advocate.applied', recordType: 'advocate', recordId: id, details: { stage: 'application' } },
  )
  return id
}
