import { z } from 'zod'
import { dateInput } from '../../../platform/http/form-fields.ts'
import { chosenAdvocate } from '../choice-schema.ts'

export const accreditationSchema = z.object({
  advocateId: chosenAdvocate('Select who was accredited'),
  accreditedOn: dateInput({ required: 'Enter the date of the accreditation', label: 'Date of the accreditation' }),
})
