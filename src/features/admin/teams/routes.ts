import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import { AlreadyExistsError, type AdminService } from '../service.ts'
import { teamSchema } from './schema.ts'

const systemAdmin = { preHandler: requireRole('system_admin') }

/** The authority's teams, and adding one: work sent to a team shows in the work of everyone in it. */
export function teamsRoutes(app: FastifyInstance, { admin }: { admin: AdminService }): void {
  app.get('/admin/teams', systemAdmin, async (request, reply) => {
    const teams = await admin.listTeams(callerOf(request))
    const form = request.pageFlash.form
    return reply.view('features/admin/teams/teams.njk', { teams, values: form?.values ?? {}, errors: form?.errors })
  })

  app.post('/admin/teams', systemAdmin, async (request, reply) =>
    submitForm(request, reply, teamSchema, async ({ name }) => {
      try {
        await admin.createTeam(callerOf(request), name)
      } catch (error) {
        if (error instanceof AlreadyExistsError) throw FormRefusal.field('name', 'A team with that name already exists')
        throw error
      }
      return { path: '/admin/teams', banner: { heading: 'Team added', text: `Add people to ${name} from their accounts.` } }
    }),
  )
}
