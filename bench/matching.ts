/**
 * Ranking a pool of 10,000 advocates for one referral, through the pure matching rule: the part of
 * "find an advocate" that grows with the pool. Prints the median, the 95th percentile and the worst
 * of many runs, and how much of the slowest runs' time was garbage collection (perf_hooks' `gc`
 * entries, matched to the runs they fell in).
 */
import { constants, performance, PerformanceObserver } from 'node:perf_hooks'
import { languageLevels, specialisms } from '../src/vocabulary/advocates.ts'
import { rankCandidates, type Candidate, type MatchRequest } from '../src/features/referrals/allocation/matching.ts'

const POOL = 10_000
const RUNS = 200

/** A small deterministic random source, so every run ranks the same pool. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

export function syntheticPool(size: number, seed = 42): Candidate[] {
  const random = seeded(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const languages = ['English', 'Spanish', 'Bengali', 'Polish', 'Somali', 'Arabic', 'Turkish', 'Portuguese', 'BSL', 'Urdu']
  return Array.from({ length: size }, (_, index) => {
    const capacity = 1 + Math.floor(random() * 4)
    return {
      id: `advocate-${index}`,
      name: `Advocate ${index}`,
      kind: random() < 0.7 ? 'parent_peer_advocate' : 'professional_advocate',
      gender: pick(['woman', 'man', 'non_binary', null] as const),
      heritage: pick(['Latin American', 'Bangladeshi', 'Irish', 'Somali', 'Polish', null]),
      languages: [
        { language: 'English', level: 'first_language' as const },
        { language: pick(languages), level: pick(languageLevels.values) },
      ],
      specialisms: [pick(specialisms.values), pick(specialisms.values)],
      capacity,
      activeLoad: Math.floor(random() * (capacity + 1)),
      recentAllocations: Math.floor(random() * 20),
      absences: random() < 0.1 ? [{ startsOn: '2026-12-08', endsOn: '2026-12-12' }] : [],
      knownFamilyGroupIds: random() < 0.01 ? ['family-1'] : [],
      eligible: random() < 0.85,
      ineligibleBecause: ['DBS check expired'],
    }
  })
}

export async function benchMatching(): Promise<void> {
  const pool = syntheticPool(POOL)
  const request: MatchRequest = {
    meetingDate: '2026-12-10',
    advocateKind: 'parent_peer_advocate',
    familyGroupId: 'family-1',
    otherParentAdvocateIds: ['advocate-7'],
    neededLanguages: ['Spanish'],
    interpreterFallback: true,
    preferredGender: 'woman',
    preferredHeritage: 'Latin American',
    wantedSpecialisms: ['dyslexia'],
    previousAdvocateIds: ['advocate-99'],
  }
  for (let warm = 0; warm < 20; warm += 1) rankCandidates(request, pool)
  // Each garbage collection's pause, to say how much of the tail is the collector's.
  const pauses: { start: number; end: number; major: boolean }[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { readonly detail?: { readonly kind?: number } }).detail?.kind
      pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration, major: kind === constants.NODE_PERFORMANCE_GC_MAJOR })
    }
  })
  observer.observe({ entryTypes: ['gc'] })
  const runs: { took: number; start: number; end: number }[] = []
  let offered = 0
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now()
    offered = rankCandidates(request, pool).ranked.length
    const end = performance.now()
    runs.push({ took: end - start, start, end })
  }
  // The observer is told of the last pauses on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 50))
  observer.disconnect()
  const inRun = (run: { start: number; end: number }) => pauses.filter((pause) => pause.end > run.start && pause.start < run.end)
  const gcIn = (run: { start: number; end: number }) =>
    inRun(run).reduce((sum, pause) => sum + Math.min(pause.end, run.end) - Math.max(pause.start, run.start), 0)
  const samples = runs.map((run) => run.took).sort((a, b) => a - b)
  const median = samples[Math.floor(samples.length / 2)] ?? Number.NaN
  const p95 = samples[Math.floor(samples.length * 0.95)] ?? Number.NaN
  const worst = samples[samples.length - 1] ?? Number.NaN
  const withoutGc = runs.map((run) => run.took - gcIn(run)).sort((a, b) => a - b)
  const slowest = [...runs].sort((a, b) => b.took - a.took).slice(0, Math.ceil(RUNS * 0.05))
  const slowestGc = slowest.reduce((sum, run) => sum + gcIn(run), 0)
  const slowestTook = slowest.reduce((sum, run) => sum + run.took, 0)
  console.log(
    `\nMatching: ranking ${POOL.toLocaleString('en-GB')} advocates for one referral (${offered.toLocaleString('en-GB')} may be offered), ${RUNS} runs`,
  )
  console.log(`  median ${median.toFixed(2)} ms, 95th percentile ${p95.toFixed(2)} ms, worst ${worst.toFixed(2)} ms`)
  console.log(
    `  garbage collection: ${pauses.length} pauses (${pauses.filter((pause) => pause.major).length} major) in ${runs.filter((run) => inRun(run).length > 0).length} of the runs; ` +
      `${Math.round((slowestGc / slowestTook) * 100)} % of the slowest 5 %'s time; without its pauses the 95th percentile would be ${(withoutGc[Math.floor(withoutGc.length * 0.95)] ?? Number.NaN).toFixed(2)} ms`,
  )
  console.log(`  aim: a 95th percentile at most 20 ms; the median is ${(median / 20).toFixed(2)} of it, the 95th percentile ${(p95 / 20).toFixed(2)}`)
}
