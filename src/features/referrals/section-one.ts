import type { FieldError } from '../../platform/http/session.ts'

/**
 * Section 1, the Child Protection Advocacy Referral form, as in the practice guidance's Appendix B:
 * each question a yes or no with "please specify", the preferences also in structured form for
 * matching, and safety notes. Pure: what the answers are, and which are still missing.
 */

export const consentMethods = ['verbal', 'written', 'other'] as const
export const genderPreferences = ['woman', 'man', 'non_binary', 'no_preference'] as const
export const adjustmentOptions = ['extra_time', 'visual_aids', 'easy_read', 'bsl_interpreter', 'large_print', 'quiet_space'] as const

export const consentMethodLabels: Readonly<Record<(typeof consentMethods)[number], string>> = {
  verbal: 'Verbally',
  written: 'In writing',
  other: 'Another way',
}

export const genderPreferenceLabels: Readonly<Record<(typeof genderPreferences)[number], string>> = {
  woman: 'A woman',
  man: 'A man',
  non_binary: 'A non-binary advocate',
  no_preference: 'No preference',
}

export const adjustmentLabels: Readonly<Record<(typeof adjustmentOptions)[number], string>> = {
  extra_time: 'Extra time to take things in',
  visual_aids: 'Visual aids',
  easy_read: 'Easy read documents',
  bsl_interpreter: 'British Sign Language interpreter',
  large_print: 'Large print',
  quiet_space: 'A quiet space to talk',
}

export interface SectionOneAnswers {
  readonly consentGiven: boolean | null
  readonly consentMethod: (typeof consentMethods)[number] | null
  readonly consentDate: string | null
  readonly consentDetails: string | null
  readonly reason: string | null
  readonly hasPreference: boolean | null
  readonly preferenceDetails: string | null
  readonly preferredGender: (typeof genderPreferences)[number] | null
  readonly preferredLanguages: readonly string[]
  readonly preferredHeritage: string | null
  readonly interpreterNeeded: boolean | null
  readonly hasDisability: boolean | null
  readonly disabilityDetails: string | null
  readonly adjustments: readonly (typeof adjustmentOptions)[number][]
  readonly hasOtherNeeds: boolean | null
  readonly otherNeedsDetails: string | null
  readonly domesticAbuseBetweenParents: boolean | null
  readonly safetyNotes: string | null
}

export const emptySectionOne: SectionOneAnswers = {
  consentGiven: null,
  consentMethod: null,
  consentDate: null,
  consentDetails: null,
  reason: null,
  hasPreference: null,
  preferenceDetails: null,
  preferredGender: null,
  preferredLanguages: [],
  preferredHeritage: null,
  interpreterNeeded: null,
  hasDisability: null,
  disabilityDetails: null,
  adjustments: [],
  hasOtherNeeds: null,
  otherNeedsDetails: null,
  domesticAbuseBetweenParents: null,
  safetyNotes: null,
}

/**
 * What still has to be answered before Section 1 is finished, one message per question, in the
 * order the page asks them. A draft may be saved with any of these missing.
 */
export function missingAnswers(answers: SectionOneAnswers, today: string): FieldError[] {
  const missing: FieldError[] = []
  const need = (field: string, message: string, href = `#${field}`) => missing.push({ field, message, href })

  if (answers.consentGiven === null) need('consentGiven', 'Select yes if the person has consented to being referred')
  if (answers.consentGiven === true) {
    if (!answers.consentMethod) need('consentMethod', 'Select how the person gave their consent')
    if (!answers.consentDate) need('consentDate', 'Enter the date the person gave their consent', '#consentDate-day')
    else if (answers.consentDate > today) need('consentDate', 'The date consent was given must be today or in the past', '#consentDate-day')
  }
  if (answers.consentGiven === false && !answers.consentDetails) {
    need('consentDetails', 'Say why consent has not been obtained, and when it will be asked for')
  }
  if (!answers.reason) need('reason', 'Enter the reason for the referral')
  if (answers.hasPreference === null)
    need('hasPreference', "Select yes if the person has a preference about their advocate's gender, cultural heritage or spoken language")
  if (answers.hasPreference === true && !answers.preferenceDetails) need('preferenceDetails', 'Say what the person would prefer')
  if (answers.hasDisability === null) need('hasDisability', 'Select yes if the person has any disability, including learning needs')
  if (answers.hasDisability === true && !answers.disabilityDetails) need('disabilityDetails', 'Say what the disability or learning need is, and what helps')
  if (answers.hasOtherNeeds === null) need('hasOtherNeeds', 'Select yes if there is anything else that will help the advocacy relationship go well')
  if (answers.hasOtherNeeds === true && !answers.otherNeedsDetails) need('otherNeedsDetails', 'Say what will help the advocacy relationship go well')
  if (answers.domesticAbuseBetweenParents === null) need('domesticAbuseBetweenParents', 'Select yes if there is domestic abuse between the parents')
  if (answers.domesticAbuseBetweenParents === true && !answers.safetyNotes) need('safetyNotes', 'Enter the safety notes the advocacy service needs')
  return missing
}
