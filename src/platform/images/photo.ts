/**
 * A photo families see (an advocate's, a social worker's): what may be uploaded, and what is kept. Every photo is decoded and made
 * again (`photo-image.ts`), so what is kept is a plain JPEG of at most 800 pixels a side with no
 * metadata at all: no location, no camera, no date, whatever the upload carried.
 *
 * @pure
 */

/** The largest upload: a phone's photo fits; it is made much smaller before it is kept. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024

/** The largest image decoded, in pixels (5,000 by 5,000): a small file can claim to be far bigger. */
export const PHOTO_MAX_SIDE_IN = 5000

/** What is kept fits within this many pixels a side. */
export const PHOTO_MAX_SIDE = 800

export type PhotoType = 'image/jpeg' | 'image/png'

/** Why an upload is refused, as the photo's GOV.UK field error. */
export const photoRefusals = {
  missing: 'Choose a photo',
  notAnImage: 'The photo must be a JPEG or PNG image',
  tooLarge: `The photo must be smaller than ${PHOTO_MAX_BYTES / (1024 * 1024)} MB`,
  tooManyPixels: `The photo must be at most ${PHOTO_MAX_SIDE_IN.toLocaleString('en-GB')} pixels wide and high`,
} as const

export type PhotoRefusal = keyof typeof photoRefusals

/** An upload that cannot be kept, and why. */
export class PhotoRefusedError extends Error {
  override name = 'PhotoRefusedError'
  readonly reason: PhotoRefusal

  constructor(reason: PhotoRefusal) {
    super(photoRefusals[reason])
    this.reason = reason
  }
}
