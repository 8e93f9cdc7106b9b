import { z } from 'zod'
import { cleanText, dateInput, oneOf, optionalText, requiredText } from '../../platform/http/form-fields.ts'
import { isId } from '../../platform/ids.ts'
import { modules, type ModuleKey } from '../../vocabulary/advocates.ts'

/** The programme's forms. Every answer is checked here; whose ids they are is the service's to check. */

/** Checkboxes whose values are advocates' ids: none, one or several. */
function advocateIds(message: string, max = 200) {
  return z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? [...new Set(value)] : [value]),
    z
      .array(
        z
          .string({ error: message })
          .refine(isId, message)
          .transform((id) => id.toLowerCase()),
        { error: message },
      )
      .max(max, message)
      .transform((ids) => [...new Set(ids)]),
  )
}

/** One advocate chosen from a list (a select or radios). */
function chosenAdvocate(message: string) {
  return z.preprocess(
    cleanText,
    z
      .string({ error: message })
      .min(1, message)
      .refine(isId, message)
      .transform((id) => id.toLowerCase()),
  )
}

/** A session's week in a URL: 1 to 8, or nothing (not found). */
export function weekOf(value: unknown): number | undefined {
  return typeof value === 'string' && /^[1-8]$/.test(value) ? Number(value) : undefined
}

export const cohortSchema = z.object({
  name: requiredText('Enter a name for the cohort', 'Cohort name', 100),
  startsOn: dateInput({ required: 'Enter the date of the first session', label: 'Date of the first session' }),
})

export const addMemberSchema = z.object({
  advocateId: chosenAdvocate('Select who to add to the cohort'),
})

export const registerSchema = z.object({
  attended: advocateIds('Select people from the list of the cohort’s members'),
})

const COMPLETION = /^([0-9a-f-]{36}):([a-z_]{1,40})$/i

/** A ticked module: `<advocate id>:<module>`. */
const completion = z.string({ error: 'Select modules from the list' }).transform((value, context): { advocateId: string; module: ModuleKey } => {
  const match = COMPLETION.exec(value)
  const advocateId = match?.[1] ?? ''
  const module = match?.[2] ?? ''
  if (!isId(advocateId) || !(modules.values as readonly string[]).includes(module)) {
    context.addIssue({ code: 'custom', message: 'Select modules from the list' })
    return z.NEVER
  }
  return { advocateId: advocateId.toLowerCase(), module: module as ModuleKey }
})

export const modulesSchema = z.object({
  shown: advocateIds('This page was out of date: reload it and try again'),
  completed: z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? [...new Set(value)] : [value]),
    z.array(completion, { error: 'Select modules from the list' }).max(200 * modules.values.length, 'Select modules from the list'),
  ),
  completedOn: dateInput({ required: 'Enter the date the modules were completed', label: 'Date completed' }),
})

export const accreditationSchema = z.object({
  advocateId: chosenAdvocate('Select who was accredited'),
  accreditedOn: dateInput({ required: 'Enter the date of the accreditation', label: 'Date of the accreditation' }),
})

export const supervisionSchema = z.object({
  kind: oneOf(['one_to_one', 'group'], 'Select whether it was a one-to-one or a group session'),
  heldOn: dateInput({ required: 'Enter the date of the session', label: 'Date of the session' }),
  attendees: advocateIds('Select people from the list'),
  notes: optionalText('Notes', 2000),
})
