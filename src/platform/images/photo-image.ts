import { PHOTO_MAX_SIDE, PHOTO_MAX_SIDE_IN, PhotoRefusedError, type PhotoType } from './photo.ts'

/**
 * Makes an uploaded photo again from its pixels, with sharp (ADR 15): only a JPEG or PNG that
 * decodes whole is accepted, whatever its first bytes or its name say; it is turned the way its
 * camera meant, made to fit within 800 by 800 pixels, put on white where it is see-through, and
 * written as a new JPEG with no metadata (sharp keeps none unless asked), so no location, camera or
 * date an upload carried is ever kept or served.
 */
export async function remadePhoto(upload: Buffer): Promise<{ bytes: Buffer; type: PhotoType }> {
  // Loaded with the first photo, not at start: sharp and libvips hold about 9 MB (issue 9).
  const { default: sharp } = await import('sharp')
  const image = sharp(upload, { failOn: 'error', limitInputPixels: PHOTO_MAX_SIDE_IN * PHOTO_MAX_SIDE_IN, sequentialRead: true })
  const {
    format,
    width = 0,
    height = 0,
  } = await image.metadata().catch((error: unknown) => {
    throw refusalFor(error)
  })
  if (format !== 'jpeg' && format !== 'png') throw new PhotoRefusedError('notAnImage')
  if (width > PHOTO_MAX_SIDE_IN || height > PHOTO_MAX_SIDE_IN) throw new PhotoRefusedError('tooManyPixels')
  try {
    const bytes = await image
      .rotate()
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer()
    return { bytes, type: 'image/jpeg' }
  } catch (error) {
    throw refusalFor(error)
  }
}

/** Anything sharp cannot read is not a photo, except one it will not read for its size. */
function refusalFor(error: unknown): PhotoRefusedError {
  return new PhotoRefusedError(error instanceof Error && /pixel limit/i.test(error.message) ? 'tooManyPixels' : 'notAnImage')
}
