import { addDays, inWords } from '../../platform/time/calendar.ts'
import { modules, type ModuleKey, type Stage } from '../../vocabulary/advocates.ts'

/**
 * Who may be allocated. Pure: an advocate's record and the settings in, an answer and its reasons
 * out, in words a coordinator can act on.
 *
 * A parent peer advocate must have completed every training module, hold a DBS check that has not
 * expired, and be up to date with supervision: a one-to-one within a set number of weeks, and the
 * required group sessions attended. A professional advocate needs a valid DBS check. Either must be
 * active (not an applicant, not resting, not left).
 */

export interface EligibilitySettings {
  /** How long a DBS check counts for. */
  readonly dbsValidMonths: number
  /** A one-to-one supervision at least this recently. */
  readonly oneToOneWithinWeeks: number
  /** At least this many of the group supervision sessions held in the window attended. */
  readonly groupSessionsRequired: number
  readonly groupWindowWeeks: number
}

export const defaultEligibilitySettings: EligibilitySettings = {
  dbsValidMonths: 36,
  oneToOneWithinWeeks: 8,
  groupSessionsRequired: 2,
  groupWindowWeeks: 12,
}

export interface EligibilityFacts {
  readonly kind: 'parent_peer_advocate' | 'professional_advocate'
  readonly stage: Stage
  readonly dbsCheckedOn: string | null
  readonly completedModules: readonly ModuleKey[]
  readonly lastOneToOneOn: string | null
  /** Dates of group sessions attended. */
  readonly groupSessionsAttended: readonly string[]
  /** Dates of every group session held. */
  readonly groupSessionsHeld: readonly string[]
}

export interface Eligibility {
  readonly eligible: boolean
  /** Why not, one reason per problem; empty when eligible. */
  readonly reasons: readonly string[]
  /** When the DBS check runs out, if there is one. */
  readonly dbsExpiresOn: string | null
}

function addMonths(isoDate: string, months: number): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number)
  const target = new Date(Date.UTC(year, month - 1 + months, 1, 12))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return target.toISOString().slice(0, 10)
}

export function eligibility(facts: EligibilityFacts, today: string, settings: EligibilitySettings = defaultEligibilitySettings): Eligibility {
  const reasons: string[] = []
  if (facts.stage !== 'active') reasons.push(facts.stage === 'resting' ? 'is resting' : facts.stage === 'left' ? 'has left the pool' : 'is not yet active')

  const dbsExpiresOn = facts.dbsCheckedOn ? addMonths(facts.dbsCheckedOn, settings.dbsValidMonths) : null
  if (!dbsExpiresOn) reasons.push('has no DBS check recorded')
  else if (dbsExpiresOn <= today) reasons.push(`DBS check expired on ${inWords(dbsExpiresOn)}`)

  if (facts.kind === 'parent_peer_advocate') {
    const missing = modules.values.filter((module) => !facts.completedModules.includes(module))
    if (missing.length > 0)
      reasons.push(
        `has not completed ${missing.length === 1 ? 'the module' : `${missing.length} modules`}: ${missing.map((module) => modules.labels[module]).join('; ')}`,
      )

    const oneToOneSince = addDays(today, -7 * settings.oneToOneWithinWeeks)
    if (!facts.lastOneToOneOn || facts.lastOneToOneOn < oneToOneSince) {
      reasons.push(`has had no one-to-one supervision in the last ${settings.oneToOneWithinWeeks} weeks`)
    }

    const windowStart = addDays(today, -7 * settings.groupWindowWeeks)
    const inWindow = (date: string) => date >= windowStart && date <= today
    const held = facts.groupSessionsHeld.filter(inWindow).length
    const attended = new Set(facts.groupSessionsAttended.filter(inWindow)).size
    const required = Math.min(settings.groupSessionsRequired, held)
    if (attended < required) {
      reasons.push(`attended ${attended} of the ${required} group supervision sessions needed in the last ${settings.groupWindowWeeks} weeks`)
    }
  }
  return { eligible: reasons.length === 0, reasons, dbsExpiresOn }
}

/**
 * Whether an advocate can be offered work now. Two different things: eligibility is about them
 * (training, DBS check, supervision, stage), capacity about their work (every place taken). A full
 * advocate is eligible, but cannot be offered more until a place is free.
 */
export interface Availability {
  readonly status: 'yes' | 'full' | 'no'
  /** Why not, in words a coordinator can act on; empty when they can be offered work. */
  readonly reasons: readonly string[]
}

export function availability(eligible: Eligibility, load: number, capacity: number): Availability {
  const full = load >= capacity
  const placesTaken = capacity === 1 ? 'their only place is taken' : `all ${capacity} places are taken`
  if (!eligible.eligible) return { status: 'no', reasons: [...eligible.reasons, ...(full ? [placesTaken] : [])] }
  return full ? { status: 'full', reasons: [placesTaken] } : { status: 'yes', reasons: [] }
}
