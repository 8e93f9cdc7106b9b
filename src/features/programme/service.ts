import type { BoundService, ServiceContext } from '../../platform/service-context.ts'
import type * as accreditation from './accreditation-service.ts'
import type * as cohorts from './cohorts-service.ts'
import type * as modules from './modules-service.ts'
import type * as overview from './overview-service.ts'
import type * as register from './register-service.ts'
import type * as supervision from './supervision-service.ts'

/**
 * The peer advocate programme's service, as its pages (and the demo) call it: the modules below,
 * each a set of plain functions taking the context first, bound in src/composition.ts.
 */
export type ProgrammeService = BoundService<
  typeof overview & typeof cohorts & typeof register & typeof modules & typeof accreditation & typeof supervision,
  ServiceContext
>
