import { createHash, randomBytes } from 'node:crypto'
import { recordAudit } from '../../platform/audit/audit.ts'
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts'
import type { BoundService } from '../../platform/service-context.ts'
import * as codes from './code-repository.ts'
import { hashCode, isCodeShaped, normaliseCode } from './codes.ts'
import { codeWorks, familyActor, type FamilyCaller, type FamilyContext, type FamilyMember } from './family.ts'
import * as sessions from './session-repository.ts'
import { EVERY_ADDRESS, NO_CODE, noCodeCounter, reserveFamilyGuess, wordCounters } from './throttle.ts'
import { wordProblem, type WordProblem } from './word-rules.ts'

/**
 * A family member's way in (ADR 17): the code from their letter, then the word they chose at first
 * use; and the family session that follows, which is its own kind (its own table and cookie) and
 * opens that person's pages and nothing else. Every use, failure and refusal is audited; nothing of
 * the code or the word is.
 */

export type FamilySignInResult =
  | { readonly outcome: 'signed-in'; readonly sessionId: string }
  /** The code works and no word has been chosen yet: the person chooses one now. */
  | { readonly outcome: 'choose-word' }
  /** The code works and has a word, but none was typed. */
  | { readonly outcome: 'word-needed' }
  /** The code opens nothing, or the word is wrong: the two look the same. */
  | { readonly outcome: 'refused' }
  | { readonly outcome: 'wait'; readonly until: Date }

export type ChooseWordResult =
  | { readonly outcome: 'signed-in'; readonly sessionId: string }
  | { readonly outcome: 'problem'; readonly problem: WordProblem }
  /** A word was chosen for this code meanwhile (another tab, or someone else): sign in with it. */
  | { readonly outcome: 'already-chosen' }
  | { readonly outcome: 'refused' }
  | { readonly outcome: 'wait'; readonly until: Date }

export type ResolvedFamilySession =
  { readonly status: 'active'; readonly member: FamilyMember } | { readonly status: 'timed-out' } | { readonly status: 'none' }

function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex')
}

function isWellFormedFamilySessionId(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value)
}

/** The working code a typed code names, or why not (counted against the address when it opens nothing). */
async function workingCode(context: FamilyContext, typed: string, ip: string) {
  const { db, clock } = context
  const normalised = normaliseCode(typed)
  const row = isCodeShaped(normalised) ? await codes.findCodeByHash(db, hashCode(context.codeKey, normalised)) : undefined
  if (row && codeWorks(row, clock.now(), context.policy)) return { found: row } as const

  // A code that opens nothing is counted against the address it came from: a flood waits.
  const reservation = await db.transaction().execute(async (trx) => {
    const [count] = await codes.lockGuessCounts(trx, NO_CODE, [ip])
    const reserved = reserveFamilyGuess([noCodeCounter(context.policy.throttle, count)], clock.now())
    if (reserved.allowed && reserved.counts[0]) await codes.saveGuessCount(trx, NO_CODE, ip, reserved.counts[0])
    return reserved
  })
  if (!reservation.allowed) {
    await recordAudit(
      db,
      { userId: null, authorityId: null, ip },
      { action: 'family.sign-in-throttled', recordType: 'family-code', details: { reason: 'no-code' } },
    )
    return { wait: reservation.until } as const
  }
  // Which code it was is not known (or, for one that has ended, not said): the attempt is recorded against nothing.
  await recordAudit(
    db,
    { userId: null, authorityId: row?.authority_id ?? null, ip },
    { action: 'family.sign-in-failed', recordType: 'family-code', recordId: row?.id ?? null, details: { reason: row ? 'code-ended' : 'no-such-code' } },
  )
  return { refused: true } as const
}

async function startSession(context: FamilyContext, code: { id: string; authority_id: string }): Promise<string> {
  const sessionId = randomBytes(32).toString('base64url')
  const now = context.clock.now()
  await sessions.insertSession(context.db, { idHash: hashSessionId(sessionId), codeId: code.id, authorityId: code.authority_id, now })
  await codes.markUsed(context.db, code.id, now)
  return sessionId
}

/**
 * Signs in with a code and a word. A code that opens nothing is counted against the address; a
 * word takes its place in the code's counts first (every address's, then this one's), in a
 * transaction that locks them, and is checked only if the throttle allows.
 */
export async function familySignIn(context: FamilyContext, { code, word, ip }: { code: string; word: string; ip: string }): Promise<FamilySignInResult> {
  const { db, clock } = context
  const looked = await workingCode(context, code, ip)
  if ('wait' in looked) return { outcome: 'wait', until: looked.wait }
  if ('refused' in looked) return { outcome: 'refused' }
  const found = looked.found
  if (!found.word_hash) return { outcome: 'choose-word' }
  if (word.length === 0) return { outcome: 'word-needed' }

  const reservation = await db.transaction().execute(async (trx) => {
    const [everywhere, here] = await codes.lockGuessCounts(trx, found.id, [EVERY_ADDRESS, ip])
    const reserved = reserveFamilyGuess(wordCounters(context.policy.throttle, everywhere, here), clock.now())
    if (reserved.allowed) {
      const [everyCount, hereCount] = reserved.counts
      if (everyCount) await codes.saveGuessCount(trx, found.id, EVERY_ADDRESS, everyCount)
      if (hereCount) await codes.saveGuessCount(trx, found.id, ip, hereCount)
    }
    return reserved
  })
  const actor = { userId: null, authorityId: found.authority_id, ip }
  if (!reservation.allowed) {
    await recordAudit(db, actor, { action: 'family.sign-in-throttled', recordType: 'family-code', recordId: found.id, details: { reason: 'wrong-words' } })
    return { outcome: 'wait', until: reservation.until }
  }
  if (!(await verifyPassword(word, found.word_hash))) {
    await recordAudit(db, actor, { action: 'family.sign-in-failed', recordType: 'family-code', recordId: found.id, details: { reason: 'wrong-word' } })
    return { outcome: 'refused' }
  }
  // The right word clears this address's count; every address's runs its course, so the real
  // person signing in does not hand someone else guessing from elsewhere a fresh set of free tries.
  await codes.clearGuessCount(db, found.id, ip)
  const sessionId = await startSession(context, found)
  await recordAudit(db, actor, {
    action: 'family.signed-in',
    recordType: 'referral',
    recordId: found.referral_id,
    details: { codeId: found.id, by: 'code and word' },
  })
  return { outcome: 'signed-in', sessionId }
}

/**
 * At first use: the person chooses their word (checked against their name and date of birth), and
 * is signed in. If a word was chosen for the code meanwhile, theirs is not kept.
 */
export async function chooseWord(
  context: FamilyContext,
  { code, word, confirmation, ip }: { code: string; word: string; confirmation: string; ip: string },
): Promise<ChooseWordResult> {
  const looked = await workingCode(context, code, ip)
  if ('wait' in looked) return { outcome: 'wait', until: looked.wait }
  if ('refused' in looked) return { outcome: 'refused' }
  const found = looked.found
  if (found.word_hash) return { outcome: 'already-chosen' }
  const problem = wordProblem(word, confirmation, { givenName: found.given_name, familyName: found.family_name, dateOfBirth: found.date_of_birth })
  if (problem) return { outcome: 'problem', problem }
  const wordHash = await hashPassword(word)
  const kept = await context.db.transaction().execute(async (trx) => {
    const set = await codes.setWord(trx, found.id, wordHash, context.clock.now())
    if (set) {
      await recordAudit(
        trx,
        { userId: null, authorityId: found.authority_id, ip },
        { action: 'family.word-chosen', recordType: 'referral', recordId: found.referral_id, details: { codeId: found.id } },
      )
    }
    return set
  })
  if (!kept) return { outcome: 'already-chosen' }
  const sessionId = await startSession(context, found)
  await recordAudit(
    context.db,
    { userId: null, authorityId: found.authority_id, ip },
    { action: 'family.signed-in', recordType: 'referral', recordId: found.referral_id, details: { codeId: found.id, by: 'first use' } },
  )
  return { outcome: 'signed-in', sessionId }
}

/** Who a family session belongs to, if it is still signed in: its code still works, and it has not timed out. */
export async function resolveFamilySession(context: FamilyContext, sessionId: string): Promise<ResolvedFamilySession> {
  const { db, clock, policy } = context
  if (!isWellFormedFamilySessionId(sessionId)) return { status: 'none' }
  const row = await sessions.findSession(db, hashSessionId(sessionId))
  if (!row) return { status: 'none' }
  if (row.ended_at) return { status: row.end_reason === 'timed-out' ? 'timed-out' : 'none' }
  const now = clock.now()
  if (!codeWorks({ ended_at: row.code_ended_at, closed_at: row.closed_at }, now, policy)) {
    await sessions.endSession(db, row.id_hash, 'code-ended', now)
    return { status: 'none' }
  }
  const idle = now.getTime() - row.last_seen_at.getTime() > policy.idleMinutes * 60_000
  const tooOld = now.getTime() - row.created_at.getTime() > policy.absoluteHours * 3_600_000
  if (idle || tooOld) {
    await sessions.endSession(db, row.id_hash, 'timed-out', now)
    return { status: 'timed-out' }
  }
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) await sessions.touchSession(db, row.id_hash, now)
  return {
    status: 'active',
    member: {
      codeId: row.code_id,
      authorityId: row.authority_id,
      referralId: row.referral_id,
      personId: row.person_id,
      languages: row.preferred_languages ?? [],
    },
  }
}

export async function familySignOut(context: FamilyContext, sessionId: string, caller: FamilyCaller): Promise<void> {
  await sessions.endSession(context.db, hashSessionId(sessionId), 'signed-out', context.clock.now())
  await recordAudit(context.db, familyActor(caller), {
    action: 'family.signed-out',
    recordType: 'referral',
    recordId: caller.member.referralId,
    details: { codeId: caller.member.codeId },
  })
}

/** A job: forgets wrong-guess counts untouched for 30 days and sessions unused for a day. Safe to run twice. */
export async function forgetOldFamilySignIns(context: FamilyContext): Promise<number> {
  const now = context.clock.now().getTime()
  const counts = await codes.deleteGuessCountsBefore(context.db, new Date(now - 30 * 24 * 3_600_000))
  const old = await sessions.deleteSessionsLastSeenBefore(context.db, new Date(now - 24 * 3_600_000))
  return counts + old
}

export type FamilyAccessService = BoundService<
  {
    familySignIn: typeof familySignIn
    chooseWord: typeof chooseWord
    resolveFamilySession: typeof resolveFamilySession
    familySignOut: typeof familySignOut
    forgetOldFamilySignIns: typeof forgetOldFamilySignIns
  },
  FamilyContext
>
