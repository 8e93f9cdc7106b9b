/**
 * Errors a service throws to say why it refused. The HTTP layer turns each into a page; none of them
 * is a crash.
 */

/** The record does not exist, or the user has no relationship to it: the two look the same. */
export class NotFoundError extends Error {
  override name = 'NotFoundError'
}

/** The user is known but their role does not allow this. */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError'
}

/** Someone else changed the record since the user opened it. */
export class ConflictError extends Error {
  override name = 'ConflictError'
  readonly changedBy: string | null
  readonly changedAt: Date | null

  constructor(message: string, changedBy: string | null = null, changedAt: Date | null = null) {
    super(message)
    this.changedBy = changedBy
    this.changedAt = changedAt
  }
}

/** The workflow does not allow this step now (for example, the referral has moved on). */
export class WorkflowRefusedError extends Error {
  override name = 'WorkflowRefusedError'
}
