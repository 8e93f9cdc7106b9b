import { z } from 'zod'
import { oneOf, optionalOneOf, optionalText, recordVersion, someOf } from '../../platform/http/form-fields.ts'
import { consultationDeclines, consultationReaders, consultationStatuses } from '../../vocabulary/children.ts'
import { optionalTextKey } from '../public/fields.ts'
import { allQuestionNames, bandQuestions, faces } from './consultation.ts'

/**
 * The consultation as forms (issue 11, ADR 31): one definition of the questions (`bandQuestions`),
 * read here for every band at once. Each band's own limits (which questions, how many characters)
 * are checked by the service, which knows the child's band; here every words answer is at most the
 * longest any band keeps.
 */

const LONGEST = Math.max(...Object.values(bandQuestions).flatMap((questions) => questions.map((question) => question.max ?? 0)))
const faceNames = allQuestionNames.filter((name) =>
  Object.values(bandQuestions).some((questions) => questions.some((q) => q.name === name && q.kind === 'faces')),
)
const wordNames = allQuestionNames.filter((name) => !faceNames.includes(name))

function answerShape(faceMessage: string, words: (name: string) => z.ZodType<string | null>) {
  return Object.fromEntries([...faceNames.map((name) => [name, optionalOneOf(faces, faceMessage)]), ...wordNames.map((name) => [name, words(name)])]) as Record<
    string,
    z.ZodType<string | null>
  >
}

/** The answers given, without the blanks. */
function answersFrom(form: Record<string, unknown>): Record<string, string> {
  const answers: Record<string, string> = {}
  for (const name of allQuestionNames) {
    const value = form[name]
    if (typeof value === 'string' && value !== '') answers[name] = value
  }
  return answers
}

/** The staff form: done with the child (or from paper), with the trusted adult and what the child agreed, or not taken part in, and why. */
export const staffConsultationSchema = z
  .object({
    outcome: oneOf(consultationStatuses.values, 'Select whether the child took part'),
    helped: optionalOneOf(['yes', 'no'], 'Select whether a trusted adult helped the child'),
    helperName: optionalText('The trusted adult’s name', 200),
    helperRelationship: optionalText('Their relationship to the child', 200),
    ...answerShape('Select one of the faces', (name) => optionalText(`The answer to “${name}”`, LONGEST)),
    shareWith: someOf(consultationReaders.values),
    declineReason: optionalOneOf(consultationDeclines.values, 'Select why the child did not take part'),
    declineDetail: optionalText('The reason', 2000),
    version: recordVersion(),
  })
  .superRefine((form, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message })
    if (form.outcome === 'completed') {
      if (!form.helped) issue('helped', 'Select whether a trusted adult helped the child')
      if (form.helped === 'yes' && !form.helperName) issue('helperName', 'Enter the trusted adult’s name')
      if (form.helped === 'yes' && !form.helperRelationship) issue('helperRelationship', 'Enter their relationship to the child')
    } else {
      if (!form.declineReason) issue('declineReason', 'Select why the child did not take part')
      if (form.declineReason === 'carer_says_cannot' && !form.declineDetail) issue('declineDetail', 'Enter why the carer says the child cannot take part')
    }
  })
  .transform((form) => ({
    version: form.version,
    consultation: {
      status: form.outcome,
      helper: form.outcome === 'completed' && form.helped === 'yes' ? { name: form.helperName ?? '', relationship: form.helperRelationship ?? '' } : null,
      answers: form.outcome === 'completed' ? answersFrom(form) : {},
      shareWith: form.outcome === 'completed' ? form.shareWith : [],
      declineReason: form.outcome === 'declined' ? form.declineReason : null,
      declineDetail: form.outcome === 'declined' ? form.declineDetail : null,
    },
  }))

/** The child's form on their own pages: who is helping, their answers, who may see them. Messages are `consultation` catalogue keys. */
export const childConsultationSchema = z
  .object({
    helped: z.enum(['me', 'someone'], { error: 'consultation:errors.helped' }),
    helperName: optionalTextKey(200, 'consultation:errors.helperTooLong'),
    helperRelationship: optionalTextKey(200, 'consultation:errors.helperTooLong'),
    ...answerShape('consultation:errors.face', () => optionalTextKey(LONGEST, 'consultation:errors.tooLong')),
    shareWith: someOf(consultationReaders.values, 'consultation:errors.shareWith'),
  })
  .superRefine((form, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message })
    if (form.helped === 'someone' && !form.helperName) issue('helperName', 'consultation:errors.helperName')
    if (form.helped === 'someone' && !form.helperRelationship) issue('helperRelationship', 'consultation:errors.helperRelationship')
  })
  .transform((form) => ({
    status: 'completed' as const,
    helper: form.helped === 'someone' ? { name: form.helperName ?? '', relationship: form.helperRelationship ?? '' } : null,
    answers: answersFrom(form),
    shareWith: form.shareWith,
    declineReason: null,
    declineDetail: null,
  }))

/** The child's form's fields, in the order the page asks them. */
export const childFields = ['helped', 'helperName', 'helperRelationship', ...allQuestionNames, 'shareWith'] as const
