import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Transporter } from 'nodemailer'
import { MailError, problemOf, type MailMessage, type MailProblem, type OutgoingMessage } from './message.ts'
import type { NotifyClient } from './notify.ts'

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
 * asks again. `settled()` waits for what is on its way (tests, and a graceful shutdown). That is
 * right for a one-time sign-in link alone (ADR 20): it is a credential kept only hashed, so it is
 * never written down in plain, and it lapses in 15 minutes anyway.
 *
 * Everything else goes through the outbox table (`outbox.ts`): the scheduler hands each message to
 * `deliver`, which says whether it went (it throws a `MailError` that knows whether trying again may
 * help). With GOV.UK Notify switched on (`NOTIFY_API_KEY`), email and texts go through Notify
 * (`notify.ts`); without it a text can only be written to the outbox folder (never in production).
 */

export interface Mailer {
  send(message: MailMessage): void
  /** Sends one message now, and says so by returning; a `MailError` says why not. */
  deliver(message: OutgoingMessage): Promise<void>
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

/** How each message leaves: to an SMTP server, or into a file. */
type Deliver = (message: MailMessage) => Promise<void>

/**
 * nodemailer's transport, made when the first message leaves, not at start: a process that sends
 * nothing (most embedded ones, most of the time) need not hold nodemailer's code (issue 9).
 */
function lazyTransport(options: Parameters<typeof import('nodemailer').createTransport>[0]): { transport: () => Promise<Transporter>; close: () => void } {
  let made: Promise<Transporter> | undefined
  return {
    transport: () => (made ??= import('nodemailer').then(({ createTransport }) => createTransport(options))),
    close: () => void made?.then((transport) => transport.close()),
  }
}

function smtpDelivery(settings: MailSettings & { smtpUrl: string }): { deliver: Deliver; close: () => void } {
  const { transport, close } = lazyTransport(settings.smtpUrl)
  return {
    deliver: async (message) => {
      await (await transport()).sendMail({ from: settings.from, ...message, textEncoding: 'quoted-printable', disableFileAccess: true, disableUrlAccess: true })
    },
    close,
  }
}

function outboxDelivery(settings: MailSettings): { deliver: Deliver; close: () => void } {
  const { transport, close } = lazyTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    deliver: async (message) => {
      const sent = await (
        await transport()
      ).sendMail({
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
    close,
  }
}

/** Texts with no Notify: written to the outbox folder while developing, refused otherwise. */
function textDelivery(settings: MailSettings): (message: OutgoingMessage) => Promise<void> {
  return async (message) => {
    if (settings.smtpUrl) throw new MailError('NO_TEXT_SERVICE')
    await mkdir(settings.outboxDir, { recursive: true, mode: 0o700 })
    const file = join(settings.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.txt`)
    await writeFile(file, `To: ${message.to}\n\n${message.text}\n`, { mode: 0o600 })
    console.log(`Text message written to ${file} (NOTIFY_API_KEY is not set, so no text is sent).`)
  }
}

export function createMailer(settings: MailSettings, report: (problem: MailProblem) => void, notify?: NotifyClient): Mailer {
  const chosen = settings.smtpUrl ? smtpDelivery({ ...settings, smtpUrl: settings.smtpUrl }) : outboxDelivery(settings)
  const deliver: Deliver = notify ? (message) => notify.email({ channel: 'email', ...message }) : chosen.deliver
  const close = chosen.close
  const text = notify ? (message: OutgoingMessage) => notify.text(message) : textDelivery(settings)
  const onTheirWay = new Set<Promise<void>>()
  return {
    async deliver(message) {
      try {
        await (message.channel === 'sms' ? text(message) : deliver(message))
      } catch (error) {
        if (error instanceof MailError) throw error
        const problem = problemOf(error)
        throw new MailError(problem.code ?? 'UNKNOWN', problem.responseCode)
      }
    },
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
