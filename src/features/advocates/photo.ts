/**
 * An advocate's photo: a JPEG or PNG of up to 2 MB, judged by its bytes (not by what the browser
 * says it is).
 *
 * @pure
 */

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024

export type PhotoType = 'image/jpeg' | 'image/png'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** What the image is, by its first bytes. */
export function imageTypeOf(bytes: Buffer): PhotoType | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png'
  return null
}
