import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ConflictError, WorkflowRefusedError } from '../../../platform/errors.ts'
import { parseForm } from '../../../platform/http/form-fields.ts'
import type { FieldError } from '../../../platform/http/session.ts'
import { plainDate } from '../../../platform/i18n/translations.ts'
import { FAMILY, FAMILY_PREFIX, familyCallerOf, tOf } from '../family-request.ts'
import type { FamilyPagesService } from '../pages-service.ts'
import { shareSchema } from './schema.ts'

/** Their views, as they wrote them with their advocate, and their yes or no to sharing them with the chair. */
export function viewsRoutes(app: FastifyInstance, { pages }: { pages: FamilyPagesService }): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, status: number, errors: FieldError[] = []) => {
    const views = await pages.familyViews(familyCallerOf(request))
    const t = tOf(reply)
    return reply.code(status).view('features/family/views/views.njk', {
      views,
      agreedOn: views.agreedOn ? plainDate(views.agreedOn) : null,
      sharedOn: views.sharedOn ? plainDate(views.sharedOn) : null,
      errors: errors.map((error) => ({ ...error, message: t(`${FAMILY}:${error.message}`) })),
      navigation: 'views',
    })
  }

  app.get('/views', async (request, reply) => show(request, reply, 200))

  app.post('/views', async (request, reply) => {
    const form = parseForm(shareSchema, request.body)
    if (!form.ok)
      return show(
        request,
        reply,
        400,
        form.errors.map((error) => ({ ...error, field: error.field === 'version' ? 'share' : error.field, href: '#share' })),
      )
    try {
      await pages.agreeToShareViews(familyCallerOf(request), form.data.share === 'yes', form.data.version)
    } catch (error) {
      if (error instanceof ConflictError) return show(request, reply, 409, [{ field: 'share', message: 'views.error.changed', href: '#share' }])
      if (error instanceof WorkflowRefusedError) return show(request, reply, 409, [{ field: 'share', message: 'views.error.refused', href: '#share' }])
      throw error
    }
    return reply.redirect(`${FAMILY_PREFIX}/views`, 303)
  })
}
