import { createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A stand-in for GOV.UK Notify's API at its HTTP boundary: a real HTTP server on 127.0.0.1 that
 * checks each request's token as Notify does (HS256 with the key's secret, `iss` the service id)
 * and keeps what was asked for, so a test reads the email or text the service really sent.
 */

export const TEST_NOTIFY_SERVICE = '26785a09-ab16-4eb0-8407-a37497a57506'
export const TEST_NOTIFY_SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0'
export const TEST_NOTIFY_KEY = `alongside_test-${TEST_NOTIFY_SERVICE}-${TEST_NOTIFY_SECRET}`
export const TEST_EMAIL_TEMPLATE = 'f33517ff-2a88-4f6e-b855-c550268ce08a'
export const TEST_SMS_TEMPLATE = 'a8f30ac1-5d7d-4f5b-8a34-2c5d4e6f7a8b'

export interface NotifyRequest {
  readonly path: string
  readonly body: { email_address?: string; phone_number?: string; template_id: string; personalisation: { subject?: string; body: string } }
}

export interface NotifyServer {
  readonly url: string
  readonly received: readonly NotifyRequest[]
  /** The status the next requests are answered with (201 unless told). */
  answerWith(status: number): void
  close(): Promise<void>
}

function verified(authorization: string | undefined): boolean {
  const [header, payload, signature] = (authorization ?? '').replace(/^Bearer /, '').split('.')
  if (!header || !payload || !signature) return false
  const expected = createHmac('sha256', TEST_NOTIFY_SECRET).update(`${header}.${payload}`).digest('base64url')
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: string; iat?: number }
  return expected === signature && claims.iss === TEST_NOTIFY_SERVICE && typeof claims.iat === 'number'
}

export async function startNotifyServer(): Promise<NotifyServer> {
  const received: NotifyRequest[] = []
  let status = 201
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      if (!verified(request.headers.authorization)) {
        response.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ error: 'AuthError' }] }))
        return
      }
      if (status === 201) received.push({ path: request.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as NotifyRequest['body'] })
      response
        .writeHead(status, { 'content-type': 'application/json' })
        .end(JSON.stringify(status === 201 ? { id: 'made-up' } : { errors: [{ error: 'Error' }] }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answerWith(next) {
      status = next
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
