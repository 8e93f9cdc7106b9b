/**
 * `npm run bank-holidays`: makes `src/platform/time/bank-holidays-table.json` again from the rules
 * in `date-holidays` (ADR 10), after the library's pin changes: each region's bank holidays in each
 * year from 2000 to 2100, as GOV.UK lists them. The unit tests fail while the table and the rules
 * differ. The service loads the library only for a year outside the table (issue 9).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { bankHolidayRegions, byRules } from '../src/platform/time/bank-holidays.ts'

const from = 2000
const to = 2100
const regions: Record<string, Record<string, [string, string][]>> = {}
for (const region of bankHolidayRegions.values) {
  const years: Record<string, [string, string][]> = {}
  for (let year = from; year <= to; year += 1) years[String(year)] = byRules(region, year).map((holiday) => [holiday.date, holiday.name])
  regions[region] = years
}
// One line a year, so a change reads as the years it changed.
const lines = Object.entries(regions).map(
  ([region, years]) =>
    `    ${JSON.stringify(region)}: {\n${Object.entries(years)
      .map(([year, holidays]) => `      ${JSON.stringify(year)}: ${JSON.stringify(holidays)}`)
      .join(',\n')}\n    }`,
)
const file = join(import.meta.dirname, '../src/platform/time/bank-holidays-table.json')
writeFileSync(file, `{\n  "from": ${from},\n  "to": ${to},\n  "regions": {\n${lines.join(',\n')}\n  }\n}\n`)
console.log(`Wrote ${file}: ${to - from + 1} years in ${bankHolidayRegions.values.length} regions`)
