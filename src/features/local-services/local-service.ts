import type { Specialism } from '../../vocabulary/advocates.ts'

/** A local service in the directory, as its pages and triage see it. */
export interface LocalService {
  readonly id: string
  readonly name: string
  readonly languages: readonly string[]
  readonly specialisms: readonly Specialism[]
  readonly contact: string
  readonly notes: string | null
  readonly active: boolean
  readonly version: number
}

/** Another local service already has this name (names are unique, whatever their case). */
export class NameTakenError extends Error {
  override name = 'NameTakenError'
}
