import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { PHOTO_MAX_BYTES } from '../images/photo.ts'

/**
 * A page that takes a photo (an advocate's, a social worker's) reads its form here, and nowhere
 * else reads a multipart form. The form can send the form token, "remove", and one file, and no
 * more: a field is a few characters (the token is the longest). A file over the limit is read no
 * further than the limit, and the page says so (a field error) rather than refusing the whole
 * request; anything beyond these bounds (more parts, more files, more fields) is refused before any
 * of it is kept.
 */
const uploadLimits = { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 3, parts: 4, fieldSize: 1024, fieldNameSize: 100, headerPairs: 10 }

/** Uploads cut short at the size limit: their page is told, and nothing of them is kept. */
const cutShort = new WeakSet<FastifyRequest>()

/** What a photo form sent: a photo, or to remove the one kept, or nothing usable (and why). */
export type PhotoUpload = { readonly kind: 'photo'; readonly bytes: Buffer } | { readonly kind: 'remove' } | { readonly kind: 'tooLarge' | 'missing' }

/** Registers the photo form's body parser on `uploads` (a plugin of its own, so only its routes read multipart). */
export async function acceptPhotoUploads(uploads: FastifyInstance): Promise<void> {
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
}

/** Fields arrive as text and the file as its bytes; anything else is not a photo. */
export function photoUploadOf(request: FastifyRequest): PhotoUpload {
  if (cutShort.has(request)) return { kind: 'tooLarge' }
  const body = (request.body ?? {}) as Record<string, unknown>
  if (body['remove'] === 'yes') return { kind: 'remove' }
  const sent = body['photo']
  return Buffer.isBuffer(sent) && sent.length > 0 ? { kind: 'photo', bytes: sent } : { kind: 'missing' }
}
