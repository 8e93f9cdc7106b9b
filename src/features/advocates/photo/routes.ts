import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import { WorkflowRefusedError } from '../../../platform/errors.ts'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { PHOTO_MAX_BYTES } from '../photo.ts'
import type { AdvocateService } from '../service.ts'

type Params = { Params: { advocateId: string } }

const readers = { preHandler: requireRole('coordinator', 'advocacy_admin', 'service_manager') }
const coordinator = { preHandler: requireRole('coordinator') }

/** The advocate's photo, shown to families with their "about me": the image itself, and changing it. */
export function photoRoutes(app: FastifyInstance, { advocates }: { advocates: AdvocateService }): void {
  app.get<Params>('/advocates/:advocateId/photo', readers, async (request, reply) => {
    const photo = await advocates.photo(callerOf(request), request.params.advocateId)
    if (!photo) return reply.code(404).view('views/errors/not-found.njk', {})
    return reply.header('content-type', photo.type).header('cache-control', 'private, no-store').send(photo.bytes)
  })

  // The photo arrives as a multipart form; only this route reads one.
  app.register(async (uploads) => {
    await uploads.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 5, parts: 6 } })

    uploads.get<Params>('/advocates/:advocateId/photo/change', coordinator, async (request, reply) => {
      const advocate = await advocates.view(callerOf(request), request.params.advocateId)
      return reply.view('features/advocates/photo/photo.njk', { advocate, errors: request.pageFlash.form?.errors })
    })

    // Fields arrive as text and the file as its bytes; anything else is not a photo.
    uploads.post<Params & { Body: Record<string, unknown> | undefined }>('/advocates/:advocateId/photo/change', coordinator, async (request, reply) => {
      const back = `/advocates/${request.params.advocateId}/photo/change`
      const body = request.body ?? {}
      const remove = body['remove'] === 'yes'
      const sent = body['photo']
      const photo = Buffer.isBuffer(sent) && sent.length > 0 ? sent : null
      if (!remove && !photo) return reply.redirectWithFormState(back, { values: {}, errors: [{ field: 'photo', message: 'Choose a photo' }] })
      try {
        await advocates.setPhoto(callerOf(request), request.params.advocateId, remove ? null : photo)
      } catch (error) {
        if (!(error instanceof WorkflowRefusedError)) throw error
        return reply.redirectWithFormState(back, { values: {}, errors: [{ field: 'photo', message: error.message }] })
      }
      return reply.redirectWithBanner(`/advocates/${request.params.advocateId}`, { heading: remove ? 'Photo removed' : 'Photo saved' })
    })
  })
}
