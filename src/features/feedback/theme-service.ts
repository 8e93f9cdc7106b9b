import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { ConflictError, ForbiddenError, NotFoundError, WorkflowRefusedError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import type { Clock } from '../../platform/time/clock.ts'
import type { Channel } from './questionnaire.ts'
import { STARTING_THEMES, tidyThemeName } from './themes.ts'
import * as repository from './themes-repository.ts'

/**
 * The themes the advocacy service keeps for the participation group, and coding each free-text
 * answer with them (issue 11): kept and used by the advocacy admins and service managers, the only
 * staff who read families' words. A theme is renamed or retired, never deleted, so an answer coded
 * with it keeps it; each change is versioned and audited.
 */

export class ThemeNameTakenError extends Error {
  override name = 'ThemeNameTakenError'
}

function requireWordsReader(caller: Caller): void {
  if (!hasRole(caller.user, 'advocacy_admin', 'service_manager')) throw new ForbiddenError('Only the advocacy service reads and codes families’ words')
}

export interface Theme {
  readonly id: string
  readonly name: string
  readonly retired: boolean
  readonly version: number
  /** How many answers are coded with it. */
  readonly coded: number
}

async function listOf(db: Queryable, clock: Clock, authorityId: string): Promise<Theme[]> {
  // The first time a service opens its themes, it is given a list to start from (once: a retired theme still counts).
  if (!(await repository.hasAnyTheme(db, authorityId))) await repository.seedThemes(db, authorityId, STARTING_THEMES, clock.now())
  return (await repository.listThemes(db, authorityId)).map((row) => ({
    id: row.id,
    name: row.name,
    retired: row.retired_at !== null,
    version: row.version,
    coded: Number(row.coded ?? 0),
  }))
}

/** The service's themes, in use first, then retired. */
export async function themesFor(context: ServiceContext, caller: Caller): Promise<Theme[]> {
  requireWordsReader(caller)
  return listOf(context.db, context.clock, caller.user.authorityId)
}

export async function addTheme(context: ServiceContext, caller: Caller, name: string): Promise<string> {
  requireWordsReader(caller)
  const tidy = tidyThemeName(name)
  return context.db.transaction().execute(async (trx) => {
    if (await repository.themeNameTaken(trx, caller.user.authorityId, tidy)) throw new ThemeNameTakenError('There is already a theme with that name')
    const id = await repository.insertTheme(trx, caller.user.authorityId, tidy, caller.user.id, context.clock.now())
    await recordAudit(trx, auditActorOf(caller), { action: 'feedback.theme-added', recordType: 'feedback_theme', recordId: id })
    return id
  })
}

export async function themeFor(context: ServiceContext, caller: Caller, themeId: string): Promise<Theme> {
  requireWordsReader(caller)
  const theme = (await listOf(context.db, context.clock, caller.user.authorityId)).find((one) => one.id === themeId)
  if (!isId(themeId) || !theme) throw new NotFoundError('No such theme')
  return theme
}

/** Renames a theme, retires it or brings it back, if nobody saved it since `version`. */
export async function changeTheme(
  context: ServiceContext,
  caller: Caller,
  themeId: string,
  change: { readonly name: string; readonly retired: boolean; readonly version: number },
): Promise<void> {
  requireWordsReader(caller)
  const { db, clock } = context
  const tidy = tidyThemeName(change.name)
  await db.transaction().execute(async (trx) => {
    const row = isId(themeId) ? await repository.findTheme(trx, caller.user.authorityId, themeId) : undefined
    if (!row) throw new NotFoundError('No such theme')
    if (await repository.themeNameTaken(trx, caller.user.authorityId, tidy, row.id)) throw new ThemeNameTakenError('There is already a theme with that name')
    const saved = await repository.updateTheme(trx, caller.user.authorityId, row.id, change.version, {
      name: tidy,
      retired: change.retired,
      by: caller.user.id,
      at: clock.now(),
    })
    if (!saved) throw new ConflictError('Someone else changed this theme since you opened the page', null, row.updated_at)
    await recordAudit(trx, auditActorOf(caller), {
      action: 'feedback.theme-changed',
      recordType: 'feedback_theme',
      recordId: row.id,
      details: { renamed: tidy !== row.name, retired: change.retired },
    })
  })
}

export interface AnswerToCode {
  readonly id: string
  readonly text: string
  readonly worrying: readonly string[]
  readonly givenAt: Date
  readonly channel: Channel
  readonly referralId: string
  readonly reference: string
  /** What the person answered to "Can we use your words?", if they were asked. */
  readonly personMayQuote: 'yes' | 'no' | null
  readonly mayQuote: 'yes' | 'no' | null
  readonly quote: string | null
  readonly themeIds: readonly string[]
  readonly codedBy: string | null
  readonly codedAt: Date | null
  /** The coding's version the page was opened at (0: not coded yet). */
  readonly version: number
  /** The themes to choose from: those in use, and any retired one this answer already has. */
  readonly themes: readonly Theme[]
}

/** One free-text answer, to code: for the advocacy service only; "not found" for an answer of another authority or without words. */
export async function answerForCoding(context: ServiceContext, caller: Caller, responseId: string): Promise<AnswerToCode> {
  requireWordsReader(caller)
  const { db } = context
  const row = isId(responseId) ? await repository.answerToCode(db, caller.user.authorityId, responseId) : undefined
  if (!row) throw new NotFoundError('No such answer')
  const themeIds = (await repository.themesOfAnswers(db, caller.user.authorityId, [row.id])).map((theme) => theme.id)
  const themes = (await listOf(db, context.clock, caller.user.authorityId)).filter((theme) => !theme.retired || themeIds.includes(theme.id))
  await recordAudit(db, auditActorOf(caller), {
    action: 'feedback.words-viewed',
    recordType: 'referral',
    recordId: row.referral_id,
    details: { response: row.id },
  })
  return {
    id: row.id,
    text: row.better ?? '',
    worrying: row.worrying_words,
    givenAt: row.given_at,
    channel: row.channel,
    referralId: row.referral_id,
    reference: row.reference,
    personMayQuote: row.person_may_quote,
    mayQuote: row.may_quote,
    quote: row.quote,
    themeIds,
    codedBy: row.coded_by_name,
    codedAt: row.coded_at,
    version: row.version ?? 0,
    themes,
  }
}

/**
 * Codes an answer with themes, and records whether the person agreed their words may be quoted and
 * the words as they may be quoted (names and anything that would identify anyone taken out). If
 * someone coded it since the page was opened, nothing is saved and the caller is told who.
 */
export async function codeAnswer(
  context: ServiceContext,
  caller: Caller,
  responseId: string,
  coding: { readonly themeIds: readonly string[]; readonly mayQuote: 'yes' | 'no' | null; readonly quote: string | null; readonly version: number },
): Promise<void> {
  requireWordsReader(caller)
  const { db, clock } = context
  await db.transaction().execute(async (trx) => {
    const row = isId(responseId) ? await repository.answerToCode(trx, caller.user.authorityId, responseId) : undefined
    if (!row) throw new NotFoundError('No such answer')
    const had = (await repository.themesOfAnswers(trx, caller.user.authorityId, [row.id])).map((theme) => theme.id)
    const usable = new Set(
      (await listOf(trx, clock, caller.user.authorityId)).filter((theme) => !theme.retired || had.includes(theme.id)).map((theme) => theme.id),
    )
    const themeIds = [...new Set(coding.themeIds)]
    if (themeIds.some((id) => !usable.has(id))) throw new WorkflowRefusedError('Choose themes from the list')
    if (coding.mayQuote === 'yes' && !coding.quote) throw new WorkflowRefusedError('Enter the words that may be quoted')
    const saved = await repository.saveCoding(trx, {
      responseId: row.id,
      authorityId: caller.user.authorityId,
      version: coding.version,
      themeIds,
      mayQuote: coding.mayQuote,
      quote: coding.mayQuote === 'yes' ? coding.quote : null,
      by: caller.user.id,
      at: clock.now(),
    })
    if (!saved) {
      const last = await repository.lastCoding(trx, row.id)
      throw new ConflictError('Someone else coded this answer since you opened the page', last?.coded_by_name ?? null, last?.coded_at ?? null)
    }
    await recordAudit(trx, auditActorOf(caller), {
      action: 'feedback.coded',
      recordType: 'referral',
      recordId: row.referral_id,
      details: { response: row.id, themes: themeIds.length, mayQuote: coding.mayQuote },
    })
  })
}
