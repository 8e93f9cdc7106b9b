/**
 * `npm run bench`: figures, and ratios to compare them by. Figures vary with the machine; tests never
 * assert timings.
 *
 *   - matching: ranking a pool of 10,000 advocates for one referral (median and worst)
 *   - worktrays: the first page of a team's and a manager's work as the history grows to 100,000
 *   - flood: other people's page times while someone floods the service with cheap requests
 */
import { benchMatching } from './matching.ts'
import { benchWorktrays } from './worktray.ts'

benchMatching()
await benchWorktrays()
await import('./flood.ts')
