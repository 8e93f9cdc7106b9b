import { FormRefusal } from '../../platform/http/submit-form.ts'
import { ProgrammeAnswerRefused } from './programme.ts'

/** Runs a service call from a form's save; a refused answer becomes that field's GOV.UK error. */
export async function asFormErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof ProgrammeAnswerRefused) throw FormRefusal.field(error.field, error.message, error.href)
    throw error
  }
}

/** A checkbox answer kept in the form's state, as a list whether one, several or none came back. */
export function listOf(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return []
  return [value].flat().filter((item): item is string => typeof item === 'string')
}
