/** The roles a member of staff can hold. A person may hold more than one. */
export const roles = ['referrer', 'advocacy_admin', 'service_manager', 'advocate', 'coordinator', 'analyst', 'system_admin'] as const

export type Role = (typeof roles)[number]

export const roleNames: Readonly<Record<Role, string>> = {
  referrer: 'Referrer (social worker)',
  advocacy_admin: 'Advocacy admin',
  service_manager: 'Service manager',
  advocate: 'Advocate',
  coordinator: 'Peer advocate coordinator',
  analyst: 'Analyst',
  system_admin: 'System admin',
}

/**
 * The roles that open case records (a referral, a person, the advocacy record), each in its own
 * way: giving one of these to an account is shown to the authority's service managers.
 */
export const rolesThatOpenCaseRecords: readonly Role[] = ['referrer', 'advocacy_admin', 'service_manager', 'advocate', 'coordinator']

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value)
}

/** Who is signed in: what every service call is made on behalf of. */
export interface SignedInUser {
  readonly id: string
  readonly authorityId: string
  readonly displayName: string
  readonly email: string
  readonly roles: readonly Role[]
  readonly teamIds: readonly string[]
}

export function hasRole(user: SignedInUser, ...wanted: readonly Role[]): boolean {
  return wanted.some((role) => user.roles.includes(role))
}

/** Who is asking, and from where: every service call is made on someone's behalf and audited as theirs. */
export interface Caller {
  readonly user: SignedInUser
  readonly ip: string | null
}
