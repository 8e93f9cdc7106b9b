import type { Queryable } from '../../platform/db/schema.ts'
import type { ModuleKey, SupervisionKind } from '../../vocabulary/advocates.ts'
import type { AdminContext } from '../admin/admin.ts'

/** Each advocate's training and supervision, as eligibility needs them. */
export interface TrainingHistory {
  readonly completedModules: readonly { readonly advocateId: string; readonly module: ModuleKey }[]
  /** One row per session attended since the date asked for. */
  readonly supervisionAttended: readonly { readonly advocateId: string; readonly kind: SupervisionKind; readonly heldOn: string }[]
  /** The dates of the group sessions held since then. */
  readonly groupSessionsHeld: readonly string[]
}

/**
 * The peer advocate programme's records, which it keeps (cohorts, modules completed, supervision).
 * The programme builds on the pool (it imports this feature's services), so the pool does not
 * import it back: src/composition.ts hands the programme's `trainingRecords` to this feature here.
 */
export interface TrainingRecords {
  /** Since `since`, for these advocates (or, without `advocateIds`, the whole pool), inside `trx`. */
  trainingRecords(trx: Queryable, authorityId: string, advocateIds: readonly string[] | undefined, since: string): Promise<TrainingHistory>
}

/**
 * What the advocates' services run with: the database and the clock; the sessions (a new sign-in
 * link signs its holder out, in the admin feature's service); and the programme's training records.
 */
export interface AdvocatesContext extends AdminContext {
  readonly training: TrainingRecords
}
