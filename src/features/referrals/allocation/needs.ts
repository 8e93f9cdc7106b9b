import type { Specialism } from '../../../vocabulary/advocates.ts'
import { sameWords, type MatchRequest } from './matching.ts'

/**
 * @pure
 *
 * What a referral's answers ask of an advocate: the languages the person needs, their preferences,
 * and the specialisms their answers point to (dyslexia, a father, a young parent, domestic abuse…).
 * Read from Section 1 and the person; ranked by `matching.ts`.
 */

export interface NeedsFacts {
  readonly preferredLanguages: readonly string[]
  readonly interpreterNeeded: boolean | null
  readonly preferredGender: string | null
  readonly preferredHeritage: string | null
  readonly adjustments: readonly string[]
  readonly disabilityDetails: string | null
  readonly otherNeedsDetails: string | null
  readonly reason: string | null
  readonly domesticAbuseBetweenParents: boolean | null
  readonly personGender: string | null
  readonly personDateOfBirth: string | null
  /** The person referred is a child (their own referral, ADR 30): they need an advocate skilled with children. */
  readonly personIsChild?: boolean
}

const specialismSigns: readonly [Specialism, RegExp][] = [
  ['dyslexia', /dyslexi/i],
  ['learning_disability', /learning (disabilit|difficult|need)/i],
  ['autism', /autis/i],
  ['mental_health', /mental health|depress|anxiety|psychosis/i],
  ['substance_use', /alcohol|drugs?\b|substance/i],
  ['care_experienced', /care leaver|care-experienced|care experienced|grew up in care/i],
]

/**
 * The needs, preferences and specialisms a referral's answers point to. A British Sign Language
 * interpreter in the adjustments makes BSL a needed language; a father, a young parent or domestic
 * abuse each point to advocates trained for them.
 */
export function needsFrom(
  facts: NeedsFacts,
  meetingDate: string,
): Pick<MatchRequest, 'neededLanguages' | 'interpreterFallback' | 'preferredGender' | 'preferredHeritage' | 'wantedSpecialisms'> {
  const text = [facts.disabilityDetails, facts.otherNeedsDetails, facts.reason].filter(Boolean).join(' ')
  const wanted = new Set<Specialism>(specialismSigns.filter(([, sign]) => sign.test(text)).map(([specialism]) => specialism))
  if (facts.adjustments.includes('bsl_interpreter')) wanted.add('deaf')
  if (facts.domesticAbuseBetweenParents) wanted.add('domestic_abuse')
  if (facts.personIsChild) wanted.add('children')
  // A father or a young parent is a parent: a child is neither.
  if (!facts.personIsChild && facts.personGender && /^(male|man|father|dad)$/i.test(facts.personGender.trim())) wanted.add('fathers')
  if (!facts.personIsChild && facts.personDateOfBirth) {
    const ageAtMeeting =
      Number(meetingDate.slice(0, 4)) - Number(facts.personDateOfBirth.slice(0, 4)) - (meetingDate.slice(5) < facts.personDateOfBirth.slice(5) ? 1 : 0)
    if (ageAtMeeting < 25) wanted.add('young_parents')
  }
  const languages = [...facts.preferredLanguages]
  if (facts.adjustments.includes('bsl_interpreter') && !languages.some((language) => sameWords(language, 'BSL') || /sign language/i.test(language))) {
    languages.push('BSL')
  }
  const gender = facts.preferredGender === 'woman' || facts.preferredGender === 'man' || facts.preferredGender === 'non_binary' ? facts.preferredGender : null
  return {
    neededLanguages: languages,
    interpreterFallback: facts.interpreterNeeded !== false,
    preferredGender: gender,
    preferredHeritage: facts.preferredHeritage,
    wantedSpecialisms: [...wanted],
  }
}
