import { z } from 'zod'
import { commaList, oneOf, optionalText, recordVersion, requiredText, someOf } from '../../../platform/http/form-fields.ts'
import { specialisms } from '../../../vocabulary/advocates.ts'

const fields = {
  name: requiredText('Enter the name of the service', 'Name', 200),
  languages: commaList('Languages', { maxItems: 20, maxLength: 50 }),
  specialisms: someOf(specialisms.values, 'Select specialisms from the list'),
  contact: requiredText('Enter how to contact them', 'Contact', 500),
  notes: optionalText('Notes', 2000),
  active: oneOf(['yes', 'no'], 'Select whether referrals can be triaged to them').transform((answer) => answer === 'yes'),
}

/** A new local service. */
export const newServiceSchema = z.object(fields)

/** A change to one, with the version the page was opened on. */
export const serviceSchema = z.object({ ...fields, version: recordVersion() })
