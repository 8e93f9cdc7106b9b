import type { LanguageLevel, Specialism } from '../../../vocabulary/advocates.ts'
import { specialisms as specialismWords } from '../../../vocabulary/advocates.ts'

/**
 * @pure
 *
 * Matching: which advocates may be offered a referral, in what order, and why — in words an admin
 * can read out to a parent. Pure: the referral's needs and the pool in, a ranked list out.
 *
 * Never offered: an ineligible advocate; one with no free place; one away on the meeting's date; the
 * advocate already working with the other parent where the referral notes domestic abuse between
 * the parents; for a child's own referral, an advocate working with a parent of the family, and for
 * a parent's, one working with a child of the family on the child's own referral (a child's
 * advocate is theirs alone, ADR 30); anyone recorded as knowing the family; an advocate of another
 * kind than the manager's decision asked for.
 *
 * Ranked by: for a child's own referral, advocacy skills with children before anything else; then
 * the person's stated needs (a language they need, with an interpreter as the
 * fallback), then their preferences (gender, cultural heritage), then specialisms that fit their
 * needs, then continuity (an advocate they have had before), then an even share of work. Someone
 * who has already declined this referral, or let its offer lapse, can be offered it again, but
 * comes after those who meet the same needs and have not.
 */

export type AdvocateKind = 'parent_peer_advocate' | 'professional_advocate'

export interface MatchRequest {
  readonly meetingDate: string
  /** The kind of advocate the manager's decision asked for (null: either). */
  readonly advocateKind: AdvocateKind | null
  readonly familyGroupId: string | null
  /** Advocates working with the other parent, when the referral notes domestic abuse between the parents. */
  readonly otherParentAdvocateIds: readonly string[]
  /** Languages the person needs their advocate to speak. */
  readonly neededLanguages: readonly string[]
  /** Whether an interpreter can stand in when no advocate speaks the language. */
  readonly interpreterFallback: boolean
  readonly preferredGender: 'woman' | 'man' | 'non_binary' | null
  readonly preferredHeritage: string | null
  readonly wantedSpecialisms: readonly Specialism[]
  /** Advocates the person has had before. */
  readonly previousAdvocateIds: readonly string[]
  /** Advocates already offered this referral who declined it or did not answer: the next match comes before them. */
  readonly alreadyOfferedIds?: readonly string[]
  /** The person referred is a child, on their own referral (ADR 30): advocates skilled with children come first. */
  readonly forChild?: boolean
  /**
   * For a child, the advocates working with a parent of their family; for a parent, those working
   * with a child of their family on the child's own referral. Never offered, whatever else is recorded.
   */
  readonly acrossGenerationsAdvocateIds?: readonly string[]
}

export interface Candidate {
  readonly id: string
  readonly name: string
  readonly kind: AdvocateKind
  readonly gender: 'woman' | 'man' | 'non_binary' | null
  readonly heritage: string | null
  readonly languages: readonly { readonly language: string; readonly level: LanguageLevel }[]
  readonly specialisms: readonly Specialism[]
  readonly capacity: number
  /** People they are working with now, offers waiting included. */
  readonly activeLoad: number
  /** Allocations in the last twelve months: the tie-breaker that shares work evenly. */
  readonly recentAllocations: number
  readonly absences: readonly { readonly startsOn: string; readonly endsOn: string }[]
  readonly knownFamilyGroupIds: readonly string[]
  /** Days of the week they are usually available ('mon'…'sun'); empty when not recorded. */
  readonly availableDays?: readonly string[]
  readonly eligible: boolean
  readonly ineligibleBecause: readonly string[]
}

export interface RankedCandidate {
  readonly candidate: Candidate
  /** What speaks for them, in plain words ("speaks Spanish", "woman, as asked"). */
  readonly reasons: readonly string[]
  /** What to know before offering ("does not speak Spanish: book an interpreter"). */
  readonly cautions: readonly string[]
  readonly meetsEveryNeed: boolean
  /** How well each stated preference is met, for reporting. */
  readonly preferences: PreferenceMatch
}

export interface ExcludedCandidate {
  readonly candidate: Candidate
  readonly reasons: readonly string[]
}

export type Met = 'met' | 'not_met' | 'not_asked'

export interface PreferenceMatch {
  readonly language: Met | 'interpreter'
  readonly gender: Met
  readonly heritage: Met
}

export interface MatchResult {
  readonly ranked: readonly RankedCandidate[]
  readonly excluded: readonly ExcludedCandidate[]
}

const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
const weekdayNames: Readonly<Record<string, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
}

function weekdayOf(isoDate: string): string {
  return weekdayKeys[new Date(`${isoDate}T12:00:00Z`).getUTCDay()] ?? 'mon'
}

const SPEAKING_LEVELS: ReadonlySet<LanguageLevel> = new Set(['conversational', 'fluent', 'first_language'])

const genderWords: Readonly<Record<'woman' | 'man' | 'non_binary', string>> = { woman: 'woman', man: 'man', non_binary: 'non-binary' }

/** The same words, whatever their case or the spaces around them. */
export function sameWords(a: string, b: string): boolean {
  if (a === b) return true
  const same = sameAsciiWords(a, b)
  return same ?? a.trim().toLowerCase() === b.trim().toLowerCase()
}

const isAsciiSpace = (code: number) => code === 32 || (code >= 9 && code <= 13)

/**
 * `sameWords` for words in plain ASCII, making no new strings (a ranking compares thousands of
 * advocates' languages); undefined when either has any other character, for the full rule.
 */
function sameAsciiWords(a: string, b: string): boolean | undefined {
  let aStart = 0
  let aEnd = a.length
  let bStart = 0
  let bEnd = b.length
  while (aStart < aEnd && isAsciiSpace(a.charCodeAt(aStart))) aStart += 1
  while (aEnd > aStart && isAsciiSpace(a.charCodeAt(aEnd - 1))) aEnd -= 1
  while (bStart < bEnd && isAsciiSpace(b.charCodeAt(bStart))) bStart += 1
  while (bEnd > bStart && isAsciiSpace(b.charCodeAt(bEnd - 1))) bEnd -= 1
  for (let index = 0; index < a.length; index += 1) if (a.charCodeAt(index) > 127) return undefined
  for (let index = 0; index < b.length; index += 1) if (b.charCodeAt(index) > 127) return undefined
  if (aEnd - aStart !== bEnd - bStart) return false
  for (let offset = 0; offset < aEnd - aStart; offset += 1) {
    const x = a.charCodeAt(aStart + offset)
    const y = b.charCodeAt(bStart + offset)
    if (x === y) continue
    const lowerX = x >= 65 && x <= 90 ? x + 32 : x
    const lowerY = y >= 65 && y <= 90 ? y + 32 : y
    if (lowerX !== lowerY) return false
  }
  return true
}

function speaks(candidate: Candidate, language: string): { level: LanguageLevel } | undefined {
  for (const spoken of candidate.languages) if (SPEAKING_LEVELS.has(spoken.level) && sameWords(spoken.language, language)) return spoken
  return undefined
}

function heritageMatches(candidate: Candidate, wanted: string): boolean {
  const theirs = candidate.heritage?.toLowerCase() ?? ''
  const asked = wanted.trim().toLowerCase()
  return asked !== '' && theirs !== '' && (theirs.includes(asked) || asked.includes(theirs))
}

const NO_REASONS: readonly string[] = Object.freeze([])

/** Why an advocate of the other kind is never offered, by the kind the decision asked for: written once, not once an advocate. */
const otherKind: Readonly<Record<AdvocateKind, string>> = {
  parent_peer_advocate: 'is a professional advocate; the decision asked for a parent peer advocate',
  professional_advocate: 'is a parent peer advocate; the decision asked for a professional advocate',
}

/** Reasons given alone, each one list shared: the same few words are why thousands of advocates are not offered. */
const alone = new Map<string, readonly string[]>()

/**
 * The reasons so far and one more (no closure per candidate, as a local `add` would be). A reason
 * that is `shared` (one of a few fixed sentences) comes, when it is the first, as a list made once.
 */
function withReason(reasons: readonly string[] | undefined, reason: string, shared = false): readonly string[] {
  if (!reasons) {
    if (!shared) return [reason]
    let list = alone.get(reason)
    if (!list) {
      list = Object.freeze([reason])
      alone.set(reason, list)
    }
    return list
  }
  if (Object.isFrozen(reasons)) return [...reasons, reason]
  ;(reasons as string[]).push(reason)
  return reasons
}

/** The most places an advocate's "no free place" reason is written once for; beyond it, each time. */
const FEW_PLACES = 20
const placesTakenWords: string[][] = []

/** Whether an advocate's "no free place" reason is one written once: for the usual numbers of places. */
function fewPlaces(load: number, capacity: number): boolean {
  return Number.isInteger(load) && Number.isInteger(capacity) && load >= 0 && load <= FEW_PLACES && capacity >= 0 && capacity <= FEW_PLACES
}

/** "has no free place (2 of 2 taken)". */
function noFreePlace(load: number, capacity: number): string {
  if (!fewPlaces(load, capacity)) return `has no free place (${load} of ${capacity} taken)`
  const byLoad = (placesTakenWords[capacity] ??= [])
  return (byLoad[load] ??= `has no free place (${load} of ${capacity} taken)`)
}

/** Why an advocate can never be offered this referral (empty: they can). Nothing is allocated for one who can. */
export function exclusions(request: MatchRequest, candidate: Candidate): readonly string[] {
  let reasons: readonly string[] | undefined
  if (!candidate.eligible) reasons = withReason(reasons, `not eligible: ${candidate.ineligibleBecause.join('; ')}`)
  if (request.advocateKind && candidate.kind !== request.advocateKind) reasons = withReason(reasons, otherKind[request.advocateKind], true)
  if (candidate.activeLoad >= candidate.capacity)
    reasons = withReason(reasons, noFreePlace(candidate.activeLoad, candidate.capacity), fewPlaces(candidate.activeLoad, candidate.capacity))
  for (const absence of candidate.absences) {
    if (absence.startsOn <= request.meetingDate && request.meetingDate <= absence.endsOn) {
      reasons = withReason(reasons, 'is away on the day of the meeting', true)
      break
    }
  }
  if (request.otherParentAdvocateIds.includes(candidate.id))
    reasons = withReason(reasons, 'is working with the other parent, and there is domestic abuse between the parents', true)
  if (request.acrossGenerationsAdvocateIds?.includes(candidate.id))
    reasons = withReason(
      reasons,
      request.forChild
        ? 'is working with a parent of this child: a child’s advocate is their own'
        : 'is working with a child of this family on the child’s own referral',
      true,
    )
  if (request.familyGroupId && candidate.knownFamilyGroupIds.includes(request.familyGroupId))
    reasons = withReason(reasons, 'is recorded as knowing the family', true)
  return reasons ?? NO_REASONS
}

/** A whole number kept within `digits` digits. */
function clamp(value: number, digits: number): number {
  return Math.max(0, Math.min(10 ** digits - 1, Math.floor(value)))
}

/**
 * Packs the ranking rules, most important first, into the digits of one number (a pool of 10,000
 * sorts quickly; 16 digits, the first 0 or 1, stay within a safe integer): skilled with children,
 * for a child (1 digit), every need met (1 digit), not already offered it (1), needs met (2), preferences
 * met (1), fitting specialisms (2), continuity (1), share of places free (4), fewer recent
 * allocations (3).
 */
function packKey(
  childSkilled: boolean,
  every: boolean,
  fresh: boolean,
  needs: number,
  preferences: number,
  fitting: number,
  continuity: boolean,
  freeShare: number,
  recent: number,
): number {
  let key = childSkilled ? 1 : 0
  key = key * 10 + (every ? 1 : 0)
  key = key * 10 + (fresh ? 1 : 0)
  key = key * 100 + clamp(needs, 2)
  key = key * 10 + clamp(preferences, 1)
  key = key * 100 + clamp(fitting, 2)
  key = key * 10 + (continuity ? 1 : 0)
  key = key * 10_000 + clamp(freeShare * 9_999, 4)
  key = key * 1_000 + (999 - clamp(recent, 3))
  return key
}

/** Where the words for an assessment go; `null` when only the ranking is wanted. */
interface Words {
  readonly reasons: string[]
  readonly cautions: string[]
}

/**
 * What `assess` found besides the key. One record, filled by each call and read straight after it:
 * ranking a large pool then makes no object an advocate for it (issue 9: the pool's garbage, not
 * its sorting, made the slowest rankings slow).
 */
const assessed = { meetsEveryNeed: false, language: 'not_asked' as PreferenceMatch['language'], gender: 'not_asked' as Met, heritage: 'not_asked' as Met }

/**
 * How well one advocate fits the referral: the ranking key, and, when `words` is given, the plain
 * reasons and cautions an admin reads. One function for both, so the ranking and its words can
 * never disagree; ranking a large pool asks for no words, so it allocates almost nothing.
 */
function assess(request: MatchRequest, candidate: Candidate, weekday: string, words: Words | null): number {
  let needsMet = 0
  let interpreterNeeded = false
  for (const language of request.neededLanguages) {
    if (speaks(candidate, language)) {
      needsMet += 1
      words?.reasons.push(`speaks ${language}`)
    } else {
      interpreterNeeded = true
      words?.cautions.push(request.interpreterFallback ? `does not speak ${language}: book an interpreter` : `does not speak ${language}`)
    }
  }
  const meetsEveryNeed = needsMet === request.neededLanguages.length

  let preferencesMet = 0
  let gender: Met = 'not_asked'
  if (request.preferredGender) {
    if (candidate.gender === request.preferredGender) {
      preferencesMet += 1
      gender = 'met'
      words?.reasons.push(`${genderWords[request.preferredGender]}, as asked`)
    } else {
      gender = 'not_met'
      words?.cautions.push(`not a ${genderWords[request.preferredGender]}, as was asked for`)
    }
  }
  let heritage: Met = 'not_asked'
  if (request.preferredHeritage) {
    if (heritageMatches(candidate, request.preferredHeritage)) {
      preferencesMet += 1
      heritage = 'met'
      words?.reasons.push(`${candidate.heritage} heritage, as asked`)
    } else {
      heritage = 'not_met'
    }
  }

  let fitting = 0
  for (const specialism of request.wantedSpecialisms) {
    if (!candidate.specialisms.includes(specialism)) continue
    fitting += 1
    words?.reasons.push(`trained in ${specialismWords.labels[specialism].toLowerCase()}`)
  }

  if (request.forChild && !candidate.specialisms.includes('children')) words?.cautions.push('not trained in advocacy for children and young people')

  const continuity = request.previousAdvocateIds.includes(candidate.id)
  if (continuity) words?.reasons.push(request.forChild ? 'worked with this child before' : 'worked with this parent before')

  const alreadyOffered = request.alreadyOfferedIds?.includes(candidate.id) ?? false
  if (alreadyOffered) words?.cautions.push('was offered this referral already and did not take it')

  if (words && candidate.availableDays && candidate.availableDays.length > 0 && !candidate.availableDays.includes(weekday)) {
    words.cautions.push(`not usually available on ${weekdayNames[weekday] ?? weekday}s: check with them`)
  }

  const free = candidate.capacity - candidate.activeLoad
  words?.reasons.push(`has ${free} of ${candidate.capacity} ${candidate.capacity === 1 ? 'place' : 'places'} free`)

  const language: PreferenceMatch['language'] =
    request.neededLanguages.length === 0 ? 'not_asked' : meetsEveryNeed ? 'met' : interpreterNeeded && request.interpreterFallback ? 'interpreter' : 'not_met'

  assessed.meetsEveryNeed = meetsEveryNeed
  assessed.language = language
  assessed.gender = gender
  assessed.heritage = heritage
  // Positional, not an object of parts: one object fewer for each of thousands of candidates.
  return packKey(
    request.forChild === true && candidate.specialisms.includes('children'),
    meetsEveryNeed,
    !alreadyOffered,
    needsMet,
    preferencesMet,
    fitting,
    continuity,
    free / candidate.capacity,
    candidate.recentAllocations,
  )
}

/** A ranked advocate whose reasons and cautions are put into words when someone reads them. */
class Ranked implements RankedCandidate {
  readonly candidate: Candidate
  readonly meetsEveryNeed: boolean
  readonly key: number
  readonly #request: MatchRequest
  readonly #weekday: string
  readonly #language: PreferenceMatch['language']
  readonly #gender: Met
  readonly #heritage: Met
  #words: Words | undefined

  constructor(request: MatchRequest, candidate: Candidate, weekday: string) {
    this.key = assess(request, candidate, weekday, null)
    this.candidate = candidate
    this.meetsEveryNeed = assessed.meetsEveryNeed
    this.#language = assessed.language
    this.#gender = assessed.gender
    this.#heritage = assessed.heritage
    this.#request = request
    this.#weekday = weekday
  }

  /** Made when read: only the advocate offered the referral has theirs recorded. */
  get preferences(): PreferenceMatch {
    return { language: this.#language, gender: this.#gender, heritage: this.#heritage }
  }

  #explained(): Words {
    if (!this.#words) {
      const words: Words = { reasons: [], cautions: [] }
      assess(this.#request, this.candidate, this.#weekday, words)
      this.#words = words
    }
    return this.#words
  }

  get reasons(): readonly string[] {
    return this.#explained().reasons
  }

  get cautions(): readonly string[] {
    return this.#explained().cautions
  }
}

/** Plain ordering for ties: stable and quick (locale-aware collation is slow on large pools). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function rankCandidates(request: MatchRequest, candidates: readonly Candidate[]): MatchResult {
  const excluded: ExcludedCandidate[] = []
  const ranked: Ranked[] = []
  const weekday = weekdayOf(request.meetingDate)
  for (const candidate of candidates) {
    const reasons = exclusions(request, candidate)
    if (reasons.length > 0) excluded.push({ candidate, reasons })
    else ranked.push(new Ranked(request, candidate, weekday))
  }
  ranked.sort((a, b) => b.key - a.key || byText(a.candidate.name, b.candidate.name) || byText(a.candidate.id, b.candidate.id))
  return {
    ranked,
    excluded: excluded.sort((a, b) => byText(a.candidate.name, b.candidate.name) || byText(a.candidate.id, b.candidate.id)),
  }
}
