/**
 * Ranking a pool of 10,000 advocates for one referral, through the pure matching rule: the part of
 * "find an advocate" that grows with the pool. Prints the median, the 95th percentile and the worst
 * of many runs.
 */
import { performance } from 'node:perf_hooks'
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

export function benchMatching(): void {
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
  const samples: number[] = []
  let offered = 0
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now()
    offered = rankCandidates(request, pool).ranked.length
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  const median = samples[Math.floor(samples.length / 2)] ?? Number.NaN
  const p95 = samples[Math.floor(samples.length * 0.95)] ?? Number.NaN
  const worst = samples[samples.length - 1] ?? Number.NaN
  console.log(
    `\nMatching: ranking ${POOL.toLocaleString('en-GB')} advocates for one referral (${offered.toLocaleString('en-GB')} may be offered), ${RUNS} runs`,
  )
  console.log(
    `  median ${median.toFixed(2)} ms, 95th percentile ${p95.toFixed(2)} ms, worst ${worst.toFixed(2)} ms (a garbage collection can land in any one run)`,
  )
  console.log(`  aim: well under 20 ms; the median is ${(median / 20).toFixed(2)} of it, the 95th percentile ${(p95 / 20).toFixed(2)}`)
}
