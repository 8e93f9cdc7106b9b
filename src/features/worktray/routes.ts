import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../platform/http/authentication.ts'
import { concernAbouts } from '../../vocabulary/concerns.ts'
import { referralStates } from '../../vocabulary/referrals.ts'
import { openStates } from '../referrals/workflow.ts'
import { queryOf } from '../../platform/http/query.ts'
import { dueFilters, worktraySteps, type WorktrayFilters } from './filters.ts'
import type { AdminService } from '../admin/service.ts'
import type { ConcernsService } from '../concerns/service.ts'
import type { PublicService } from '../public/service.ts'
import { pagination } from './pagination.ts'
import { referralsMadeRoutes } from './referrals-made/routes.ts'
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

/** "My work" and "My team's work". */
export function worktrayRoutes(
  app: FastifyInstance,
  {
    worktray,
    roleChanges,
    enquiries,
    concerns,
  }: {
    worktray: WorktrayService
    roleChanges: Pick<AdminService, 'roleGrantsWaiting'>
    enquiries: Pick<PublicService, 'enquiriesWaiting'>
    concerns: Pick<ConcernsService, 'concernsWaiting'>
  },
): void {
  app.get('/', async (request, reply) => {
    const caller = callerOf(request)
    const filters = filtersOf(request)
    const hasTeams = caller.user.teamIds.length > 0
    const [
      concernsWaiting,
      { tray, endings, meetingsNotReady, feedbackWaiting, consultationsWaiting },
      teamWaiting,
      closingDrafts,
      roleChangesWaiting,
      enquiriesWaiting,
    ] = await Promise.all([
      concerns.concernsWaiting(caller),
      worktray.myWorkPage(caller, filters),
      hasTeams ? worktray.teamWaiting(caller) : null,
      worktray.closingDrafts(caller),
      roleChanges.roleGrantsWaiting(caller),
      enquiries.enquiriesWaiting(caller, 'mine'),
    ])
    return reply.view('features/worktray/worktray.njk', {
      pageTitle: 'My work',
      view: 'mine',
      concernsWaiting,
      concernAbouts: concernAbouts.labels,
      tray,
      endings,
      filters,
      steps: worktraySteps,
      pagination: pagination('/', filters, tray.pages),
      hasTeams,
      teamWaiting,
      closingDrafts,
      roleChangesWaiting,
      enquiriesWaiting,
      meetingsNotReady,
      feedbackWaiting,
      consultationsWaiting,
    })
  })

  app.get('/team-work', async (request, reply) => {
    const caller = callerOf(request)
    const filters = filtersOf(request)
    const [{ tray, meetingsNotReady, feedbackWaiting, childrenToRefer, consultationsWaiting }, enquiriesWaiting] = await Promise.all([
      worktray.teamWorkPage(caller, filters),
      enquiries.enquiriesWaiting(caller, 'team'),
    ])
    return reply.view('features/worktray/worktray.njk', {
      pageTitle: "My team's work",
      view: 'team',
      tray,
      endings: [],
      filters,
      steps: worktraySteps,
      pagination: pagination('/team-work', filters, tray.pages),
      hasTeams: caller.user.teamIds.length > 0,
      enquiriesWaiting,
      meetingsNotReady,
      feedbackWaiting,
      childrenToRefer,
      consultationsWaiting,
    })
  })

  referralsMadeRoutes(app, { worktray })
}
