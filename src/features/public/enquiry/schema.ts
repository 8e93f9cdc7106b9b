import { z } from 'zod'
import { oneOf, optionalText, recordVersion } from '../../../platform/http/form-fields.ts'
import { enquiryOutcomes } from '../../../vocabulary/enquiries.ts'

const always = () => true

/** Closing an enquiry: what the admin did, the referral it belongs to (when linked), and a note. */
export const closeSchema = z
  .object({
    outcome: oneOf(enquiryOutcomes.values, 'Select what you did'),
    referralReference: optionalText('The reference', 30),
    note: optionalText('The note', 2000),
    version: recordVersion(),
  })
  .refine((form) => form.outcome !== 'linked_to_referral' || Boolean(form.referralReference), {
    message: 'Enter the reference of the referral, like ADV-00012',
    path: ['referralReference'],
    when: always,
  })
  .refine((form) => (form.outcome !== 'referral_requested' && form.outcome !== 'answered') || Boolean(form.note), {
    message: 'Enter a note: who you asked to refer, or what you told the person',
    path: ['note'],
    when: always,
  })
