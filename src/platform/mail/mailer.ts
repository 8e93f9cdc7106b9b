import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createTransport } from 'nodemailer'

/**
 * Email, behind one small boundary: what the service sends (a one-time sign-in link) goes to a
 * `Mailer`, which sends it through SMTP with nodemailer (`SMTP_URL`, from `MAIL_FROM`). GOV.UK
 * Notify can be another `Mailer` later without touching the features.
 *
 * Without `SMTP_URL` (never in production: the service refuses to start) each message is written
 * to a file in the outbox folder (`DATA_DIR/outbox/`), readable by the service's own user only,
 * and a line on the console names the file. It is not logged: a message holds a one-time link.
 *
 * Messages go in the background: `send` returns at once, so how long a page takes says nothing
 * about whether a message was sent (or whether an email has an account). A message that cannot be
 * sent is reported (its error code, never its address or content) and not tried again: the person
 * asks again. `settled()` waits for what is on its way (tests, and a graceful shutdown).
 */

export interface MailMessage {
  readonly to: string
  readonly subject: string
  /** Plain text, as GOV.UK Notify sends: no HTML to render wrongly or to hide a link behind. */
  readonly text: string
}

export interface Mailer {
  send(message: MailMessage): void
  settled(): Promise<void>
  close(): Promise<void>
}

export interface MailSettings {
  /** An smtp:// or smtps:// URL as nodemailer reads it (user, password and options in it); none: the outbox. */
  readonly smtpUrl: string | undefined
  /** The sender, like `Alongside <alongside@council.gov.uk>`. */
  readonly from: string
  readonly outboxDir: string
}

/** What is said about a message that could not be sent: never its address or its content. */
export interface MailProblem {
  readonly code: string | undefined
  readonly responseCode: number | undefined
}

function problemOf(error: unknown): MailProblem {
  const fields = (error && typeof error === 'object' ? error : {}) as { code?: unknown; responseCode?: unknown }
  return {
    code: typeof fields.code === 'string' ? fields.code : error instanceof Error ? error.name : undefined,
    responseCode: typeof fields.responseCode === 'number' ? fields.responseCode : undefined,
  }
}

/** How each message leaves: to an SMTP server, or into a file. */
type Deliver = (message: MailMessage) => Promise<void>

function smtpDelivery(settings: MailSettings & { smtpUrl: string }): { deliver: Deliver; close: () => void } {
  const transport = createTransport(settings.smtpUrl)
  return {
    deliver: async (message) => {
      await transport.sendMail({ from: settings.from, ...message, textEncoding: 'quoted-printable', disableFileAccess: true, disableUrlAccess: true })
    },
    close: () => transport.close(),
  }
}

function outboxDelivery(settings: MailSettings): { deliver: Deliver; close: () => void } {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    deliver: async (message) => {
      const sent = await transport.sendMail({
        from: settings.from,
        ...message,
        textEncoding: 'quoted-printable',
        disableFileAccess: true,
        disableUrlAccess: true,
      })
      await mkdir(settings.outboxDir, { recursive: true, mode: 0o700 })
      const file = join(settings.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`)
      await writeFile(file, sent.message as Buffer, { mode: 0o600 })
      console.log(`Mail written to ${file} (SMTP_URL is not set, so no mail is sent).`)
    },
    close: () => transport.close(),
  }
}

export function createMailer(settings: MailSettings, report: (problem: MailProblem) => void): Mailer {
  const { deliver, close } = settings.smtpUrl ? smtpDelivery({ ...settings, smtpUrl: settings.smtpUrl }) : outboxDelivery(settings)
  const onTheirWay = new Set<Promise<void>>()
  return {
    send(message) {
      const sending = deliver(message)
        .catch((error: unknown) => report(problemOf(error)))
        .finally(() => onTheirWay.delete(sending))
      onTheirWay.add(sending)
    },
    async settled() {
      while (onTheirWay.size > 0) await Promise.all([...onTheirWay])
    },
    async close() {
      await this.settled()
      close()
    },
  }
}
