import type { BoundService } from '../../platform/service-context.ts'
import type * as absences from './absences-service.ts'
import type { AdvocatesContext } from './context.ts'
import type * as knownFamilies from './known-families-service.ts'
import type * as matchingPool from './matching-pool-service.ts'
import type * as photo from './photo-service.ts'
import type * as record from './record-service.ts'
import type * as signIn from './sign-in-service.ts'

/**
 * The advocate pool's service, as its pages (and matching, in the referrals feature) call it: the
 * modules below, each a set of plain functions taking the context first, bound in
 * src/composition.ts.
 */
export type AdvocateService = BoundService<
  typeof record & typeof absences & typeof knownFamilies & typeof photo & typeof signIn & typeof matchingPool,
  AdvocatesContext
>

export type { AdvocateDetails, AdvocateSummary } from './record.ts'
export type { AdvocatesContext } from './context.ts'
