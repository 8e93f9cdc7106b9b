/**
 * @pure
 *
 * What the privacy notice and the accessibility statement say about the authority that runs the
 * service: how to contact it (and its data protection officer), how to report an accessibility
 * problem, and how long it keeps what the service holds. A system admin sets them on the settings
 * page; anything not set has a default that is true of every authority, so the pages are never
 * wrong, only less specific.
 */

export interface AuthorityDetails {
  /** Where people write to the advocacy service (questions, complaints, requests for their records). */
  readonly contactEmail: string | null
  readonly contactPhone: string | null
  readonly contactAddress: string | null
  /** How to reach the authority's data protection officer. */
  readonly dataProtectionContact: string | null
  /** Where to report an accessibility problem; the contact email when not set. */
  readonly accessibilityEmail: string | null
  /** How long the referral, the decision and the outcome are kept (the child protection record). */
  readonly referralRetention: string
  /** How long the advocate's notes with the person are kept (the advocacy service's own record). */
  readonly advocacyRecordRetention: string
}

export const detailKeys = [
  'contactEmail',
  'contactPhone',
  'contactAddress',
  'dataProtectionContact',
  'accessibilityEmail',
  'referralRetention',
  'advocacyRecordRetention',
] as const satisfies readonly (keyof AuthorityDetails)[]

export const detailDefaults: AuthorityDetails = {
  contactEmail: null,
  contactPhone: null,
  contactAddress: null,
  dataProtectionContact: null,
  accessibilityEmail: null,
  referralRetention: 'For as long as the child protection records it belongs with are kept, as the council’s records retention schedule sets out.',
  advocacyRecordRetention: 'For 2 years after the advocacy ends. Then it is deleted.',
}

/** The key that counts changes to the details, for the settings page's version check. */
export const DETAILS_VERSION_KEY = 'detailsVersion'

/** The details, from what is stored: anything not set (or blank) is its default. */
export function detailsFrom(stored: ReadonlyMap<string, string>): AuthorityDetails {
  const text = (key: (typeof detailKeys)[number]) => stored.get(key)?.trim() || null
  return {
    contactEmail: text('contactEmail'),
    contactPhone: text('contactPhone'),
    contactAddress: text('contactAddress'),
    dataProtectionContact: text('dataProtectionContact'),
    accessibilityEmail: text('accessibilityEmail'),
    referralRetention: text('referralRetention') ?? detailDefaults.referralRetention,
    advocacyRecordRetention: text('advocacyRecordRetention') ?? detailDefaults.advocacyRecordRetention,
  }
}

/** The version of the details a form was opened at: 0 before they were first saved. */
export function detailsVersionFrom(stored: ReadonlyMap<string, string>): number {
  const version = Number(stored.get(DETAILS_VERSION_KEY))
  return Number.isInteger(version) && version > 0 ? version : 0
}
