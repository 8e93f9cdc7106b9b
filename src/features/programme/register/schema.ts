import { z } from 'zod'
import { recordVersion } from '../../../platform/http/form-fields.ts'
import { advocateIds } from '../choice-schema.ts'

/** A session's week in a URL: 1 to 8, or nothing (not found). */
export function weekOf(value: unknown): number | undefined {
  return typeof value === 'string' && /^[1-8]$/.test(value) ? Number(value) : undefined
}

/** Who attended, and the version of the register the page was opened on. */
export const registerSchema = z.object({ attended: advocateIds('Select people from the list of the cohort’s members'), version: recordVersion() })
