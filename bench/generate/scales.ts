import type { ReferralState } from '../../src/vocabulary/referrals.ts'

/**
 * The datasets the bench measures on. Each says how many authorities, how many referrals each holds,
 * and in what proportions (per 10,000) referrals stand in each state of the Advocacy Workflow.
 */

export type StateMix = Readonly<Record<ReferralState, number>>

/**
 * A service that has run for some years: most referrals have ended (half completed, a quarter
 * withdrawn, half of those drafts that lapsed), and about 8 % are open, a third of them waiting on
 * the FGC Advocacy Admin team.
 */
export const nationalMix: StateMix = {
  draft: 200,
  awaiting_admin: 100,
  awaiting_decision: 100,
  returned: 50,
  in_review: 250,
  awaiting_advocate: 50,
  awaiting_sign_off: 50,
  no_further_action: 1_700,
  completed: 5_000,
  withdrawn: 2_500,
}

/** One authority whose admin team is far behind: 40 % of its referrals wait on the team. */
export const backloggedMix: StateMix = {
  draft: 200,
  awaiting_admin: 1_500,
  awaiting_decision: 100,
  returned: 50,
  in_review: 2_500,
  awaiting_advocate: 50,
  awaiting_sign_off: 50,
  no_further_action: 1_000,
  completed: 3_000,
  withdrawn: 1_550,
}

export interface Scale {
  readonly name: string
  readonly authorities: number
  readonly referralsPerAuthority: number
  readonly mix: StateMix
  /** Advocates in each authority's pool (half of them sign in). */
  readonly advocatesPerAuthority: number
  /** What the scale is for, as the bench prints it. */
  readonly description: string
}

export const scales = {
  small: {
    name: 'small',
    authorities: 3,
    referralsPerAuthority: 6_667,
    mix: nationalMix,
    advocatesPerAuthority: 40,
    description: '3 authorities, 20,000 referrals: for development',
  },
  national: {
    name: 'national',
    authorities: 150,
    referralsPerAuthority: 6_667,
    mix: nationalMix,
    advocatesPerAuthority: 40,
    description: '150 authorities, 1,000,000 referrals (about 2.5M people, 6M timeline events, 9M audit rows)',
  },
  'large-authority': {
    name: 'large-authority',
    authorities: 1,
    referralsPerAuthority: 100_000,
    mix: backloggedMix,
    advocatesPerAuthority: 200,
    description: 'one authority, 100,000 referrals, 40,000 of them waiting on its FGC Advocacy Admin team',
  },
  embedded: {
    name: 'embedded',
    authorities: 1,
    referralsPerAuthority: 100_000,
    mix: nationalMix,
    advocatesPerAuthority: 60,
    description: 'one authority, 100,000 referrals, on the embedded database (PGlite)',
  },
} as const satisfies Record<string, Scale>

export type ScaleName = keyof typeof scales

export function isScaleName(name: string): name is ScaleName {
  return name in scales
}

/** The password every generated member of staff signs in with. */
export const BENCH_PASSWORD = 'bench password that nobody uses for real'
