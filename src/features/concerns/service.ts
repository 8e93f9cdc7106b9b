import { bindService, type BoundService } from '../../platform/service-context.ts'
import {
  acknowledgeConcern,
  allConcerns,
  closeConcern,
  concernFor,
  concernOpenTo,
  concernFormFor,
  concernsWaiting,
  escalateOverdueConcerns,
  familyConcerns,
  raiseAsAdvocate,
  raiseAsFamily,
  type ConcernsContext,
} from './concerns-service.ts'

const staff = {
  raiseAsAdvocate,
  concernFormFor,
  concernFor,
  concernOpenTo,
  acknowledgeConcern,
  closeConcern,
  concernsWaiting,
  allConcerns,
  escalateOverdueConcerns,
}
const family = { raiseAsFamily, familyConcerns }

/** Staff's side of concerns: raising one from a person's page, reading, acknowledging, closing, and the job. */
export type ConcernsService = BoundService<typeof staff, ConcernsContext>
/** A family member's side: raising a concern from their own pages and seeing where theirs stand. */
export type FamilyConcernsService = BoundService<typeof family, ConcernsContext>

/** Binds the concerns feature's services to their context (src/composition.ts). */
export function concernsServiceFor(context: ConcernsContext): { staff: ConcernsService; family: FamilyConcernsService } {
  return { staff: bindService(context, staff), family: bindService(context, family) }
}
