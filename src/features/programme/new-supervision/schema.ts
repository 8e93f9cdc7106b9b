import { z } from 'zod'
import { dateInput, oneOf, optionalText } from '../../../platform/http/form-fields.ts'
import { supervisionKinds } from '../../../vocabulary/advocates.ts'
import { advocateIds } from '../choice-schema.ts'

export const supervisionSchema = z.object({
  kind: oneOf(supervisionKinds.values, 'Select whether it was a one-to-one or a group session'),
  heldOn: dateInput({ required: 'Enter the date of the session', label: 'Date of the session' }),
  attendees: advocateIds('Select people from the list'),
  notes: optionalText('Notes', 2000),
})
