import type { BoundService } from '../../platform/service-context.ts'
import type * as accounts from './accounts-service.ts'
import type { AdminContext } from './admin.ts'
import type * as firstStart from './first-start-service.ts'
import type * as passwords from './passwords-service.ts'
import type * as roleGrants from './role-grants-service.ts'
import type * as teams from './teams-service.ts'

/**
 * The admin feature's service, as its pages call it: the modules below, each a set of plain
 * functions taking the context first, bound in src/composition.ts. Other features' services use
 * staff-accounts-service.ts directly, with their own context.
 */
export type AdminService = BoundService<
  typeof firstStart & typeof accounts & typeof passwords & typeof teams & Pick<typeof roleGrants, 'roleGrants' | 'roleGrantsWaiting' | 'acknowledgeRoleGrant'>,
  AdminContext
>

export { FGC_ADVOCACY_ADMIN, AlreadyExistsError, OwnAccountError, type AdminContext } from './admin.ts'
export type { RoleGrant } from './role-grants-service.ts'
