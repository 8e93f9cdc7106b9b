import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { acceptPhotoUploads, photoUploadOf } from '../../../platform/http/photo-upload.ts'
import { PhotoRefusedError, photoRefusals, type PhotoRefusal } from '../../../platform/images/photo.ts'
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
    await acceptPhotoUploads(uploads)

    uploads.get<Params>('/advocates/:advocateId/photo/change', coordinator, async (request, reply) => {
      const advocate = await advocates.view(callerOf(request), request.params.advocateId)
      return reply.view('features/advocates/photo/photo.njk', { advocate, errors: request.pageFlash.form?.errors })
    })

    uploads.post<Params>('/advocates/:advocateId/photo/change', coordinator, async (request, reply) => {
      const back = `/advocates/${request.params.advocateId}/photo/change`
      const refuse = (reason: PhotoRefusal) => reply.redirectWithFormState(back, { values: {}, errors: [{ field: 'photo', message: photoRefusals[reason] }] })
      const upload = photoUploadOf(request)
      if (upload.kind === 'tooLarge' || upload.kind === 'missing') return refuse(upload.kind)
      const remove = upload.kind === 'remove'
      try {
        await advocates.setPhoto(callerOf(request), request.params.advocateId, upload.kind === 'photo' ? upload.bytes : null)
      } catch (error) {
        if (error instanceof PhotoRefusedError) return refuse(error.reason)
        throw error
      }
      return reply.redirectWithBanner(`/advocates/${request.params.advocateId}`, { heading: remove ? 'Photo removed' : 'Photo saved' })
    })
  })
}
