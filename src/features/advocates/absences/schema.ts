import { z } from 'zod'
import { dateInput, optionalText } from '../../../platform/http/form-fields.ts'

export const absenceSchema = z
  .object({
    startsOn: dateInput({ required: 'Enter the first day they are away', label: 'First day away' }),
    endsOn: dateInput({ required: 'Enter the last day they are away', label: 'Last day away' }),
    note: optionalText('Note', 200),
  })
  .refine((absence) => absence.startsOn <= absence.endsOn, { message: 'The last day away must be the same as or after the first', path: ['endsOn', 'day'] })

/** Removing needs no answers, only the form token. */
export const removeSchema = z.object({})
