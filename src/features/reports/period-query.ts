import type { Period } from './periods.ts'

/**
 * @pure
 *
 * A period as the address bar carries it (the period chooser's fields), to carry from the return to
 * its downloads and to the lists behind its figures.
 */
export function periodQuery(period: Period): string {
  const query = new URLSearchParams({ period: period.kind })
  if (period.kind === 'quarter') query.set('quarter', period.key)
  else if (period.kind === 'year') query.set('year', period.key)
  else {
    for (const [name, iso] of [
      ['from', period.from],
      ['to', period.to],
    ] as const) {
      const [year = '', month = '', day = ''] = iso.split('-')
      query.set(`${name}-day`, String(Number(day)))
      query.set(`${name}-month`, String(Number(month)))
      query.set(`${name}-year`, year)
    }
  }
  return query.toString()
}
