/**
 * What the service sends (an email, or a text through GOV.UK Notify), and what is said when it
 * could not be sent: its code, never its address or its content. Shared by the mailer, the Notify
 * client and the outbox, so none of them imports another for these.
 */

export interface MailMessage {
  readonly to: string
  readonly subject: string
  /** Plain text, as GOV.UK Notify sends: no HTML to render wrongly or to hide a link behind. */
  readonly text: string
}

/** What the outbox hands over: an email, or a text (only through GOV.UK Notify). */
export interface OutgoingMessage extends MailMessage {
  readonly channel: 'email' | 'sms'
}

/** What is said about a message that could not be sent: never its address or its content. */
export interface MailProblem {
  readonly code: string | undefined
  readonly responseCode: number | undefined
}

export function problemOf(error: unknown): MailProblem {
  const fields = (error && typeof error === 'object' ? error : {}) as { code?: unknown; responseCode?: unknown }
  return {
    code: typeof fields.code === 'string' ? fields.code : error instanceof Error ? error.name : undefined,
    responseCode: typeof fields.responseCode === 'number' ? fields.responseCode : undefined,
  }
}

/**
 * Whether trying again cannot help: SMTP's 5xx answers (a mailbox that does not exist, a message
 * refused) and Notify's 400 and 403 (a bad address or key). A refused connection, a time-out, a 4xx
 * from SMTP or a 429 or 5xx from Notify may pass: the outbox tries again later.
 */
export function isPermanent(problem: MailProblem): boolean {
  if (problem.code === 'NO_TEXT_SERVICE') return true
  if (problem.responseCode === undefined) return false
  if (problem.code?.startsWith('NOTIFY')) return problem.responseCode === 400 || problem.responseCode === 403
  return problem.responseCode >= 500 && problem.responseCode < 600
}

/** A message that could not be sent, by its code alone. */
export class MailError extends Error {
  override name = 'MailError'
  readonly code: string
  readonly responseCode: number | undefined
  constructor(code: string, responseCode?: number) {
    super(`Could not send: ${code}${responseCode === undefined ? '' : ` (${responseCode})`}`)
    this.code = code
    this.responseCode = responseCode
  }
}
