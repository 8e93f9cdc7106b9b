import { z } from 'zod'
import { commaList, oneOf, optionalDateInput, optionalOneOf, optionalText, optionalYesNo, recordVersion, someOf } from '../../../platform/http/form-fields.ts'
import { adjustmentOptions, consentMethods, genderPreferences, type SectionOneAnswers } from '../section-one.ts'

/**
 * Section 1 as posted. Every answer may be missing (a draft can be saved at any point), but what is
 * given must be well formed. Whether it is complete is a separate rule (`missingAnswers`), applied
 * when the referrer chooses "Save and continue".
 */
export const sectionOneSchema = z
  .object({
    consentGiven: optionalYesNo('Select yes if the person has consented to being referred'),
    consentMethod: optionalOneOf(consentMethods, 'Select how the person gave their consent'),
    consentDate: optionalDateInput({ required: 'Enter the date the person gave their consent', label: 'Date consent was given' }),
    consentDetails: optionalText('Details about consent'),
    reason: optionalText('Reason for the referral'),
    hasPreference: optionalYesNo('Select yes if the person has a preference about their advocate'),
    preferenceDetails: optionalText('Details of the preference'),
    preferredGender: optionalOneOf(genderPreferences, 'Select a preference about the advocate’s gender'),
    preferredLanguages: commaList('Languages', { maxItems: 5, maxLength: 50 }),
    preferredHeritage: optionalText('Cultural heritage', 200),
    interpreterNeeded: optionalYesNo('Select yes if the person needs an interpreter'),
    hasDisability: optionalYesNo('Select yes if the person has any disability, including learning needs'),
    disabilityDetails: optionalText('Details of the disability or learning need'),
    adjustments: someOf(adjustmentOptions, 'Select the adjustments from the list'),
    hasOtherNeeds: optionalYesNo('Select yes if there is anything else that will help the advocacy relationship'),
    otherNeedsDetails: optionalText('What will help the advocacy relationship'),
    domesticAbuseBetweenParents: optionalYesNo('Select yes if there is domestic abuse between the parents'),
    safetyNotes: optionalText('Safety notes'),
    version: recordVersion(),
    action: oneOf(['continue', 'draft'], 'Choose whether to continue or save as a draft').catch('draft'),
  })
  .transform((form): SectionOneAnswers & { version: number; action: 'continue' | 'draft' } => ({
    ...form,
    consentMethod: form.consentGiven === true ? form.consentMethod : null,
    consentDate: form.consentGiven === true ? form.consentDate : null,
    preferenceDetails: form.hasPreference === false ? null : form.preferenceDetails,
    preferredGender: form.hasPreference === false ? null : form.preferredGender,
    preferredLanguages: form.hasPreference === false ? [] : form.preferredLanguages,
    preferredHeritage: form.hasPreference === false ? null : form.preferredHeritage,
    interpreterNeeded: form.hasPreference === false ? null : form.interpreterNeeded,
    disabilityDetails: form.hasDisability === false ? null : form.disabilityDetails,
    adjustments: form.hasDisability === false ? [] : form.adjustments,
    otherNeedsDetails: form.hasOtherNeeds === false ? null : form.otherNeedsDetails,
  }))
