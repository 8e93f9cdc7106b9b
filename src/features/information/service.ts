import type { BoundService } from '../../platform/service-context.ts'
import type * as information from './information-service.ts'
import type { InformationContext } from './information-service.ts'

/** What the information pages call (bound in src/composition.ts). */
export type InformationService = BoundService<typeof information, InformationContext>
