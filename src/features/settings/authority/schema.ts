import { z } from 'zod'
import { cleanText, optionalText, recordVersion } from '../../../platform/http/form-fields.ts'

/** An email address that may be left blank (blank becomes null). */
function optionalEmail(message: string) {
  return z.preprocess(
    (value) => {
      const cleaned = cleanText(value)
      return cleaned === '' || cleaned === undefined ? null : cleaned
    },
    z.email({ error: message }).max(254, message).nullable(),
  )
}

/** The authority's details, as the privacy notice and the accessibility statement use them. */
export const authorityDetailsSchema = z.object({
  contactEmail: optionalEmail('Enter the advocacy service’s email address in the correct format, like advocacy@council.gov.uk'),
  contactPhone: optionalText('Phone number', 50),
  contactAddress: optionalText('Postal address', 500),
  dataProtectionContact: optionalText('How to contact the data protection officer', 500),
  accessibilityEmail: optionalEmail('Enter the email address for accessibility problems in the correct format, like accessibility@council.gov.uk'),
  referralRetention: optionalText('How long the referral is kept', 1000),
  advocacyRecordRetention: optionalText('How long the advocate’s notes are kept', 1000),
  version: recordVersion(),
})
