/**
 * @pure
 *
 * Each authority's rules for safeguarding concerns (issue 11, ADR 25): who receives them, in order
 * (the first, then the named deputy, then whoever is next), how many working hours each has to
 * acknowledge one before it goes to the next, and the children's services number families are given.
 */

export interface ConcernRules {
  /** Staff ids in the order concerns go to them. Empty: every service manager at once. */
  readonly recipients: readonly string[]
  readonly acknowledgeHours: number
  /** The local children's services number, as the family should dial it; null: "the number on your letter". */
  readonly childrenServicesPhone: string | null
}

export const CONCERN_HOURS = { min: 1, max: 40, default: 4 } as const

/** How many people the list may hold: as many as the page offers. */
export const MAX_RECIPIENTS = 5

export const PHONE_PATTERN = /^[0-9 +()-]{3,30}$/

export const defaultConcernRules: ConcernRules = { recipients: [], acknowledgeHours: CONCERN_HOURS.default, childrenServicesPhone: null }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The rules from what is stored: anything missing or malformed is its default. */
export function concernRulesFrom(stored: ReadonlyMap<string, string>): ConcernRules {
  const hours = Number(stored.get('concernAcknowledgeHours'))
  let recipients: string[] = []
  try {
    const parsed: unknown = JSON.parse(stored.get('concernRecipients') ?? '[]')
    if (Array.isArray(parsed)) recipients = parsed.filter((id): id is string => typeof id === 'string' && UUID.test(id)).slice(0, MAX_RECIPIENTS)
  } catch {
    recipients = []
  }
  const phone = stored.get('childrenServicesPhone') ?? ''
  return {
    recipients: [...new Set(recipients)],
    acknowledgeHours: Number.isInteger(hours) && hours >= CONCERN_HOURS.min && hours <= CONCERN_HOURS.max ? hours : CONCERN_HOURS.default,
    childrenServicesPhone: PHONE_PATTERN.test(phone) ? phone : null,
  }
}

/** As stored, one text value per rule. */
export function storedConcernRules(rules: ConcernRules): ReadonlyMap<string, string> {
  return new Map([
    ['concernRecipients', JSON.stringify(rules.recipients)],
    ['concernAcknowledgeHours', String(rules.acknowledgeHours)],
    ['childrenServicesPhone', rules.childrenServicesPhone ?? ''],
  ])
}
