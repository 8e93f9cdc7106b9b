import { z } from 'zod'
import { cleanText, recordVersion, wholeNumber } from '../../../platform/http/form-fields.ts'
import { CONCERN_HOURS, MAX_RECIPIENTS, PHONE_PATTERN } from '../concern-rules.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** One place on the list: someone's id, or nobody (blank). */
const place = z.preprocess(
  (value) => (value === undefined || value === null || value === '' ? null : value),
  z.string({ error: 'Choose someone from the list' }).regex(UUID, 'Choose someone from the list').nullable(),
)

/** The places on the page, in order: as many as MAX_RECIPIENTS. */
export const recipientFields = ['recipient1', 'recipient2', 'recipient3', 'recipient4', 'recipient5'] as const satisfies { length: typeof MAX_RECIPIENTS }

/** The list, in order (gaps closed up), each person once; how long each has to acknowledge; the number. */
export const concernRulesSchema = z
  .object({
    recipient1: place,
    recipient2: place,
    recipient3: place,
    recipient4: place,
    recipient5: place,
    acknowledgeHours: wholeNumber('How many working hours each person has to acknowledge a concern', {
      min: CONCERN_HOURS.min,
      max: CONCERN_HOURS.max,
      requiredMessage: 'Enter how many working hours each person has to acknowledge a concern',
    }),
    childrenServicesPhone: z.preprocess(
      (value) => {
        if (value === undefined || value === null) return null
        const cleaned = cleanText(value)
        return cleaned === '' ? null : (cleaned ?? value)
      },
      z
        .string({ error: 'Enter a phone number, like 020 7946 0000' })
        .regex(PHONE_PATTERN, 'Enter a phone number, like 020 7946 0000, using only numbers, spaces and brackets')
        .nullable(),
    ),
    version: recordVersion(),
  })
  .superRefine((form, context) => {
    const seen = new Set<string>()
    recipientFields.forEach((field) => {
      const id = form[field]
      if (id === null) return
      if (seen.has(id)) context.addIssue({ code: 'custom', path: [field], message: 'Choose each person only once' })
      seen.add(id)
    })
  })
  .transform(({ version, acknowledgeHours, childrenServicesPhone, ...places }) => ({
    version,
    rules: {
      recipients: recipientFields.map((field) => places[field]).filter((id): id is string => id !== null),
      acknowledgeHours,
      childrenServicesPhone,
    },
  }))
