import { z } from 'zod'
import { optionalEmailAddress, recordVersion } from '../../../platform/http/form-fields.ts'

/** A UK mobile number, as people write it: 07… or +44 7…, with spaces or hyphens anywhere. */
const MOBILE = /^(?:\+447|07)\d{9}$/

function digitsOf(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/[\s-]/g, '').replace(/^\(?(\+44|0)\)?/, '$1') : value
}

/**
 * Whether the person wants reminders of their meeting: by email (with the address), by text (with
 * a UK mobile number), or not. The address or number of the way not chosen is ignored.
 */
export const remindersSchema = z
  .object({
    wants: z.enum(['email', 'sms', 'no'], { error: 'Select whether they want reminders of their meeting' }),
    email: z.unknown().optional(),
    phone: z.unknown().optional(),
    version: recordVersion(),
  })
  .transform((form, context) => {
    if (form.wants === 'email') {
      const email = optionalEmailAddress('Enter an email address in the correct format, like name@example.com').safeParse(form.email)
      if (!email.success) {
        context.addIssue({ code: 'custom', path: ['email'], message: 'Enter an email address in the correct format, like name@example.com' })
        return z.NEVER
      }
      if (!email.data) {
        context.addIssue({ code: 'custom', path: ['email'], message: 'Enter their email address' })
        return z.NEVER
      }
      return { answer: { channel: 'email' as const, address: email.data }, version: form.version }
    }
    if (form.wants === 'sms') {
      const phone = digitsOf(form.phone)
      if (typeof phone !== 'string' || phone === '') {
        context.addIssue({ code: 'custom', path: ['phone'], message: 'Enter their mobile phone number' })
        return z.NEVER
      }
      if (!MOBILE.test(phone)) {
        context.addIssue({ code: 'custom', path: ['phone'], message: 'Enter a UK mobile phone number, like 07700 900 982' })
        return z.NEVER
      }
      return { answer: { channel: 'sms' as const, address: phone }, version: form.version }
    }
    return { answer: { channel: null }, version: form.version }
  })
