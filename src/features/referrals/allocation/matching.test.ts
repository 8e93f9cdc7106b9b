import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { languageLevels, specialisms } from '../../../vocabulary/advocates.ts'
import { exclusions, rankCandidates, sameWords, type Candidate, type MatchRequest } from './matching.ts'
import { needsFrom } from './needs.ts'

const MEETING = '2026-12-10'

function candidate(overrides: Partial<Candidate> & { id: string }): Candidate {
  return {
    name: overrides.id,
    kind: 'parent_peer_advocate',
    gender: null,
    heritage: null,
    languages: [{ language: 'English', level: 'first_language' }],
    specialisms: [],
    capacity: 3,
    activeLoad: 0,
    recentAllocations: 0,
    absences: [],
    knownFamilyGroupIds: [],
    eligible: true,
    ineligibleBecause: [],
    ...overrides,
  }
}

const appendixB: MatchRequest = {
  meetingDate: MEETING,
  advocateKind: 'parent_peer_advocate',
  familyGroupId: 'family-1',
  otherParentAdvocateIds: [],
  neededLanguages: ['Spanish'],
  interpreterFallback: true,
  preferredGender: 'woman',
  preferredHeritage: null,
  wantedSpecialisms: ['dyslexia'],
  previousAdvocateIds: [],
}

describe('matching, by example', () => {
  test('the Appendix B parent: a Spanish-speaking woman trained in dyslexia awareness comes first, and why is said plainly', () => {
    const { ranked } = rankCandidates(appendixB, [
      candidate({ id: 'english-man', gender: 'man' }),
      candidate({ id: 'spanish-man', gender: 'man', languages: [{ language: 'Spanish', level: 'fluent' }] }),
      candidate({
        id: 'spanish-woman',
        gender: 'woman',
        languages: [{ language: 'spanish', level: 'first_language' }],
        specialisms: ['dyslexia'],
        capacity: 3,
        activeLoad: 2,
      }),
      candidate({ id: 'english-woman', gender: 'woman', specialisms: ['dyslexia'] }),
    ])
    assert.deepEqual(
      ranked.map((entry) => entry.candidate.id),
      ['spanish-woman', 'spanish-man', 'english-woman', 'english-man'],
    )
    assert.deepEqual(ranked[0]?.reasons, ['speaks Spanish', 'woman, as asked', 'trained in dyslexia awareness', 'has 1 of 3 places free'])
    assert.deepEqual(ranked[0]?.preferences, { language: 'met', gender: 'met', heritage: 'not_asked' })
    assert.deepEqual(ranked[2]?.cautions, ['does not speak Spanish: book an interpreter'])
    assert.deepEqual(ranked[2]?.preferences, { language: 'interpreter', gender: 'met', heritage: 'not_asked' })
  })

  test('each rule that stops an offer is named', () => {
    const { ranked, excluded } = rankCandidates({ ...appendixB, otherParentAdvocateIds: ['with-other-parent'] }, [
      candidate({ id: 'ineligible', eligible: false, ineligibleBecause: ['DBS check expired on 2026-01-01'] }),
      candidate({ id: 'full', capacity: 2, activeLoad: 2 }),
      candidate({ id: 'away', absences: [{ startsOn: '2026-12-09', endsOn: '2026-12-10' }] }),
      candidate({ id: 'with-other-parent' }),
      candidate({ id: 'knows-family', knownFamilyGroupIds: ['family-1'] }),
      candidate({ id: 'professional', kind: 'professional_advocate' }),
      candidate({ id: 'back-the-day-after', absences: [{ startsOn: '2026-12-01', endsOn: '2026-12-09' }] }),
    ])
    assert.deepEqual(
      ranked.map((entry) => entry.candidate.id),
      ['back-the-day-after'],
    )
    assert.deepEqual(Object.fromEntries(excluded.map((entry) => [entry.candidate.id, entry.reasons])), {
      ineligible: ['not eligible: DBS check expired on 2026-01-01'],
      full: ['has no free place (2 of 2 taken)'],
      away: ['is away on the day of the meeting'],
      'with-other-parent': ['is working with the other parent, and there is domestic abuse between the parents'],
      'knows-family': ['is recorded as knowing the family'],
      professional: ['is a professional advocate; the decision asked for a parent peer advocate'],
    })
  })

  test('after needs and preferences: continuity, then an even share of work', () => {
    const request: MatchRequest = { ...appendixB, neededLanguages: [], preferredGender: null, wantedSpecialisms: [], previousAdvocateIds: ['known'] }
    const { ranked } = rankCandidates(request, [
      candidate({ id: 'busy', capacity: 4, activeLoad: 3 }),
      candidate({ id: 'quiet', capacity: 4, activeLoad: 0, recentAllocations: 9 }),
      candidate({ id: 'quieter', capacity: 4, activeLoad: 0, recentAllocations: 2 }),
      candidate({ id: 'known', capacity: 4, activeLoad: 3 }),
    ])
    assert.deepEqual(
      ranked.map((entry) => entry.candidate.id),
      ['known', 'quieter', 'quiet', 'busy'],
    )
    assert.ok(ranked[0]?.reasons.includes('worked with this parent before'))
  })

  test('the next match comes before someone who already declined this referral, who is still there with a caution', () => {
    const { ranked } = rankCandidates({ ...appendixB, alreadyOfferedIds: ['declined'] }, [
      candidate({ id: 'declined', gender: 'woman', languages: [{ language: 'Spanish', level: 'fluent' }], specialisms: ['dyslexia'] }),
      candidate({ id: 'next', gender: 'man', languages: [{ language: 'Spanish', level: 'fluent' }] }),
    ])
    assert.deepEqual(
      ranked.map((entry) => entry.candidate.id),
      ['next', 'declined'],
    )
    assert.ok(ranked[1]?.cautions.includes('was offered this referral already and did not take it'))
  })

  test('someone not usually free on the meeting’s weekday can still be offered it, with a caution', () => {
    const { ranked } = rankCandidates({ ...appendixB, meetingDate: '2026-12-10' }, [
      candidate({ id: 'weekends', gender: 'woman', availableDays: ['sat', 'sun'] }),
    ])
    assert.deepEqual(ranked[0]?.cautions, ['does not speak Spanish: book an interpreter', 'not usually available on Thursdays: check with them'])
  })

  test('a language spoken only a little does not count as speaking it', () => {
    const { ranked } = rankCandidates(appendixB, [candidate({ id: 'basic', gender: 'woman', languages: [{ language: 'Spanish', level: 'basic' }] })])
    assert.equal(ranked[0]?.meetsEveryNeed, false)
  })
})

describe('needs read from the referral', () => {
  test('Appendix B: Spanish needed, a woman preferred, dyslexia awareness wanted', () => {
    const needs = needsFrom(
      {
        preferredLanguages: ['Spanish'],
        interpreterNeeded: false,
        preferredGender: 'woman',
        preferredHeritage: null,
        adjustments: ['extra_time', 'visual_aids'],
        disabilityDetails: 'The parent has dyslexia, which primarily affects their ability to read.',
        otherNeedsDetails: 'Would like to meet the advocate in person first.',
        reason: null,
        domesticAbuseBetweenParents: false,
        personGender: 'Female',
        personDateOfBirth: '1990-04-03',
      },
      MEETING,
    )
    assert.deepEqual(needs, {
      neededLanguages: ['Spanish'],
      interpreterFallback: false,
      preferredGender: 'woman',
      preferredHeritage: null,
      wantedSpecialisms: ['dyslexia'],
    })
  })

  test('a young father with a BSL interpreter, where there is domestic abuse', () => {
    const needs = needsFrom(
      {
        preferredLanguages: [],
        interpreterNeeded: null,
        preferredGender: 'no_preference',
        preferredHeritage: null,
        adjustments: ['bsl_interpreter'],
        disabilityDetails: 'Deaf',
        otherNeedsDetails: null,
        reason: null,
        domesticAbuseBetweenParents: true,
        personGender: 'Male',
        personDateOfBirth: '2002-12-11',
      },
      MEETING,
    )
    assert.deepEqual(needs.neededLanguages, ['BSL'])
    assert.equal(needs.preferredGender, null)
    assert.deepEqual([...needs.wantedSpecialisms].sort(), ['deaf', 'domestic_abuse', 'fathers', 'young_parents'])
  })
})

// Properties: for any pool and any referral.

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']
const languageNames = ['English', 'Spanish', 'Bengali', 'Polish', 'BSL']
const isoDay = fc.integer({ min: 1, max: 28 }).map((day) => `2026-12-${String(day).padStart(2, '0')}`)

const arbitraryCandidate = (id: string): fc.Arbitrary<Candidate> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(`Advocate ${id}`),
    kind: fc.constantFrom('parent_peer_advocate' as const, 'professional_advocate' as const),
    gender: fc.constantFrom('woman' as const, 'man' as const, 'non_binary' as const, null),
    heritage: fc.constantFrom('Latin American', 'Bangladeshi', 'Irish', null),
    languages: fc.uniqueArray(fc.record({ language: fc.constantFrom(...languageNames), level: fc.constantFrom(...languageLevels.values) }), {
      selector: (spoken) => spoken.language,
      maxLength: 3,
    }),
    specialisms: fc.uniqueArray(fc.constantFrom(...specialisms.values), { maxLength: 3 }),
    capacity: fc.integer({ min: 1, max: 5 }),
    activeLoad: fc.integer({ min: 0, max: 6 }),
    recentAllocations: fc.integer({ min: 0, max: 20 }),
    absences: fc.array(
      fc.tuple(isoDay, isoDay).map(([a, b]) => (a <= b ? { startsOn: a, endsOn: b } : { startsOn: b, endsOn: a })),
      { maxLength: 2 },
    ),
    knownFamilyGroupIds: fc.subarray(['family-1', 'family-2']),
    eligible: fc.boolean(),
    ineligibleBecause: fc.constant(['some reason']),
  })

const arbitraryPool = fc
  .subarray(ids, { minLength: 0 })
  .chain((chosen) => fc.tuple(...chosen.map(arbitraryCandidate)))
  .map((pool) => pool)

const arbitraryRequest: fc.Arbitrary<MatchRequest> = fc.record({
  meetingDate: isoDay,
  advocateKind: fc.constantFrom('parent_peer_advocate' as const, 'professional_advocate' as const, null),
  familyGroupId: fc.constantFrom('family-1', 'family-2', null),
  otherParentAdvocateIds: fc.subarray(ids, { maxLength: 2 }),
  neededLanguages: fc.uniqueArray(fc.constantFrom(...languageNames), { maxLength: 2 }),
  interpreterFallback: fc.boolean(),
  preferredGender: fc.constantFrom('woman' as const, 'man' as const, 'non_binary' as const, null),
  preferredHeritage: fc.constantFrom('Latin American', 'Irish', null),
  wantedSpecialisms: fc.uniqueArray(fc.constantFrom(...specialisms.values), { maxLength: 3 }),
  previousAdvocateIds: fc.subarray(ids, { maxLength: 2 }),
  alreadyOfferedIds: fc.subarray(ids, { maxLength: 2 }),
})

describe('matching, for any pool and any referral', () => {
  test('nothing in the "never offered" list is ever offered', () => {
    fc.assert(
      fc.property(arbitraryRequest, arbitraryPool, (request, pool) => {
        const { ranked, excluded } = rankCandidates(request, pool)
        assert.equal(ranked.length + excluded.length, pool.length, 'every advocate is either ranked or excluded')
        for (const { candidate: offered } of ranked) {
          assert.ok(offered.eligible, 'not eligible')
          assert.ok(offered.activeLoad < offered.capacity, 'no free place')
          assert.ok(!offered.absences.some((away) => away.startsOn <= request.meetingDate && request.meetingDate <= away.endsOn), 'away on the day')
          assert.ok(!request.otherParentAdvocateIds.includes(offered.id), 'the other parent’s advocate')
          assert.ok(!(request.familyGroupId && offered.knownFamilyGroupIds.includes(request.familyGroupId)), 'knows the family')
          assert.ok(!request.advocateKind || offered.kind === request.advocateKind, 'not the kind decided')
        }
      }),
      { numRuns: 2000 },
    )
  })

  test('a candidate meeting every stated need always ranks above one that does not', () => {
    fc.assert(
      fc.property(arbitraryRequest, arbitraryPool, (request, pool) => {
        const { ranked } = rankCandidates(request, pool)
        const firstShort = ranked.findIndex((entry) => !entry.meetsEveryNeed)
        if (firstShort === -1) return
        assert.ok(
          ranked.slice(firstShort).every((entry) => !entry.meetsEveryNeed),
          'no one who meets every need comes after someone who does not',
        )
      }),
      { numRuns: 2000 },
    )
  })

  test('the same words, whatever their case or spaces: as the plain rule says, for any text', () => {
    const words = fc.oneof(
      fc.constantFrom('Spanish', ' spanish ', 'SPANISH', 'Español', 'ESPAÑOL', 'Türkçe', 'TÜRKÇE', 'British Sign Language', '\tbsl\n', ''),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    )
    fc.assert(
      fc.property(words, words, (a, b) => {
        assert.equal(sameWords(a, b), a.trim().toLowerCase() === b.trim().toLowerCase(), `${JSON.stringify(a)} and ${JSON.stringify(b)}`)
      }),
      { numRuns: 5000 },
    )
  })

  test('the reasons an advocate is not offered are their own: a reason shared between advocates is never added to', () => {
    const request: MatchRequest = { ...appendixB, advocateKind: 'parent_peer_advocate' }
    const professional = candidate({ id: 'professional', kind: 'professional_advocate' })
    const alsoFull = candidate({ id: 'professional-and-full', kind: 'professional_advocate', capacity: 1, activeLoad: 1 })
    const alsoKnows = candidate({ id: 'professional-who-knows', kind: 'professional_advocate', knownFamilyGroupIds: ['family-1'] })
    const first = exclusions(request, professional)
    assert.deepEqual(exclusions(request, alsoFull), [
      'is a professional advocate; the decision asked for a parent peer advocate',
      'has no free place (1 of 1 taken)',
    ])
    assert.deepEqual(exclusions(request, alsoKnows), [
      'is a professional advocate; the decision asked for a parent peer advocate',
      'is recorded as knowing the family',
    ])
    assert.deepEqual(exclusions(request, professional), ['is a professional advocate; the decision asked for a parent peer advocate'])
    assert.deepEqual(first, ['is a professional advocate; the decision asked for a parent peer advocate'])
    assert.deepEqual(exclusions(request, candidate({ id: 'many', capacity: 40, activeLoad: 41 })), ['has no free place (41 of 40 taken)'])
  })

  test('the ranking does not depend on the order the pool is listed in', () => {
    fc.assert(
      fc.property(arbitraryRequest, arbitraryPool, (request, pool) => {
        const forwards = rankCandidates(request, pool).ranked.map((entry) => entry.candidate.id)
        const backwards = rankCandidates(request, [...pool].reverse()).ranked.map((entry) => entry.candidate.id)
        assert.deepEqual(backwards, forwards)
      }),
      { numRuns: 500 },
    )
  })
})

describe('a child’s own referral (ADR 30)', () => {
  const forChild: MatchRequest = {
    ...appendixB,
    advocateKind: null,
    neededLanguages: [],
    preferredGender: null,
    wantedSpecialisms: ['children'],
    forChild: true,
    acrossGenerationsAdvocateIds: ['parents-advocate'],
  }

  test('advocates skilled with children come first, before one who meets every other need, and the rest are cautioned', () => {
    const { ranked } = rankCandidates({ ...forChild, neededLanguages: ['Spanish'] }, [
      candidate({ id: 'spanish-speaker', languages: [{ language: 'Spanish', level: 'fluent' }], recentAllocations: 0 }),
      candidate({ id: 'with-children', specialisms: ['children'], recentAllocations: 9 }),
    ])
    assert.deepEqual(
      ranked.map((entry) => entry.candidate.id),
      ['with-children', 'spanish-speaker'],
    )
    assert.ok(ranked[0]?.reasons.includes('trained in advocacy for children and young people'))
    assert.ok(ranked[1]?.cautions.includes('not trained in advocacy for children and young people'))
  })

  test('the skill counts only for a child: a parent’s referral ranks as before', () => {
    const { ranked } = rankCandidates({ ...forChild, forChild: false, wantedSpecialisms: [], acrossGenerationsAdvocateIds: [] }, [
      candidate({ id: 'with-children', specialisms: ['children'], recentAllocations: 5 }),
      candidate({ id: 'fewer-allocations', recentAllocations: 0 }),
    ])
    assert.equal(ranked[0]?.candidate.id, 'fewer-allocations')
  })

  test('the wall: the parent’s advocate is never offered for the child, whatever their skills', () => {
    const { ranked, excluded } = rankCandidates(forChild, [
      candidate({ id: 'parents-advocate', specialisms: ['children'] }),
      candidate({ id: 'another', specialisms: ['children'] }),
    ])
    assert.deepEqual(
      ranked.map((entry) => entry.candidate.id),
      ['another'],
    )
    assert.deepEqual(excluded[0]?.reasons, ['is working with a parent of this child: a child’s advocate is their own'])
  })

  test('a child wants an advocate skilled with children, and is never read as a father or a young parent', () => {
    const needs = needsFrom(
      {
        preferredLanguages: [],
        interpreterNeeded: null,
        preferredGender: null,
        preferredHeritage: null,
        adjustments: [],
        disabilityDetails: null,
        otherNeedsDetails: null,
        reason: null,
        domesticAbuseBetweenParents: false,
        personGender: 'male',
        personDateOfBirth: '2016-01-01',
        personIsChild: true,
      },
      MEETING,
    )
    assert.deepEqual(needs.wantedSpecialisms, ['children'])
  })
})
