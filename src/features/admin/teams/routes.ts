import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { requiredText } from '../../../platform/http/form-fields.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import { AlreadyExistsError, type AdminService } from '../service.ts'

const systemAdmin = { preHandler: requireRole('system_admin') }
const teamSchema = z.object({ name: requiredText('Enter the name of the team', 'Team name', 100) })

/** Teams: work sent to a team shows in the work of everyone in it. */
export function teamRoutes(app: FastifyInstance, { admin }: { admin: AdminService }): void {
  app.get('/admin/teams', systemAdmin, async (request, reply) => {
    const teams = await admin.listTeams(callerOf(request).user)
    const form = request.pageFlash.form
    return reply.view('features/admin/teams/teams.njk', { teams, values: form?.values ?? {}, errors: form?.errors })
  })

  app.post('/admin/teams', systemAdmin, async (request, reply) =>
    submitForm(request, reply, teamSchema, async ({ name }) => {
      const caller = callerOf(request)
      try {
        await admin.createTeam(caller.user, name, caller.ip)
      } catch (error) {
        if (error instanceof AlreadyExistsError) throw FormRefusal.field('name', 'A team with that name already exists')
        throw error
      }
      return { path: '/admin/teams', banner: { heading: 'Team added', text: `Add people to ${name} from their accounts.` } }
    }),
  )

  app.get<{ Params: { teamId: string } }>('/admin/teams/:teamId', systemAdmin, async (request, reply) => {
    const team = await admin.team(callerOf(request).user, request.params.teamId)
    return reply.view('features/admin/teams/team.njk', { team })
  })
}
