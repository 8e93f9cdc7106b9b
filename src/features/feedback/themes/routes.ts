import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import { ThemeNameTakenError } from '../theme-service.ts'
import type { FeedbackService } from '../service.ts'
import { newThemeSchema, themeSchema } from './schema.ts'

type Params = { Params: { themeId: string } }

const wordsReaders = { preHandler: requireRole('advocacy_admin', 'service_manager') }

/** A name already used is that field's error. */
async function unlessNameTaken<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof ThemeNameTakenError) throw FormRefusal.field('name', error.message)
    throw error
  }
}

/** The themes the service keeps for coding families' words: the list, adding one, renaming or retiring one. */
export function themesRoutes(app: FastifyInstance, { feedback }: { feedback: FeedbackService }): void {
  app.get('/feedback/themes', wordsReaders, async (request, reply) => {
    const themes = await feedback.themesFor(callerOf(request))
    const form = request.pageFlash.form
    return reply.view('features/feedback/themes/themes.njk', { themes, values: form?.values ?? {}, errors: form?.errors })
  })

  app.post('/feedback/themes', wordsReaders, async (request, reply) =>
    submitForm(request, reply, newThemeSchema, async ({ name }) => {
      await unlessNameTaken(() => feedback.addTheme(callerOf(request), name))
      return { path: '/feedback/themes', banner: { heading: 'Theme added' } }
    }),
  )

  app.get<Params>('/feedback/themes/:themeId', wordsReaders, async (request, reply) => {
    const theme = await feedback.themeFor(callerOf(request), request.params.themeId)
    const form = request.pageFlash.form
    const values = form?.values ?? { name: theme.name, status: theme.retired ? 'retired' : 'in_use' }
    return reply.view('features/feedback/themes/theme.njk', {
      theme,
      values,
      version: values['version'] ?? theme.version,
      errors: form?.errors,
      conflict: form?.notice === 'conflict',
    })
  })

  app.post<Params>('/feedback/themes/:themeId', wordsReaders, async (request, reply) =>
    submitForm(request, reply, themeSchema, async ({ name, status, version }) => {
      await unlessNameTaken(() => feedback.changeTheme(callerOf(request), request.params.themeId, { name, retired: status, version }))
      return { path: '/feedback/themes', banner: { heading: 'Theme saved' } }
    }),
  )
}
