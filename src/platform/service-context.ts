import type { Kysely } from 'kysely'
import type { Schema } from './db/schema.ts'
import type { Clock } from './time/clock.ts'

/**
 * What every service function runs with: the database and the clock. A service is a module of
 * plain exported functions whose first parameter is this context (as in Kysely's own example), so
 * a reader opens "the function that saves Section 1" by its name, and a function that needs
 * another feature's data calls that feature's service function with the same context.
 *
 * A feature that needs more (the sign-in service needs the session store) declares a context that
 * extends this one.
 */
export interface ServiceContext {
  readonly db: Kysely<Schema>
  readonly clock: Clock
}

/** A service function with its context already given: what routes call. */
export type WithoutContext<F, C> = F extends (context: C, ...args: infer A) => infer R ? (...args: A) => R : never

export type BoundService<M, C> = { readonly [K in keyof M]: WithoutContext<M[K], C> }

// The functions' own parameter types are kept by `BoundService`; `never[]` only says "any parameters".
type ServiceFunctions<C> = Record<string, (context: C, ...args: never[]) => unknown>

/**
 * The composition root's one tool: a module of service functions, each given its context, as the
 * object routes receive (`referrals.saveSectionOne(caller, …)`).
 */
export function bindService<C, M extends ServiceFunctions<C>>(context: C, functions: M): BoundService<M, C> {
  const bound: Record<string, unknown> = {}
  for (const [name, fn] of Object.entries(functions)) {
    bound[name] = (...args: never[]) => fn(context, ...args)
  }
  return bound as BoundService<M, C>
}
