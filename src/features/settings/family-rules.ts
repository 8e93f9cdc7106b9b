/**
 * @pure
 *
 * Each authority's choices about what families see of its staff (issue 10): whether a social
 * worker may show the families they refer a photo and a few words about themselves. Off until the
 * service chooses it; each social worker then chooses for themselves.
 */

export interface FamilyRules {
  readonly socialWorkersShownToFamilies: boolean
}

export const defaultFamilyRules: FamilyRules = { socialWorkersShownToFamilies: false }

/** The rules from what is stored: anything missing is its default. */
export function familyRulesFrom(stored: ReadonlyMap<string, string>): FamilyRules {
  return { socialWorkersShownToFamilies: stored.get('socialWorkersShownToFamilies') === 'yes' }
}

/** As stored, one text value per rule. */
export function storedFamilyRules(rules: FamilyRules): ReadonlyMap<string, string> {
  return new Map([['socialWorkersShownToFamilies', rules.socialWorkersShownToFamilies ? 'yes' : 'no']])
}
