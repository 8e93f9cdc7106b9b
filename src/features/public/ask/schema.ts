import { z } from 'zod'
import { askers, contactWays, enquiryMeetingTypes } from '../../../vocabulary/enquiries.ts'
import { optionalDateKey, optionalEmailKey, optionalPhoneKey, optionalTextKey, requiredTextKey } from '../fields.ts'

/** The questions of "Ask for an advocate", in the order the page asks them (for the error summary). */
export const askFields = [
  'authorityId',
  'asker',
  'askerName',
  'askerRelationship',
  'parentAgreed',
  'name',
  'contactWay',
  'phone',
  'email',
  'safeToLeaveMessage',
  'safeTimes',
  'socialWorker',
  'meetingType',
  'meetingDate',
  'language',
  'anythingElse',
] as const

const k = (key: string) => `public:ask.${key}`

/** A rule that runs whatever else is wrong with the form (zod skips refinements after an error otherwise). */
const always = () => true

/**
 * "Ask for an advocate". Someone asking for another person must give their own name and say the
 * parent agrees; the contact the person chose must be given. Every message is a catalogue key.
 */
export const askSchema = z
  .object({
    asker: z.enum(askers.values, { error: k('asker.error') }),
    askerName: optionalTextKey(100, k('askerName.tooLong')),
    askerRelationship: optionalTextKey(100, k('askerRelationship.tooLong')),
    parentAgreed: z.preprocess((value) => value === 'yes', z.boolean()),
    name: requiredTextKey(100, { required: k('name.error'), tooLong: k('name.tooLong') }),
    contactWay: z.enum(contactWays.values, { error: k('contactWay.error') }),
    phone: optionalPhoneKey(k('phone.format')),
    email: optionalEmailKey(k('email.format')),
    safeToLeaveMessage: z.enum(['yes', 'no'], { error: k('safeToLeaveMessage.error') }).transform((answer) => answer === 'yes'),
    safeTimes: optionalTextKey(200, k('safeTimes.tooLong')),
    socialWorker: optionalTextKey(200, k('socialWorker.tooLong')),
    meetingType: z.preprocess(
      (value) => (value === undefined || value === '' ? null : value),
      z.enum(enquiryMeetingTypes.values, { error: k('meetingType.error') }).nullable(),
    ),
    meetingDate: optionalDateKey(k('meetingDate.error')),
    language: optionalTextKey(100, k('language.tooLong')),
    anythingElse: optionalTextKey(1000, k('anythingElse.tooLong')),
  })
  // Each rule below runs even when another answer is wrong, so the summary lists every problem at once.
  .refine((form) => form.asker !== 'someone_else' || Boolean(form.askerName), { message: k('askerName.error'), path: ['askerName'], when: always })
  .refine((form) => form.asker !== 'someone_else' || form.parentAgreed === true, { message: k('parentAgreed.error'), path: ['parentAgreed'], when: always })
  .refine((form) => form.contactWay !== 'phone' || Boolean(form.phone), { message: k('phone.error'), path: ['phone'], when: always })
  .refine((form) => form.contactWay !== 'email' || Boolean(form.email), { message: k('email.error'), path: ['email'], when: always })

export type AskForm = z.output<typeof askSchema>
