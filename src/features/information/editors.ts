/**
 * @pure
 *
 * Who keeps the information pages: the peer advocate coordinator and the FGC Advocacy Admin team.
 */
import type { Role } from '../../platform/auth/roles.ts'

export const informationEditors = ['coordinator', 'advocacy_admin'] as const satisfies readonly Role[]
