import type { TestApp } from './app.ts'
import type { Browser } from './browser.ts'

/** A multipart form, as a browser sends a file upload (the file as `photo`), with the form token of the page last seen. */
export async function uploaded(
  t: TestApp,
  browser: Browser,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Buffer },
) {
  const boundary = '----alongside-test-boundary'
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries({ _csrf: browser.csrfToken ?? '', ...fields })) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  }
  if (file) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
      file.bytes,
      Buffer.from('\r\n'),
    )
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return t.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: browser.cookieHeader() },
  })
}
