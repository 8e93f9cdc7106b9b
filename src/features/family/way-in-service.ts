import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { ConflictError, NotFoundError, WorkflowRefusedError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import { fullName } from '../../platform/people-names.ts'
import type { BoundService } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import * as codes from './code-repository.ts'
import { groupedCode, hashCode, newCode } from './codes.ts'
import { codeLastDay, type FamilyContext } from './family.ts'
import * as sessions from './session-repository.ts'
import { EVERY_ADDRESS } from './throttle.ts'
import * as repository from './way-in-repository.ts'

/**
 * Staff giving a family member their way in (ADR 17): issuing a code (shown once, on a letter to
 * print), issuing a new one, and revoking it. Open to the advocacy admins for any referral that
 * reached the service, and to the advocate working with the person; never to the coordinator, who
 * runs the pool and is kept out of case records.
 */

/** What the form was opened at: the working code's id, or `none`. A change meanwhile is a conflict. */
export type CodeState = string

export const NO_CODE_STATE = 'none'

/** The referral, if this member of staff may give its person a way in; "not found" for anyone else. */
async function referralFor(db: Queryable, caller: Caller, referralId: string) {
  if (!isId(referralId)) throw new NotFoundError('No such referral')
  const row = await repository.referralForWayIn(db, caller.user.authorityId, referralId)
  if (!row || row.sent_at === null || !row.person_id) throw new NotFoundError('No such referral')
  const advocate = await repository.allocatedAdvocate(db, caller.user.authorityId, referralId)
  const service = hasRole(caller.user, 'advocacy_admin')
  const ownPerson = hasRole(caller.user, 'advocate') && advocate?.user_id === caller.user.id
  if (!service && !ownPerson) throw new NotFoundError('No such referral')
  return { row: { ...row, person_id: row.person_id }, advocate }
}

export interface WayInView {
  readonly referralId: string
  readonly reference: string
  readonly personName: string
  /** The languages their referral records (Section 1), as typed: the letter is offered in the first that is a family language. */
  readonly languages: readonly string[]
  /** The code's state the page was opened at, for its forms. */
  readonly state: CodeState
  /** The UK day the code stops working, once the referral has ended. */
  readonly lastDay: string | null
  /** The last day has passed: no code can be issued. */
  readonly tooLate: boolean
  readonly code: {
    readonly issuedAt: Date
    readonly issuedBy: string | null
    readonly wordChosenAt: Date | null
    readonly lastUsedAt: Date | null
    /** Wrong words from every address in the last day, if any: someone may have the letter. */
    readonly wrongWords: { readonly count: number; readonly lastAt: Date } | null
  } | null
}

/** The person's way in as it stands. Viewing it is audited. */
export async function wayIn(context: FamilyContext, caller: Caller, referralId: string): Promise<WayInView> {
  const { row } = await referralFor(context.db, caller, referralId)
  const code = await codes.workingCodeOf(context.db, caller.user.authorityId, row.id)
  const wrong = code ? await codes.wrongWordsFor(context.db, code.id, EVERY_ADDRESS) : undefined
  const lastDay = codeLastDay(row.closed_at, context.policy)
  await recordAudit(context.db, auditActorOf(caller), { action: 'family.way-in-viewed', recordType: 'referral', recordId: row.id })
  return {
    referralId: row.id,
    reference: row.reference,
    personName: fullName(row),
    languages: row.preferred_languages ?? [],
    state: code?.id ?? NO_CODE_STATE,
    lastDay,
    tooLate: lastDay !== null && londonDate(context.clock.now()) > lastDay,
    code: code
      ? {
          issuedAt: code.issued_at,
          issuedBy: code.issued_by_name,
          wordChosenAt: code.word_chosen_at,
          lastUsedAt: code.last_used_at,
          wrongWords:
            wrong && context.clock.now().getTime() - wrong.last_failure_at.getTime() < 24 * 3_600_000
              ? { count: wrong.failures, lastAt: wrong.last_failure_at }
              : null,
        }
      : null,
  }
}

/** What the letter says: shown once, when the code is made. */
export interface Letter {
  readonly referralId: string
  readonly code: string
  readonly reference: string
  readonly personName: string
  readonly advocateName: string | null
  readonly issuedOn: string
  readonly lastDay: string | null
}

/**
 * Makes a new code for the person, ending any code they had (and every session begun with it). The
 * code is returned once, to print, and kept only as its hash. Two people issuing at once take turns
 * under a lock: the second is told a code was issued meanwhile, so no letter is printed with a code
 * that never worked.
 */
export async function issueCode(context: FamilyContext, caller: Caller, referralId: string, openedAt: CodeState): Promise<Letter> {
  const { db, clock } = context
  return db.transaction().execute(async (trx) => {
    const { row, advocate } = await referralFor(trx, caller, referralId)
    await codes.lockCodesOf(trx, row.id)
    const lastDay = codeLastDay(row.closed_at, context.policy)
    if (lastDay !== null && londonDate(clock.now()) > lastDay) throw new WorkflowRefusedError('This advocacy ended too long ago for a new code')
    const working = await codes.workingCodeOf(trx, caller.user.authorityId, row.id)
    if ((working?.id ?? NO_CODE_STATE) !== openedAt)
      throw new ConflictError('The way in changed after you opened this page', working?.issued_by_name ?? null, working?.issued_at ?? null)
    const now = clock.now()
    const replaced = await codes.endWorkingCode(trx, caller.user.authorityId, row.id, { reason: 'replaced', by: caller.user.id, now })
    if (replaced) await sessions.endSessionsOfCode(trx, replaced, 'code-replaced', now)
    const code = newCode()
    const codeId = await codes.insertCode(trx, {
      authorityId: caller.user.authorityId,
      referralId: row.id,
      personId: row.person_id,
      codeHash: hashCode(context.codeKey, code),
      issuedBy: caller.user.id,
      now,
    })
    await recordAudit(trx, auditActorOf(caller), {
      action: 'family.code-issued',
      recordType: 'referral',
      recordId: row.id,
      details: { codeId, ...(replaced ? { replaced } : {}) },
    })
    return {
      referralId: row.id,
      code: groupedCode(code),
      reference: row.reference,
      personName: fullName(row),
      advocateName: advocate ? fullName(advocate) : null,
      issuedOn: londonDate(now),
      lastDay,
    }
  })
}

/** Ends the person's code (and every session begun with it) at once. */
export async function revokeCode(context: FamilyContext, caller: Caller, referralId: string, openedAt: CodeState): Promise<void> {
  const { db, clock } = context
  await db.transaction().execute(async (trx) => {
    const { row } = await referralFor(trx, caller, referralId)
    await codes.lockCodesOf(trx, row.id)
    const working = await codes.workingCodeOf(trx, caller.user.authorityId, row.id)
    if (!working) throw new WorkflowRefusedError('There is no code to revoke: it may have been revoked already')
    if (working.id !== openedAt) throw new ConflictError('The way in changed after you opened this page', working.issued_by_name, working.issued_at)
    const now = clock.now()
    await codes.endWorkingCode(trx, caller.user.authorityId, row.id, { reason: 'revoked', by: caller.user.id, now })
    await sessions.endSessionsOfCode(trx, working.id, 'code-revoked', now)
    await recordAudit(trx, auditActorOf(caller), { action: 'family.code-revoked', recordType: 'referral', recordId: row.id, details: { codeId: working.id } })
  })
}

export type WayInService = BoundService<{ wayIn: typeof wayIn; issueCode: typeof issueCode; revokeCode: typeof revokeCode }, FamilyContext>
