import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { hasRole } from '../../platform/auth/roles.ts'
import { callerOf } from '../../platform/http/authentication.ts'
import { referralStates } from '../../vocabulary/referrals.ts'
import { openStates } from '../referrals/workflow.ts'
import { queryOf } from '../../platform/http/query.ts'
import { dueFilters, worktraySteps, type WorktrayFilters } from './filters.ts'
import type { AdminService } from '../admin/service.ts'
import type { WorktrayService } from './service.ts'

/** Filters come from the address bar: anything unexpected is ignored, never an error. */
const filterSchema = z.object({
  step: z
    .enum(referralStates)
    .refine((state) => openStates.includes(state))
    .optional()
    .catch(undefined),
  due: z.enum(dueFilters).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
})

function filtersOf(request: FastifyRequest): WorktrayFilters {
  const query = filterSchema.parse(queryOf(request))
  return { step: query.step ?? null, due: query.due ?? null, page: query.page ?? 1 }
}

function pagination(path: string, filters: WorktrayFilters, pages: number) {
  const href = (page: number) => {
    const query = new URLSearchParams()
    if (filters.step) query.set('step', filters.step)
    if (filters.due) query.set('due', filters.due)
    query.set('page', String(page))
    return `${path}?${query}`
  }
  if (pages <= 1) return null
  return {
    previous: filters.page > 1 ? { href: href(filters.page - 1) } : undefined,
    next: filters.page < pages ? { href: href(filters.page + 1) } : undefined,
    items: Array.from({ length: pages }, (_, index) => index + 1)
      .filter((page) => page === 1 || page === pages || Math.abs(page - filters.page) <= 2)
      .flatMap((page, index, shown) => [
        ...(index > 0 && page - (shown[index - 1] ?? page) > 1 ? [{ ellipsis: true }] : []),
        { number: page, href: href(page), current: page === filters.page },
      ]),
  }
}

/** "My work" and "My team's work". */
export function worktrayRoutes(
  app: FastifyInstance,
  { worktray, roleChanges }: { worktray: WorktrayService; roleChanges: Pick<AdminService, 'roleGrantsWaiting'> },
): void {
  app.get('/', async (request, reply) => {
    const caller = callerOf(request)
    const filters = filtersOf(request)
    const [tray, endings, roleChangesWaiting] = await Promise.all([
      worktray.myWork(caller, filters),
      hasRole(caller.user, 'referrer') ? worktray.endings(caller) : [],
      roleChanges.roleGrantsWaiting(caller),
    ])
    return reply.view('features/worktray/worktray.njk', {
      pageTitle: 'My work',
      view: 'mine',
      tray,
      endings,
      filters,
      steps: worktraySteps,
      pagination: pagination('/', filters, tray.pages),
      hasTeams: caller.user.teamIds.length > 0,
      roleChangesWaiting,
    })
  })

  app.get('/team-work', async (request, reply) => {
    const caller = callerOf(request)
    const filters = filtersOf(request)
    const tray = await worktray.teamWork(caller, filters)
    return reply.view('features/worktray/worktray.njk', {
      pageTitle: "My team's work",
      view: 'team',
      tray,
      endings: [],
      filters,
      steps: worktraySteps,
      pagination: pagination('/team-work', filters, tray.pages),
      hasTeams: caller.user.teamIds.length > 0,
    })
  })
}
