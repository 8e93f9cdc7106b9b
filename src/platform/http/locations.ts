/**
 * A path for a Location header. A header carries only visible ASCII, and a path built from what a
 * browser sent (a return address, an id from the address bar) may hold anything: each character
 * outside the characters a URL may hold as they are is percent-encoded as UTF-8, as a browser
 * would; `%` escapes already there are kept. So every redirect can be sent, and names the page
 * the browser will then ask for (the key a form's kept answers are stored under).
 *
 * @pure
 */

/** What a URL holds as it is (RFC 3986's unreserved and reserved characters, and `%`). */
const AS_IT_IS = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/

const encoder = new TextEncoder()

export function locationPath(path: string): string {
  let encoded = ''
  for (const character of path) {
    if (AS_IT_IS.test(character)) {
      encoded += character
      continue
    }
    // A lone surrogate encodes as U+FFFD, as a browser sends it.
    for (const byte of encoder.encode(character)) encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return encoded
}
