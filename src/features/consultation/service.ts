import type { BoundService, ServiceContext } from '../../platform/service-context.ts'
import type * as consultationService from './consultation-service.ts'

/** What the staff pages and the worktrays call: the service functions with their context given (composition root). */
export type ConsultationService = BoundService<
  Pick<typeof consultationService, 'consultationPage' | 'recordConsultation' | 'consultationForTheChair'>,
  ServiceContext
>

/** What a child's own pages call (ADR 30, ADR 31): their consultation, whether it waits, and answering it. */
export type FamilyConsultationService = BoundService<
  Pick<typeof consultationService, 'familyConsultation' | 'familyConsultationDue' | 'consultAsChild'>,
  ServiceContext
>
