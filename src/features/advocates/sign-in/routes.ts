import type { FastifyInstance } from 'fastify'
import { WorkflowRefusedError } from '../../../platform/errors.ts'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { answersOf, parseForm } from '../../../platform/http/form-fields.ts'
import type { AdvocateService } from '../service.ts'
import { signInSchema } from './schema.ts'

type Params = { Params: { advocateId: string } }

const coordinator = { preHandler: requireRole('coordinator') }

/** Giving an advocate a sign-in, and a new link when they forget their password; each shows the one-time link at once. */
export function signInRoutes(app: FastifyInstance, { advocates, baseUrl }: { advocates: AdvocateService; baseUrl: string }): void {
  const linkOf = (token: string) => `${baseUrl}/set-password/${token}`

  app.get<Params>('/advocates/:advocateId/sign-in', coordinator, async (request, reply) => {
    const advocate = await advocates.view(callerOf(request), request.params.advocateId)
    const form = request.pageFlash.form
    return reply.view('features/advocates/sign-in/sign-in.njk', { advocate, values: form?.values ?? { email: advocate.details.email }, errors: form?.errors })
  })

  // Success shows the one-time link at once; it is never kept where it could be shown again.
  app.post<Params>('/advocates/:advocateId/sign-in', coordinator, async (request, reply) => {
    const page = `/advocates/${request.params.advocateId}/sign-in`
    const form = parseForm(signInSchema, request.body)
    if (!form.ok) {
      const typed = answersOf(request.body)['email']
      return reply.redirectWithFormState(page, { values: { email: typeof typed === 'string' ? typed.slice(0, 320) : '' }, errors: form.errors })
    }
    try {
      const caller = callerOf(request)
      const advocate = await advocates.view(caller, request.params.advocateId)
      const token = await advocates.createSignIn(caller, request.params.advocateId, form.data.email)
      return reply.view('features/admin/account-link.njk', { name: advocate.name, link: linkOf(token), created: true })
    } catch (error) {
      if (!(error instanceof WorkflowRefusedError)) throw error
      return reply.redirectWithFormState(page, { values: { email: form.data.email }, errors: [{ field: 'email', message: error.message }] })
    }
  })

  app.post<Params>('/advocates/:advocateId/sign-in/link', coordinator, async (request, reply) => {
    const caller = callerOf(request)
    const advocate = await advocates.view(caller, request.params.advocateId)
    const token = await advocates.newSignInLink(caller, request.params.advocateId)
    return reply.view('features/admin/account-link.njk', { name: advocate.name, link: linkOf(token), created: false })
  })
}
