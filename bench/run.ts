/**
 * `npm run bench`: figures, and ratios to compare them by. Figures vary with the machine; tests never
 * assert timings.
 *
 *   - matching: ranking a pool of 10,000 advocates for one referral (median, 95th percentile, worst)
 *   - pages: "My team's work", a referral's page and people search on a generated dataset, at 1, 10
 *     and 50 connections, side by side with the same templates and data from memory (pages.ts;
 *     `BENCH_SCALE`, `BENCH_DATABASE_URL`, `BENCH_DATA_DIR`, `BENCH_SECONDS`, `BENCH_CONNECTIONS`)
 *   - worktrays: the first page of a team's and a manager's work as the history grows to 100,000
 *   - flood: other people's page times while someone floods the service with cheap requests
 *   - reports: the annual evaluation of one authority-year and a quarterly return (reports.ts)
 *   - search: people search by whole name and date of birth in the authority with the most people
 *
 * `npm run bench -- pages matching` runs only those parts.
 */
import { benchMatching } from './matching.ts'
import { benchPages } from './pages.ts'
import { benchReports } from './reports.ts'
import { benchSearch } from './search.ts'
import { benchWorktrays } from './worktray.ts'

const parts = ['matching', 'pages', 'worktrays', 'flood', 'reports', 'search'] as const
const asked = process.argv.slice(2)
const unknown = asked.filter((part) => !(parts as readonly string[]).includes(part))
if (unknown.length > 0) throw new Error(`npm run bench -- [${parts.join(' | ')}]…, not ${unknown.join(' ')}`)
const runs = (part: (typeof parts)[number]) => asked.length === 0 || asked.includes(part)

if (runs('matching')) await benchMatching()
if (runs('pages')) await benchPages()
if (runs('worktrays')) await benchWorktrays()
if (runs('flood')) await import('./flood.ts')
if (runs('reports')) await benchReports()
if (runs('search')) await benchSearch()
