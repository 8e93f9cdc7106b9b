/**
 * @pure
 *
 * The arithmetic of a report's figures: the small-number rule that keeps a person from being
 * recognised in anything that leaves the service, percentages, and change from the period before.
 *
 * The small-number rule (ADR 0022): a count from 1 to 4 is withheld (primary suppression). Zero is
 * shown: it describes nobody. Then, because figures add up (the stages of referral add up to all
 * referrals; the mothers, fathers and other carers add up to everyone), a withheld count could be
 * worked out by taking the others from the total. So every sum the report publishes is given as a
 * relation (the keys of its parts and of its total), and no relation may be left with exactly one
 * withheld member: while one is, the smallest figure still shown in it is withheld as well
 * (secondary suppression). Relations share keys (one total in several tables, one figure in a table
 * and an equality split), so the rule is applied to the whole report at once, until nothing changes.
 *
 * Pure: numbers in, the set of keys to withhold out.
 */

/** Counts below this, and above zero, are withheld. */
export const SUPPRESSION_THRESHOLD = 5

/** What a withheld figure shows instead of its number (the ONS's and DfE's convention). */
export const WITHHELD = '[c]'

/** A sum the report publishes: its parts add up to its total. */
export interface Relation {
  readonly total: string
  readonly parts: readonly string[]
}

/** A count too small to publish on its own. */
export function isSmall(count: number): boolean {
  return count > 0 && count < SUPPRESSION_THRESHOLD
}

/**
 * The keys to withhold from `counts` so that no count from 1 to 4 is published, and none can be
 * worked out from the sums in `relations`. A key a relation names that `counts` does not have is
 * taken as 0. Deterministic: ties are broken by the order of the relation's members. `initial`:
 * keys already withheld for another reason (a year withheld as its quarters were).
 */
export function suppress(counts: ReadonlyMap<string, number>, relations: readonly Relation[], initial: Iterable<string> = []): Set<string> {
  const withheld = new Set<string>(initial)
  for (const [key, count] of counts) if (isSmall(count)) withheld.add(key)
  const valueOf = (key: string) => counts.get(key) ?? 0
  let changed = true
  while (changed) {
    changed = false
    for (const relation of relations) {
      const members = [...relation.parts, relation.total]
      const hidden = members.filter((key) => withheld.has(key))
      if (hidden.length !== 1) continue
      // Withhold the smallest part still shown that is not zero (a zero withheld protects nothing:
      // the sum of what is hidden would still be known), else the total, else whatever is left.
      const shown = members.filter((key) => !withheld.has(key))
      const parts = shown.filter((key) => key !== relation.total && valueOf(key) > 0)
      const pool = parts.length > 0 ? parts : shown.includes(relation.total) ? [relation.total] : shown
      const smallest = pool.reduce<string | null>((best, key) => (best === null || valueOf(key) < valueOf(best) ? key : best), null)
      if (smallest === null) continue
      withheld.add(smallest)
      changed = true
    }
  }
  return withheld
}

/**
 * A whole (a year) published beside its parts (its quarters, each published with its own figures
 * withheld): the keys of the whole to withhold so that it says nothing its parts do not. A figure of
 * the whole is withheld when it is withheld in any part (a year's figure is its quarters' sum, so
 * the one withheld quarter would be the year less the others), when it is small itself, and when it
 * differs from the sum of its parts by a small number (a count of distinct people, or of a stock at
 * the period's end, is not the sum of its quarters: the difference would describe a few people).
 */
export function withheldLikeItsParts(
  whole: ReadonlyMap<string, number>,
  parts: readonly { readonly counts: ReadonlyMap<string, number>; readonly withheld: ReadonlySet<string> }[],
): Set<string> {
  const keys = new Set<string>([...whole.keys(), ...parts.flatMap((part) => [...part.counts.keys(), ...part.withheld])])
  const withheld = new Set<string>()
  for (const key of keys) {
    const value = whole.get(key) ?? 0
    const sum = parts.reduce((total, part) => total + (part.counts.get(key) ?? 0), 0)
    if (isSmall(value) || isSmall(Math.abs(sum - value)) || parts.some((part) => part.withheld.has(key))) withheld.add(key)
  }
  return withheld
}

/** A share of a whole, as a whole-number percentage, or null when there is no whole. */
export function percentage(part: number, whole: number): number | null {
  if (whole <= 0) return null
  return Math.round((part / whole) * 100)
}

/** How a figure moved from the period before: the difference, and as a percentage of the figure before (null from 0). */
export interface Change {
  readonly difference: number
  readonly percent: number | null
  readonly direction: 'up' | 'down' | 'same'
}

export function change(before: number, now: number): Change {
  const difference = now - before
  return {
    difference,
    percent: before === 0 ? null : Math.round((difference / before) * 100),
    direction: difference > 0 ? 'up' : difference < 0 ? 'down' : 'same',
  }
}

/** The middle of a list of numbers (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** A figure as it may leave the service: the number, or `[c]` when it is withheld. */
export function published(value: number | null, withheld: boolean): string {
  if (withheld) return WITHHELD
  return value === null ? '' : String(value)
}
