import { z } from 'zod'
import { optionalOneOf, optionalText, recordVersion } from '../../../platform/http/form-fields.ts'
import { disabilityAnswers, ethnicities, PREFER_NOT_TO_SAY, relationshipsToChild } from '../../../vocabulary/equality.ts'
import type { EqualityFields } from '../../people/service.ts'

/** How the first language question is answered: English, another (named), or prefer not to say. */
export const firstLanguageChoices = ['english', 'another', PREFER_NOT_TO_SAY] as const

/**
 * The equality questions: each may be left unanswered (not asked yet) or answered "Prefer not to
 * say"; another first language must be named. With the version the page was opened on.
 */
export const equalitySchema = z
  .object({
    relationshipToChild: optionalOneOf(relationshipsToChild.values, 'Select their relationship to the child from the list'),
    ethnicity: optionalOneOf(ethnicities.values, 'Select their ethnicity from the list'),
    firstLanguage: optionalOneOf(firstLanguageChoices, 'Select their first language from the list'),
    otherLanguage: optionalText('Their first language', 60),
    disability: optionalOneOf(disabilityAnswers.values, 'Select whether they are disabled from the list'),
    version: recordVersion(),
  })
  .transform((form, context): { fields: EqualityFields; version: number } => {
    if (form.firstLanguage === 'another' && form.otherLanguage === null) {
      context.addIssue({ code: 'custom', message: 'Enter their first language', path: ['otherLanguage'] })
      return z.NEVER
    }
    const firstLanguage = form.firstLanguage === 'english' ? 'English' : form.firstLanguage === 'another' ? form.otherLanguage : form.firstLanguage
    return {
      fields: { relationshipToChild: form.relationshipToChild, ethnicity: form.ethnicity, firstLanguage, disability: form.disability },
      version: form.version,
    }
  })

/** A person's saved answers, as the form shows them. */
export function valuesFrom(equality: EqualityFields): Record<string, unknown> {
  const language = equality.firstLanguage
  return {
    relationshipToChild: equality.relationshipToChild ?? '',
    ethnicity: equality.ethnicity ?? '',
    firstLanguage: language === null ? '' : language === PREFER_NOT_TO_SAY ? PREFER_NOT_TO_SAY : language.toLowerCase() === 'english' ? 'english' : 'another',
    otherLanguage: language !== null && language !== PREFER_NOT_TO_SAY && language.toLowerCase() !== 'english' ? language : '',
    disability: equality.disability ?? '',
  }
}
