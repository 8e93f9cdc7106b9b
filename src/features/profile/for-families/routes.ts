import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { acceptPhotoUploads, photoUploadOf } from '../../../platform/http/photo-upload.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { PhotoRefusedError, photoRefusals, type PhotoRefusal } from '../../../platform/images/photo.ts'
import type { ProfileService } from '../service.ts'
import { forFamiliesSchema, INTRODUCTION_MAX_LENGTH } from './schema.ts'

const socialWorker = { preHandler: requireRole('referrer') }

/** A social worker's own page for families: an introduction, a photo, and whether families see them (issue 10). */
export function forFamiliesRoutes(app: FastifyInstance, { profile }: { profile: ProfileService }): void {
  app.get('/account/for-families', socialWorker, async (request, reply) => {
    const own = await profile.ownProfile(callerOf(request))
    const form = request.pageFlash.form
    return reply.view('features/profile/for-families/for-families.njk', {
      profile: own,
      values: form?.values ?? { introduction: own.introduction ?? '', shownToFamilies: own.shownToFamilies ? 'yes' : 'no' },
      version: form?.values['version'] ?? own.version,
      errors: form?.errors,
      maxLength: INTRODUCTION_MAX_LENGTH,
    })
  })

  app.post('/account/for-families', socialWorker, async (request, reply) =>
    submitForm(request, reply, forFamiliesSchema, async ({ version, ...values }) => {
      await profile.saveOwnProfile(callerOf(request), values, version)
      return { path: '/account/for-families', banner: { heading: values.shownToFamilies ? 'Families you refer can see this' : 'Families will not see this' } }
    }),
  )

  app.get('/account/for-families/photo/image', socialWorker, async (request, reply) => {
    const photo = await profile.ownPhoto(callerOf(request))
    if (!photo) return reply.code(404).view('views/errors/not-found.njk', {})
    return reply.header('content-type', photo.type).header('cache-control', 'private, no-store').send(photo.bytes)
  })

  // The photo arrives as a multipart form; only these routes (and the advocate's photo) read one.
  app.register(async (uploads) => {
    await acceptPhotoUploads(uploads)

    uploads.get('/account/for-families/photo', socialWorker, async (request, reply) => {
      const own = await profile.ownProfile(callerOf(request))
      return reply.view('features/profile/for-families/photo.njk', { profile: own, errors: request.pageFlash.form?.errors })
    })

    uploads.post('/account/for-families/photo', socialWorker, async (request, reply) => {
      const refuse = (reason: PhotoRefusal) =>
        reply.redirectWithFormState('/account/for-families/photo', { values: {}, errors: [{ field: 'photo', message: photoRefusals[reason] }] })
      const upload = photoUploadOf(request)
      if (upload.kind === 'tooLarge' || upload.kind === 'missing') return refuse(upload.kind)
      try {
        await profile.setOwnPhoto(callerOf(request), upload.kind === 'photo' ? upload.bytes : null)
      } catch (error) {
        if (error instanceof PhotoRefusedError) return refuse(error.reason)
        throw error
      }
      return reply.redirectWithBanner('/account/for-families', { heading: upload.kind === 'remove' ? 'Photo removed' : 'Photo saved' })
    })
  })
}
