import { z } from 'zod'
import { weekdays } from '../../../vocabulary/advocates.ts'
import { commaListKey, optionalEmailKey, optionalPhoneKey, optionalTextKey, requiredTextKey } from '../fields.ts'

/** The questions of the application, in the order the page asks them (for the error summary). */
export const applyFields = ['authorityId', 'givenName', 'familyName', 'contact', 'phone', 'email', 'experience', 'area', 'days', 'languages', 'agree'] as const

const k = (key: string) => `public:apply.${key}`

/** A rule that runs whatever else is wrong with the form (zod skips refinements after an error otherwise). */
const always = () => true

/** What checkboxes send, as a list: none, one (sent as a plain string) or several, each once. */
function asList(value: unknown): unknown[] {
  if (value === undefined || value === '') return []
  return Array.isArray(value) ? [...new Set<unknown>(value)] : [value]
}

/** "Apply to become a parent advocate". A phone number or an email address, or both. */
export const applySchema = z
  .object({
    givenName: requiredTextKey(100, { required: k('givenName.error'), tooLong: k('givenName.tooLong') }),
    familyName: requiredTextKey(100, { required: k('familyName.error'), tooLong: k('familyName.tooLong') }),
    phone: optionalPhoneKey(k('phone.format')),
    email: optionalEmailKey(k('email.format')),
    experience: requiredTextKey(2000, { required: k('experience.error'), tooLong: k('experience.tooLong') }),
    area: optionalTextKey(100, k('area.tooLong')),
    days: z.preprocess(
      asList,
      z.array(z.enum(weekdays.values, { error: k('days.error') }), { error: k('days.error') }).max(weekdays.values.length, k('days.error')),
    ),
    languages: commaListKey({ tooLong: k('languages.tooLong'), tooMany: k('languages.tooMany') }, { maxItems: 10, maxLength: 50 }),
    agree: z.literal('yes', { error: k('agree.error') }),
  })
  .refine((form) => Boolean(form.phone) || Boolean(form.email), { message: k('contact.error'), path: ['contact'], when: always })

export type ApplyForm = z.output<typeof applySchema>
