import { disabilityAnswers, ethnicGroups, relationshipsToChild } from '../../vocabulary/equality.ts'
import { pipeline, stages as programmeStages } from '../../vocabulary/advocates.ts'
import { meetingTypes, stages, withdrawalReasons } from '../../vocabulary/referrals.ts'
import { change, percentage, suppress, SUPPRESSION_THRESHOLD, WITHHELD, type Relation } from './figures.ts'
import type { Period } from './periods.ts'

/**
 * @pure
 *
 * The quarterly commissioner return: the fixed set of figures, comparable quarter to quarter, built
 * from the counts the reports' repository gives for a period and the period before. It says what
 * each figure is, lays them out in sections and tables, and (for anything that leaves the service)
 * withholds small numbers and whatever would give them away (`figures.ts`). What the service does not
 * record yet is named as a gap, never shown as a figure.
 */

/** The equality dimensions the referral figures are split by, as the repository names their groups. */
export const dimensions = ['relationship', 'age_group', 'ethnic_group', 'language_group', 'disability_group'] as const
export type Dimension = (typeof dimensions)[number]

export type MedianName = 'daysToDecision' | 'daysToAllocation' | 'daysToFirstMeeting'

/** One row of referral figures: for everyone (`dimension` null), or for one group of one dimension. */
export interface ReferralFigures {
  readonly dimension: Dimension | null
  readonly group: string | null
  readonly counts: Readonly<Record<string, number>>
  readonly medians: Readonly<Record<MedianName, number | null>>
  /** How many referrals each median is of. */
  readonly medianOf: Readonly<Record<MedianName, number>>
}

/** Everything the return reads for one period. */
export interface PeriodFigures {
  readonly referrals: readonly ReferralFigures[]
  readonly children: { readonly referred: number; readonly supported: number }
  /** Children of the period's conferences offered an advocate, and their answers (`children.offered`, `children.accepted.child`, ...). */
  readonly childOffers: Readonly<Record<string, number>>
  readonly teams: readonly { readonly team: string | null; readonly referrals: number }[]
  readonly requests: Readonly<Record<string, number>>
  readonly programme: Readonly<Record<string, number>>
}

/** A figure as shown: the number (or null for none), the words, and whether it is withheld. */
export interface Shown {
  readonly value: number | null
  readonly text: string
  readonly withheld: boolean
}

export interface FigureRow {
  readonly key: string
  readonly label: string
  readonly now: Shown
  readonly before: Shown
  /** The difference from the period before, as words ("+3", "−2", "no change"), empty when either is withheld or missing. */
  readonly change: string
  /** The same change as a number, for files (null when either figure is withheld or missing). */
  readonly difference: number | null
  /** The row's share of its table's total this period, as words ("25%"), empty when withheld or it is the total. */
  readonly share: string
  readonly isTotal: boolean
}

export interface FigureTable {
  readonly id: string
  readonly caption: string
  readonly unit: 'count' | 'days'
  readonly rows: readonly FigureRow[]
}

export interface Section {
  readonly id: string
  readonly heading: string
  readonly tables: readonly FigureTable[]
  /** What the return would show here that the service does not record yet. */
  readonly gaps: readonly string[]
}

export interface EqualityTable {
  readonly dimension: Dimension
  readonly caption: string
  readonly groups: readonly { readonly key: string; readonly label: string }[]
  readonly rows: readonly { readonly key: string; readonly label: string; readonly cells: readonly Shown[] }[]
}

export interface QuarterlyReturn {
  readonly period: Period
  readonly previous: Period
  /** Whether small numbers are withheld (anything that leaves the service), or shown as they are (on screen). */
  readonly published: boolean
  readonly sections: readonly Section[]
  readonly equality: readonly EqualityTable[]
}

type Line = readonly [key: string, label: string]

const stageLines: Line[] = [...stages.values.map((value): Line => [`stage.${value}`, stages.labels[value]]), ['stage.not_recorded', 'Stage not recorded']]
const meetingLines: Line[] = [
  ...meetingTypes.values.map((value): Line => [`meeting.${value}`, meetingTypes.labels[value]]),
  ['meeting.not_recorded', 'Meeting not recorded'],
]
const timelinessLines: Line[] = [
  ['timeliness.on_time', 'On time (7 days before an initial conference, 14 before a review)'],
  ['timeliness.late', 'Late'],
  ['timeliness.no_deadline', 'For a meeting with no deadline'],
]
const lateLines: Line[] = [
  ['late.with_reason', 'The referrer said why'],
  ['late.without_reason', 'No reason given'],
]
const decisionLines: Line[] = [
  ['decision.progressed', 'Progressed to a Child Protection Advocacy Review'],
  ['decision.no_further_action', 'No Further Action'],
  ['decision.undecided', 'Not decided (yet, or withdrawn first)'],
]
const withdrawnLines: Line[] = withdrawalReasons.values.map((value): Line => [`withdrawn.${value}`, withdrawalReasons.labels[value]])
const allocationLines: Line[] = [
  ['allocation.parent_peer_advocate', 'A parent peer advocate'],
  ['allocation.professional_advocate', 'A professional advocate'],
  ['allocation.local_service', 'A specialist local service'],
  ['allocation.none', 'Not allocated'],
]
const inPlaceLines: Line[] = [
  ['in_place.in_time', 'An advocate in place before the meeting’s day'],
  ['in_place.late', 'An advocate in place only on the day or after'],
  ['in_place.no_advocate', 'No advocate (not allocated, or a local service)'],
  ['in_place.no_meeting', 'No meeting recorded'],
]
const attendedLines: Line[] = [
  ['outcome.attended.yes', 'The advocate attended the meeting'],
  ['outcome.attended.no', 'The advocate did not attend'],
  ['outcome.attended.meeting_not_held', 'The meeting did not go ahead'],
  ['outcome.not_recorded', 'No Advocacy Outcome recorded (yet)'],
]
const viewsHeardLines: Line[] = [
  ['outcome.views.yes', 'The person’s views were heard fully'],
  ['outcome.views.partly', 'Heard partly'],
  ['outcome.views.no', 'Not heard'],
  ['outcome.views.not_recorded', 'Not said'],
]
const viewsSharedLines: Line[] = [
  ['views.shared', 'Prepared and shared with the chair (the person agreed)'],
  ['views.prepared_not_shared', 'Prepared, not shared'],
  ['views.none', 'None recorded'],
]
const readinessLines: Line[] = [
  ['readiness.report_in_time', 'The family had the reports in time'],
  ['readiness.chair_met', 'The chair met the family before the conference'],
  ['readiness.fgc_offered', 'A Family Group Conference was offered'],
  ['readiness.interpreter_needed', 'An interpreter was needed'],
  ['readiness.interpreter_booked', 'An interpreter was needed and booked'],
  ['readiness.achieved', 'Ready: all of these (an interpreter where one was needed)'],
]
const childOfferLines: Line[] = [
  ['children.accepted', 'Accepted'],
  ['children.declined', 'Declined'],
  ['children.waiting', 'Not answered yet (they will have an advocate unless they decline)'],
]
const childAcceptedLines: Line[] = [
  ['children.accepted.child', 'By the child'],
  ['children.accepted.someone_for_them', 'By someone who speaks for them'],
]
const consultationLines: Line[] = [
  ['consultation.completed', 'Took part'],
  ['consultation.declined', 'Did not take part'],
  ['consultation.not_recorded', 'Nothing recorded'],
]
const consultationHowLines: Line[] = [
  ['consultation.completed.own_pages', 'On their own pages'],
  ['consultation.completed.with_advocate', 'With their advocate'],
  ['consultation.completed.on_paper', 'On a paper form'],
]
const childDeclinedLines: Line[] = [
  ['children.declined.child', 'By the child'],
  ['children.declined.someone_for_them', 'By someone who speaks for them'],
]

/**
 * Figures published beside a total they are part of, with nothing published for the rest: the rest
 * is counted (`<part>~rest`) but never shown, so that a small rest withholds what would give it away
 * by difference. `top`: for everyone; `inGroups`: in each equality group, whose tables publish
 * these figures beside the group's referrals (for everyone, their tables make the sums).
 */
const subsets = {
  top: [
    ['readiness.conferences', 'readiness.report_in_time'],
    ['readiness.conferences', 'readiness.chair_met'],
    ['readiness.conferences', 'readiness.fgc_offered'],
    ['readiness.conferences', 'readiness.interpreter_needed'],
    ['readiness.conferences', 'readiness.achieved'],
    ['readiness.interpreter_needed', 'readiness.interpreter_booked'],
    ['children.accepted', 'children.referral_started'],
    ['consultation.completed', 'consultation.helped'],
    ['consultation.completed', 'consultation.shared_with_chair'],
  ],
  inGroups: [
    ['referrals', 'in_place.in_time'],
    ['referrals', 'outcome.attended.yes'],
    ['referrals', 'outcome.views.yes'],
    ['referrals', 'readiness.achieved'],
  ],
} as const satisfies Record<string, readonly (readonly [string, string])[]>

const rest = (part: string) => `${part}~rest`

const requestLines: Line[] = [
  ['requests.linked_to_referral', 'Linked to a referral'],
  ['requests.referral_requested', 'The social worker was asked to refer'],
  ['requests.answered', 'Answered and closed'],
  ['requests.open', 'Still waiting'],
]
const programmeLines: Line[] = [
  ...pipeline.map((stage): Line => [`programme.stage.${stage}`, programmeStages.labels[stage]]),
  ['programme.stage.not_recorded', 'Stage not recorded then'],
]

/**
 * The sums the return publishes, with the keys of their parts: what the small-number rule keeps from
 * being undone. Every key a relation names is published (a figure left out of the tables but named
 * here would be withheld to no effect); `suffix` gives one equality group's own sums.
 */
function relationsOf(teamKeys: readonly string[], suffix = ''): Relation[] {
  const sum = (total: string, lines: readonly Line[]): Relation => ({ total: total + suffix, parts: lines.map(([key]) => key + suffix) })
  const inEveryGroup = [
    sum('referrals', stageLines),
    sum('referrals', timelinessLines),
    sum('referrals', decisionLines),
    sum('referrals', [
      ['allocation.any', ''],
      ['allocation.none', ''],
    ]),
    // Not sums but near-copies: a parent with one referral is one referral, so each count of people
    // is kept hidden with the count of referrals it follows.
    sum('referrals', [['people.referred', '']]),
    sum('allocation.any', [['people.supported', '']]),
  ]
  if (suffix !== '')
    return [
      ...inEveryGroup,
      ...subsets.inGroups.map(([total, part]) =>
        sum(total, [
          [part, ''],
          [rest(part), ''],
        ]),
      ),
    ]
  return [
    ...inEveryGroup,
    sum('referrals', meetingLines),
    sum('timeliness.late', lateLines),
    sum('withdrawn', withdrawnLines),
    sum('referrals', allocationLines),
    sum('allocation.any', allocationLines.slice(0, 3)),
    sum('preference.language.asked', [
      ['preference.language.met', ''],
      ['preference.language.interpreter', ''],
      ['preference.language.not_met', ''],
    ]),
    sum('preference.gender.asked', [
      ['preference.gender.met', ''],
      ['preference.gender.not_met', ''],
    ]),
    sum('preference.heritage.asked', [
      ['preference.heritage.met', ''],
      ['preference.heritage.not_met', ''],
    ]),
    sum(
      'referrals',
      teamKeys.map((key): Line => [key, '']),
    ),
    sum('requests', requestLines),
    sum('programme.all', programmeLines),
    sum('referrals', inPlaceLines),
    sum('referrals', attendedLines),
    sum('referrals', [
      ['outcome.recorded', ''],
      ['outcome.not_recorded', ''],
    ]),
    sum('outcome.recorded', attendedLines.slice(0, 3)),
    sum('outcome.recorded', viewsHeardLines),
    sum('referrals', viewsSharedLines),
    sum('readiness.conferences', [
      ['meeting.initial_conference', ''],
      ['meeting.review_conference', ''],
    ]),
    sum('children.offered', childOfferLines),
    sum('children.accepted', childAcceptedLines),
    sum('children.declined', childDeclinedLines),
    sum('consultation.due', consultationLines),
    sum('consultation.completed', consultationHowLines),
    ...subsets.top.map(([total, part]) =>
      sum(total, [
        [part, ''],
        [rest(part), ''],
      ]),
    ),
  ]
}

/** The groups of each equality dimension, in the order the tables show them, with the words for each. */
export const groupsOf: Readonly<Record<Dimension, readonly Line[]>> = {
  relationship: [...relationshipsToChild.values.map((value): Line => [value, relationshipsToChild.labels[value]]), ['not_recorded', 'Not recorded']],
  age_group: [
    ['under_25', 'Under 25'],
    ['over_25', '25 or over'],
    ['not_recorded', 'Date of birth not recorded'],
  ],
  ethnic_group: [
    ...ethnicGroups.values.map((value): Line => [value, ethnicGroups.labels[value]]),
    ['prefer_not_to_say', 'Prefer not to say'],
    ['not_recorded', 'Not recorded'],
  ],
  language_group: [
    ['english', 'English'],
    ['another', 'Another language'],
    ['prefer_not_to_say', 'Prefer not to say'],
    ['not_recorded', 'Not recorded'],
  ],
  disability_group: [...disabilityAnswers.values.map((value): Line => [value, disabilityAnswers.labels[value]]), ['not_recorded', 'Not recorded']],
}

export const dimensionNames: Readonly<Record<Dimension, string>> = {
  relationship: 'Relationship to the child',
  age_group: 'Young parents (age when referred)',
  ethnic_group: 'Ethnicity (ONS 2021 census groups)',
  language_group: 'First language',
  disability_group: 'Disability',
}

/** The figures each equality table splits. */
const equalityLines: Line[] = [
  ['referrals', 'Referrals'],
  ['people.referred', 'Parents and carers referred'],
  ['people.supported', 'Parents and carers supported'],
  ...stageLines,
  ['timeliness.on_time', 'Referred on time'],
  ['timeliness.late', 'Referred late'],
  ['timeliness.no_deadline', 'For a meeting with no deadline'],
  ['decision.progressed', 'Progressed'],
  ['decision.no_further_action', 'No Further Action'],
  ['decision.undecided', 'Not decided'],
  ['withdrawn', 'Withdrawn'],
  ['allocation.any', 'Allocated an advocate or local service'],
  ['allocation.none', 'Not allocated'],
  ['offers.declined', 'Offers declined'],
  ['offers.lapsed', 'Offers not answered in time'],
  ['in_place.in_time', 'An advocate in place in time'],
  ['outcome.attended.yes', 'The advocate attended the meeting'],
  ['outcome.views.yes', 'Views heard fully'],
  ['readiness.achieved', 'Conference ready (every readiness item)'],
]

const medianLines: readonly [MedianName, string][] = [
  ['daysToDecision', 'From referral to the Advocacy Manager’s Decision'],
  ['daysToAllocation', 'From referral to an advocate or service accepting'],
  ['daysToFirstMeeting', 'From referral to the advocate first meeting the person'],
]

/** The gaps the return names, until the work that records them lands. */
export const gaps = {
  reach: [],
  timeliness: ['Why referrals were late: the referrer’s reason is free text and is not yet coded, so it is not counted by reason.'],
  decisions: ['No Further Action by coded reason: the manager’s reasons are free text and are not yet coded.'],
  outcomes: [],
  children: [],
  programme: ['Supervision kept up and hours given: not yet in this return.'],
} as const

/** Every count of one period, flat, keyed as the tables and relations name them (`referrals@relationship=father` for a group's). */
export function countsOf(figures: PeriodFigures): Map<string, number> {
  const counts = new Map<string, number>()
  for (const row of figures.referrals) {
    const suffix = row.dimension === null ? '' : `@${row.dimension}=${row.group}`
    for (const [key, value] of Object.entries(row.counts)) counts.set(key + suffix, value)
    const any =
      (row.counts['allocation.parent_peer_advocate'] ?? 0) +
      (row.counts['allocation.professional_advocate'] ?? 0) +
      (row.counts['allocation.local_service'] ?? 0)
    counts.set('allocation.any' + suffix, any)
    if (row.dimension !== null)
      for (const [total, part] of subsets.inGroups) counts.set(rest(part) + suffix, (row.counts[total] ?? 0) - (row.counts[part] ?? 0))
  }
  for (const [key, value] of Object.entries(figures.childOffers)) counts.set(key, value)
  for (const [total, part] of subsets.top) counts.set(rest(part), (counts.get(total) ?? 0) - (counts.get(part) ?? 0))
  counts.set('children.referred', figures.children.referred)
  counts.set('children.supported', figures.children.supported)
  for (const team of figures.teams) counts.set(teamKey(team.team), team.referrals)
  for (const [key, value] of Object.entries(figures.requests)) counts.set(key, value)
  for (const [key, value] of Object.entries(figures.programme)) counts.set(key, value)
  return counts
}

function teamKey(team: string | null): string {
  return `team.${team ?? ''}`
}

/** The keys to withhold from one period's counts: the small-number rule over every sum the return publishes, equality splits included. */
export function withheldOf(figures: PeriodFigures, initial: Iterable<string> = []): Set<string> {
  const counts = countsOf(figures)
  const relations = relationsOf(figures.teams.map((team) => teamKey(team.team)))
  for (const dimension of dimensions) {
    for (const [group] of groupsOf[dimension]) relations.push(...relationsOf([], `@${dimension}=${group}`))
    for (const [key] of equalityLines) relations.push({ total: key, parts: groupsOf[dimension].map(([group]) => `${key}@${dimension}=${group}`) })
  }
  return suppress(counts, relations, initial)
}

let named: QuarterlyReturn | undefined

/**
 * What a figure is, as the return's tables name it (its table's caption and its row), or null for a
 * key the return has no row for. Read from the return itself, so a list behind a figure is headed
 * with the words the figure has on the page.
 */
export function figureName(key: string): { readonly table: string; readonly figure: string } | null {
  if (key.startsWith('team.')) return { table: 'Referrals by the referrer’s team', figure: key.slice('team.'.length) || 'No team' }
  if (!named) {
    const none: PeriodFigures = { referrals: [], children: { referred: 0, supported: 0 }, childOffers: {}, teams: [], requests: {}, programme: {} }
    const period: Period = { kind: 'quarter', key: '', label: '', from: '2026-04-01', to: '2026-06-30' }
    named = quarterlyReturn({ period, previous: period, now: none, before: none, published: false })
  }
  for (const section of named.sections) {
    for (const table of section.tables) {
      const row = table.rows.find((candidate) => candidate.key === key)
      if (row) return { table: table.caption, figure: row.label }
    }
  }
  return null
}

export function shown(value: number | undefined, withheld: boolean): Shown {
  if (value === undefined) return { value: null, text: '', withheld: false }
  return withheld ? { value: null, text: WITHHELD, withheld: true } : { value, text: String(value), withheld: false }
}

export function changeWords(before: Shown, now: Shown): string {
  if (before.value === null || now.value === null) return ''
  const moved = change(before.value, now.value)
  if (moved.direction === 'same') return 'No change'
  return `${moved.difference > 0 ? '+' : '−'}${Math.abs(moved.difference)}`
}

export function differenceOf(before: Shown, now: Shown): number | null {
  return before.value === null || now.value === null ? null : now.value - before.value
}

/**
 * Builds the return for a period and the one before. `published`: withhold small numbers, as for a
 * download; `withheld`: what to withhold then, when it is worked out beyond the period (a year
 * published beside its quarters, `annual-evaluation.ts`).
 */
export function quarterlyReturn(input: {
  readonly period: Period
  readonly previous: Period
  readonly now: PeriodFigures
  readonly before: PeriodFigures
  readonly published: boolean
  readonly withheld?: { readonly now: ReadonlySet<string>; readonly before: ReadonlySet<string> }
}): QuarterlyReturn {
  const nowCounts = countsOf(input.now)
  const beforeCounts = countsOf(input.before)
  const nowWithheld = input.published ? (input.withheld?.now ?? withheldOf(input.now)) : new Set<string>()
  const beforeWithheld = input.published ? (input.withheld?.before ?? withheldOf(input.before)) : new Set<string>()
  const figure = (key: string) => ({
    now: shown(nowCounts.get(key) ?? 0, nowWithheld.has(key)),
    before: shown(beforeCounts.get(key) ?? 0, beforeWithheld.has(key)),
  })

  const table = (id: string, caption: string, total: Line, lines: readonly Line[]): FigureTable => {
    const totalFigure = figure(total[0])
    const row = ([key, label]: Line, isTotal: boolean): FigureRow => {
      const { now, before } = figure(key)
      const part = percentage(now.value ?? 0, totalFigure.now.value ?? 0)
      const share = isTotal || now.value === null || totalFigure.now.value === null || part === null ? '' : `${part}%`
      return { key, label, now, before, change: changeWords(before, now), difference: differenceOf(before, now), share, isTotal }
    }
    return { id, caption, unit: 'count', rows: [row(total, true), ...lines.map((line) => row(line, false))] }
  }

  const medianOf = (figures: PeriodFigures, name: MedianName): Shown => {
    const all = figures.referrals.find((row) => row.dimension === null)
    const value = all?.medians[name] ?? null
    if (value === null) return { value: null, text: 'None', withheld: false }
    if (input.published && (all?.medianOf[name] ?? 0) < SUPPRESSION_THRESHOLD) return { value: null, text: WITHHELD, withheld: true }
    return { value, text: String(value), withheld: false }
  }
  const medians: FigureTable = {
    id: 'days',
    caption: 'Days taken (the median: half took this long or less)',
    unit: 'days',
    rows: medianLines.map(([key, label]) => {
      const now = medianOf(input.now, key)
      const before = medianOf(input.before, key)
      return { key: `median.${key}`, label, now, before, change: changeWords(before, now), difference: differenceOf(before, now), share: '', isTotal: false }
    }),
  }

  const teamNames = [...new Set([...input.now.teams, ...input.before.teams].map((team) => team.team))].sort((a, b) =>
    (a ?? '\uffff').localeCompare(b ?? '\uffff'),
  )
  const teamLines = teamNames.map((team): Line => [teamKey(team), team ?? 'No team'])

  const sections: Section[] = [
    {
      id: 'reach',
      heading: 'Reach',
      tables: [
        table('stage', 'Referrals by stage', ['referrals', 'All referrals sent'], stageLines),
        table('meeting', 'Referrals by meeting type', ['referrals', 'All referrals sent'], meetingLines),
        table('team', 'Referrals by the referrer’s team', ['referrals', 'All referrals sent'], teamLines),
        table(
          'people',
          'Parents, carers and children',
          ['people.referred', 'Parents and carers referred'],
          [
            ['people.supported', 'Parents and carers supported (allocated an advocate or service)'],
            ['children.referred', 'Children named on the referrals'],
            ['children.supported', 'Children whose parent or carer was supported'],
          ],
        ),
        table('requests', 'Requests for an advocate from the public pages', ['requests', 'All requests'], requestLines),
      ],
      gaps: gaps.reach,
    },
    {
      id: 'timeliness',
      heading: 'Timeliness',
      tables: [
        table('timeliness', 'Referrals against the 7 and 14 day rule', ['referrals', 'All referrals sent'], timelinessLines),
        table('late', 'Late referrals', ['timeliness.late', 'Late referrals'], lateLines),
        medians,
        table('in-place', 'Meetings with an advocate in place in time', ['referrals', 'All referrals sent'], inPlaceLines),
      ],
      gaps: gaps.timeliness,
    },
    {
      id: 'decisions',
      heading: 'Decisions and allocation',
      tables: [
        table('decision', 'The Advocacy Manager’s Decision', ['referrals', 'All referrals sent'], decisionLines),
        table('withdrawn', 'Referrals withdrawn, and why', ['withdrawn', 'All withdrawn'], withdrawnLines),
        table(
          'allocation',
          'Who the person was allocated to',
          ['referrals', 'All referrals sent'],
          [['allocation.any', 'Allocated an advocate or local service'], ...allocationLines],
        ),
        table(
          'preferences',
          'The person’s preferences, when they stated them',
          ['referrals', 'All referrals sent'],
          [
            ['preference.language.asked', 'Asked for a language'],
            ['preference.language.met', 'Language met by the advocate'],
            ['preference.language.interpreter', 'Language met with an interpreter'],
            ['preference.language.not_met', 'Language not met'],
            ['preference.gender.asked', 'Asked for an advocate’s gender'],
            ['preference.gender.met', 'Gender met'],
            ['preference.gender.not_met', 'Gender not met'],
            ['preference.heritage.asked', 'Asked for a cultural heritage'],
            ['preference.heritage.met', 'Cultural heritage met'],
            ['preference.heritage.not_met', 'Cultural heritage not met'],
          ],
        ),
        table(
          'offers',
          'Offers to advocates',
          ['referrals', 'All referrals sent'],
          [
            ['offers.declined', 'Offers declined'],
            ['offers.lapsed', 'Offers not answered in time'],
          ],
        ),
      ],
      gaps: gaps.decisions,
    },
    {
      id: 'outcomes',
      heading: 'Outcomes',
      tables: [
        table('attended', 'Did the advocate attend the meeting? (the Advocacy Outcome)', ['referrals', 'All referrals sent'], attendedLines),
        table(
          'views-heard',
          'Were the person’s views heard? (where an Advocacy Outcome is recorded)',
          ['outcome.recorded', 'Advocacy Outcomes recorded'],
          viewsHeardLines,
        ),
        table('views-shared', 'The person’s views, prepared with their advocate', ['referrals', 'All referrals sent'], viewsSharedLines),
        table(
          'readiness',
          'Meeting readiness (child protection conferences)',
          ['readiness.conferences', 'Referrals for a child protection conference'],
          readinessLines,
        ),
      ],
      gaps: gaps.outcomes,
    },
    {
      id: 'children',
      heading: 'Children’s advocacy',
      tables: [
        table(
          'child-offers',
          'Children of child protection conferences offered an advocate',
          ['children.offered', 'Children offered an advocate'],
          childOfferLines,
        ),
        table(
          'child-accepted',
          'Who accepted',
          ['children.accepted', 'Accepted'],
          [...childAcceptedLines, ['children.referral_started', 'The child’s own referral started']],
        ),
        table('child-declined', 'Who declined', ['children.declined', 'Declined'], childDeclinedLines),
        table(
          'consultation',
          'Children of 4 or more consulted before their review conference',
          ['consultation.due', 'Children due a consultation'],
          consultationLines,
        ),
        table(
          'consultation-how',
          'How they took part',
          ['consultation.completed', 'Took part'],
          [
            ...consultationHowLines,
            ['consultation.helped', 'With a trusted adult helping'],
            ['consultation.shared_with_chair', 'Agreed the chair may see their answers'],
          ],
        ),
      ],
      gaps: gaps.children,
    },
    {
      id: 'programme',
      heading: 'The parent peer advocate programme',
      tables: [
        table('programme', 'Parent peer advocates by stage at the end of the period', ['programme.all', 'All parent peer advocates'], programmeLines),
        table(
          'programme-moves',
          'In the period',
          ['programme.applied', 'New applicants'],
          [
            ['programme.accredited', 'Accredited'],
            ['programme.left_in_period', 'Left'],
          ],
        ),
      ],
      gaps: gaps.programme,
    },
  ]

  const equality = dimensions.map((dimension): EqualityTable => ({
    dimension,
    caption: `${dimensionNames[dimension]}, ${input.period.label}`,
    groups: groupsOf[dimension].map(([key, label]) => ({ key, label })),
    rows: equalityLines.map(([key, label]) => ({
      key,
      label,
      cells: groupsOf[dimension].map(([group]) => {
        const full = `${key}@${dimension}=${group}`
        return shown(nowCounts.get(full) ?? 0, nowWithheld.has(full))
      }),
    })),
  }))

  return { period: input.period, previous: input.previous, published: input.published, sections, equality }
}
