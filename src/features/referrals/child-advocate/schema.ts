import { z } from 'zod'
import { oneOf, optionalOneOf, optionalText, recordVersion, someOf } from '../../../platform/http/form-fields.ts'
import { childAnswerers, childCommunications, childNeeds, childOfferAnswers } from '../../../vocabulary/children.ts'

/**
 * A child's answer to the offer of an advocate (issue 11): accepted or declined, or not yet (the
 * needs may be recorded first, as they change how the child is asked); who answered; and, when
 * someone speaks for the child, their name and relationship, and why, if they declined for them.
 */
export const childOfferSchema = z
  .object({
    answer: oneOf(childOfferAnswers.values, 'Select whether the offer was accepted or declined, or not answered yet'),
    whoAnswered: optionalOneOf(childAnswerers.values, 'Select who gave the answer'),
    speakerName: optionalText('The name of the person who speaks for the child', 200),
    speakerRelationship: optionalText('Their relationship to the child', 200),
    reason: optionalText('Why they declined', 2000),
    communicates: someOf(childCommunications.values),
    needs: someOf(childNeeds.values),
    needsDetail: optionalText('More about their needs', 2000),
    version: recordVersion(),
  })
  .superRefine((form, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message })
    if (form.answer !== 'waiting' && !form.whoAnswered) issue('whoAnswered', 'Select who gave the answer')
    if (form.answer !== 'waiting' && form.whoAnswered === 'someone_for_them') {
      if (!form.speakerName) issue('speakerName', 'Enter the name of the person who speaks for the child')
      if (!form.speakerRelationship) issue('speakerRelationship', 'Enter their relationship to the child')
      if (form.answer === 'declined' && !form.reason) issue('reason', 'Say why they declined an advocate for the child')
    }
    if (form.communicates.includes('no_speech') && form.communicates.length > 1)
      issue('communicates', 'Select “No speech, signs or pictures” on its own, or only the ways the child communicates')
  })
  .transform(({ version, answer, whoAnswered, speakerName, speakerRelationship, reason, communicates, needs, needsDetail }) => {
    const who = answer === 'waiting' ? null : whoAnswered
    const spokenFor = who === 'someone_for_them'
    return {
      version,
      answers: {
        answer,
        whoAnswered: who,
        speakerName: spokenFor ? speakerName : null,
        speakerRelationship: spokenFor ? speakerRelationship : null,
        reason: answer === 'declined' ? reason : null,
        communicates,
        needs,
        needsDetail,
      },
    }
  })
