import { z } from 'zod'
import { dateInput } from '../../../platform/http/form-fields.ts'
import { isId } from '../../../platform/ids.ts'
import { modules, type ModuleKey } from '../../../vocabulary/advocates.ts'
import { advocateIds } from '../choice-schema.ts'

const COMPLETION = /^([0-9a-f-]{36}):([a-z_]{1,40})$/i
const OUT_OF_DATE = 'This page was out of date: reload it and try again'

function isModule(value: string): value is ModuleKey {
  return modules.values.some((module) => module === value)
}

/** A ticked module: `<advocate id>:<module>`. */
const completion = z.string({ error: 'Select modules from the list' }).transform((value, context): { advocateId: string; module: ModuleKey } => {
  const [, advocateId = '', module = ''] = COMPLETION.exec(value) ?? []
  if (!isId(advocateId) || !isModule(module)) {
    context.addIssue({ code: 'custom', message: 'Select modules from the list' })
    return z.NEVER
  }
  return { advocateId: advocateId.toLowerCase(), module }
})

export const modulesSchema = z.object({
  shown: advocateIds(OUT_OF_DATE),
  completed: z.preprocess(
    (value) => (value === undefined || value === '' ? [] : [...new Set([value].flat())]),
    z.array(completion, { error: 'Select modules from the list' }).max(200 * modules.values.length, 'Select modules from the list'),
  ),
  completedOn: dateInput({ required: 'Enter the date the modules were completed', label: 'Date completed' }),
  /** The digest of what the page showed when it was opened (`modules-service.ts`). */
  version: z.string({ error: OUT_OF_DATE }).regex(/^[0-9a-f]{32}$/, OUT_OF_DATE),
})
