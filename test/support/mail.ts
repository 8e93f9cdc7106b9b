import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/**
 * A real SMTP server for a test: smtp-server on 127.0.0.1 at a port of its own, accepting whatever
 * the service sends, so a test reads the message that was really sent (its envelope, headers and
 * text) and follows its link. Plain SMTP on the loopback: no TLS, no sign-in.
 */

export interface ReceivedMail {
  /** The envelope's recipients: where the message really went. */
  readonly to: readonly string[]
  readonly from: string
  readonly subject: string
  /** The text, its transfer encoding undone. */
  readonly text: string
  /** The whole message as it crossed the wire. */
  readonly raw: string
}

export interface MailServer {
  /** For SMTP_URL. */
  readonly url: string
  readonly received: readonly ReceivedMail[]
  /** The next message to arrive (or the oldest not yet taken), waiting for it up to `withinMs`. */
  next(withinMs?: number): Promise<ReceivedMail>
  close(): Promise<void>
}

/** Undoes quoted-printable: soft line breaks, then `=XX` bytes, read as UTF-8. */
function fromQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let index = 0; index < joined.length; index += 1) {
    const hex = joined[index] === '=' ? /^[0-9A-F]{2}/i.exec(joined.slice(index + 1, index + 3)) : null
    if (hex) {
      bytes.push(Number.parseInt(hex[0], 16))
      index += 2
    } else {
      bytes.push(...Buffer.from(joined[index] ?? '', 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** A single-part text message: its headers (unfolded), and its text decoded. */
export function parseMail(raw: string, envelope: { to: readonly string[]; from: string }): ReceivedMail {
  const split = raw.search(/\r?\n\r?\n/)
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ')
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '')
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? ''
  const encoding = header('Content-Transfer-Encoding').toLowerCase()
  const text = encoding === 'quoted-printable' ? fromQuotedPrintable(body) : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body
  return { ...envelope, subject: header('Subject'), text: text.replace(/\r\n/g, '\n').trimEnd(), raw }
}

export async function startMailServer(): Promise<MailServer> {
  const received: ReceivedMail[] = []
  let taken = 0
  const waiting: (() => void)[] = []
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
        received.push(parseMail(Buffer.concat(chunks).toString('utf8'), { from, to: session.envelope.rcptTo.map((recipient) => recipient.address) }))
        for (const wake of waiting.splice(0)) wake()
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async next(withinMs = 10_000) {
      const deadline = Date.now() + withinMs
      while (received.length <= taken) {
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`No mail arrived within ${withinMs} ms`)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left)
          waiting.push(() => {
            clearTimeout(timer)
            resolve()
          })
        })
      }
      const mail = received[taken]
      taken += 1
      if (!mail) throw new Error('No mail')
      return mail
    },
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  }
}
