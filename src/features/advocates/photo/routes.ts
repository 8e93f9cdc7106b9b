import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { PHOTO_MAX_BYTES, PhotoRefusedError, photoRefusals, type PhotoRefusal } from '../photo.ts'
import type { AdvocateService } from '../service.ts'

type Params = { Params: { advocateId: string } }

const readers = { preHandler: requireRole('coordinator', 'advocacy_admin', 'service_manager') }
const coordinator = { preHandler: requireRole('coordinator') }

/**
 * What the upload form can send, and no more: the form token, "remove", and one file. A field is a
 * few characters (the token is the longest). A file over the limit is read no further than the
 * limit, and the page says so (a field error), rather than refusing the whole request; anything
 * beyond these bounds (more parts, more files, more fields) is refused before any of it is kept.
 */
const uploadLimits = { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 3, parts: 4, fieldSize: 1024, fieldNameSize: 100, headerPairs: 10 }

/** Uploads cut short at the size limit: their page is told, and nothing of them is kept. */
const cutShort = new WeakSet<FastifyRequest>()

/** The advocate's photo, shown to families with their "about me": the image itself, and changing it. */
export function photoRoutes(app: FastifyInstance, { advocates }: { advocates: AdvocateService }): void {
  app.get<Params>('/advocates/:advocateId/photo', readers, async (request, reply) => {
    const photo = await advocates.photo(callerOf(request), request.params.advocateId)
    if (!photo) return reply.code(404).view('views/errors/not-found.njk', {})
    return reply.header('content-type', photo.type).header('cache-control', 'private, no-store').send(photo.bytes)
  })

  // The photo arrives as a multipart form; only this route reads one.
  app.register(async (uploads) => {
    await uploads.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: uploadLimits,
      throwFileSizeLimit: false,
      async onFile(this: FastifyRequest, part) {
        await part.toBuffer()
        if (!part.file.truncated) return
        cutShort.add(this)
        // What arrived before the limit is not a photo: it is dropped, so the body holds none.
        Object.assign(part, { _buf: null })
      },
    })

    uploads.get<Params>('/advocates/:advocateId/photo/change', coordinator, async (request, reply) => {
      const advocate = await advocates.view(callerOf(request), request.params.advocateId)
      return reply.view('features/advocates/photo/photo.njk', { advocate, errors: request.pageFlash.form?.errors })
    })

    // Fields arrive as text and the file as its bytes; anything else is not a photo.
    uploads.post<Params & { Body: Record<string, unknown> | undefined }>('/advocates/:advocateId/photo/change', coordinator, async (request, reply) => {
      const back = `/advocates/${request.params.advocateId}/photo/change`
      const refuse = (reason: PhotoRefusal) => reply.redirectWithFormState(back, { values: {}, errors: [{ field: 'photo', message: photoRefusals[reason] }] })
      if (cutShort.has(request)) return refuse('tooLarge')
      const body = request.body ?? {}
      const remove = body['remove'] === 'yes'
      const sent = body['photo']
      const photo = Buffer.isBuffer(sent) && sent.length > 0 ? sent : null
      if (!remove && !photo) return refuse('missing')
      try {
        await advocates.setPhoto(callerOf(request), request.params.advocateId, remove ? null : photo)
      } catch (error) {
        if (error instanceof PhotoRefusedError) return refuse(error.reason)
        throw error
      }
      return reply.redirectWithBanner(`/advocates/${request.params.advocateId}`, { heading: remove ? 'Photo removed' : 'Photo saved' })
    })
  })
}
