import { z } from 'zod'
import {
  commaList,
  dateInputValues,
  oneOf,
  optionalDateInput,
  optionalOneOf,
  optionalText,
  optionalYesNo,
  recordVersion,
  someOf,
} from '../../../platform/http/form-fields.ts'
import { questions, type Question, type QuestionName, type SectionOneAnswers } from './questions.ts'

/**
 * Section 1 as posted, derived from its questions. Every answer may be missing (a draft can be
 * saved at any point), but what is given must be well formed. Whether it is complete is a separate
 * rule (`missingAnswers`), applied when the referrer chooses "Save and continue".
 */

function fieldFor(asked: Question): z.ZodType {
  switch (asked.kind) {
    case 'yesNo':
      return optionalYesNo(asked.invalid)
    case 'text':
      return optionalText(asked.name)
    case 'shortText':
      return optionalText(asked.name, asked.maxLength)
    case 'choice':
      return optionalOneOf(asked.vocabulary.values, asked.invalid)
    case 'choices':
      return someOf(asked.vocabulary.values, asked.invalid)
    case 'list':
      return commaList(asked.name, { maxItems: asked.maxItems, maxLength: asked.maxLength })
    case 'date':
      return optionalDateInput({ required: asked.required ?? `Enter ${asked.name.toLowerCase()}`, label: asked.name })
  }
}

const answerFields = Object.fromEntries(Object.entries(questions).map(([name, asked]) => [name, fieldFor(asked)])) as Record<QuestionName, z.ZodType>

export const sectionOneSchema = z
  .object({
    ...answerFields,
    version: recordVersion(),
    action: oneOf(['continue', 'draft'], 'Choose whether to continue or save as a draft').catch('draft'),
  })
  // Each field's schema above gives exactly the type its question's answer has.
  .transform((form) => form as unknown as SectionOneAnswers & { version: number; action: 'continue' | 'draft' })

function yesNoValue(value: unknown): string | undefined {
  return value === true ? 'yes' : value === false ? 'no' : undefined
}

/** The saved answers in the shape the form shows them (radios as "yes"/"no", dates in three boxes). */
export function formValuesFrom(answers: SectionOneAnswers): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const [name, asked] of Object.entries(questions) as [QuestionName, Question][]) {
    const answer: unknown = answers[name]
    if (asked.kind === 'yesNo') values[name] = yesNoValue(answer)
    else if (asked.kind === 'date') Object.assign(values, dateInputValues(name, typeof answer === 'string' ? answer : null))
    else if (asked.kind === 'list') values[name] = Array.isArray(answer) ? answer.join(', ') : ''
    else values[name] = answer
  }
  return values
}
