import { createHmac } from 'node:crypto'
import { MailError, type OutgoingMessage } from './message.ts'

/**
 * GOV.UK Notify, as councils send email and texts: an authority switches it on by setting
 * `NOTIFY_API_KEY` (and the two templates below), and then every message goes through Notify's
 * API instead of SMTP. Each request carries a JSON Web Token signed with the key's secret (HS256,
 * `iss` the service id, `iat` now), as Notify's API documentation says; no client library is
 * needed for two POSTs.
 *
 * Notify sends only from templates, so the service uses one email template whose subject is
 * `((subject))` and whose body is `((body))`, and one text template whose body is `((body))`.
 */

export interface NotifySettings {
  /** The key as Notify shows it: `name-<service id>-<secret>`, both UUIDs. */
  readonly apiKey: string
  readonly emailTemplateId: string
  readonly smsTemplateId: string
  /** https://api.notifications.service.gov.uk, or a test's own server. */
  readonly baseUrl: string
}

export interface NotifyClient {
  email(message: OutgoingMessage): Promise<void>
  text(message: OutgoingMessage): Promise<void>
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

/** A key's shape: a name, then the service id and the secret. */
export const NOTIFY_KEY = new RegExp(`^[A-Za-z0-9_-]+-(${UUID})-(${UUID})$`)
export const NOTIFY_TEMPLATE_ID = new RegExp(`^${UUID}$`)

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url')
}

/** The token Notify asks for: valid for 30 seconds either side of `iat`. */
export function notifyToken(apiKey: string, now: Date): string {
  const match = NOTIFY_KEY.exec(apiKey)
  if (!match?.[1] || !match[2]) throw new Error('Not a GOV.UK Notify API key')
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))
  const payload = base64url(JSON.stringify({ iss: match[1], iat: Math.floor(now.getTime() / 1000) }))
  const signature = base64url(createHmac('sha256', match[2]).update(`${header}.${payload}`).digest())
  return `${header}.${payload}.${signature}`
}

export function createNotifyClient(settings: NotifySettings, now: () => Date = () => new Date()): NotifyClient {
  async function post(path: string, body: object): Promise<void> {
    let response: Response
    try {
      response = await fetch(`${settings.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${notifyToken(settings.apiKey, now())}`, 'user-agent': 'alongside' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      })
    } catch (error) {
      // Said by its name alone: the cause may quote the address.
      throw new MailError(`NOTIFY_${error instanceof Error ? error.name.toUpperCase() : 'FAILED'}`)
    }
    // Notify's answer names the recipient: read and let go of, never logged.
    await response.arrayBuffer().catch(() => undefined)
    if (!response.ok) throw new MailError('NOTIFY_REFUSED', response.status)
  }
  return {
    email: (message) =>
      post('/v2/notifications/email', {
        email_address: message.to,
        template_id: settings.emailTemplateId,
        personalisation: { subject: message.subject, body: message.text },
      }),
    text: (message) =>
      post('/v2/notifications/sms', { phone_number: message.to, template_id: settings.smsTemplateId, personalisation: { body: message.text } }),
  }
}
