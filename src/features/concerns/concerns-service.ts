import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { staffNames } from '../../platform/auth/staff-repository.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import { fullName } from '../../platform/people-names.ts'
import { londonDate } from '../../platform/time/clock.ts'
import type { ConcernAbout, ConcernState, ConcernStep } from '../../vocabulary/concerns.ts'
import { familyActor, type FamilyCaller } from '../family/family.ts'
import { notify, type NotificationsContext } from '../notifications/notifications-service.ts'
import { advocatesPerson } from '../referrals/advocacy-record/advocacy-record-service.ts'
import { concernRecipientCandidates, concernRulesFor } from '../settings/concern-rules-service.ts'
import { bankHolidaysFor } from '../settings/working-days.ts'
import { acknowledgeBy, deputyOf, isOverdue, mayAcknowledge, nextRecipient } from './concern-clock.ts'
import * as repository from './concerns-repository.ts'

/**
 * Safeguarding concerns (issue 11, ADR 25). A concern goes at once to the first person on the
 * authority's list (and its deputy is told), must be acknowledged within a number of working hours,
 * and passes to the next on the list when it is not; when the list runs out it goes to every service
 * manager and stays at the top of their work. It is never deleted. Who may read one: every service
 * manager, everyone on the list, and everyone it has reached; nobody else (not found).
 */

export type ConcernsContext = NotificationsContext

/** At most this many concerns from one family's way in an hour; after that, their words are added to the newest. */
export const FAMILY_CONCERNS_PER_HOUR = 3
/** At most this many posts (concerns and added words) from one family's way in an hour. */
export const FAMILY_POSTS_PER_HOUR = 10

const HOUR = 3_600_000

/** The staff notice: what kind of task and where, never who (ADR 20). */
function notice(authorityId: string, userId: string, concernId: string, key: string, by: Date | null) {
  return {
    authorityId,
    userId,
    kind: 'concern_raised' as const,
    key: `concern:${concernId}:${key}:${userId}`,
    about: 'A safeguarding concern needs acknowledging',
    link: `/concerns/${concernId}`,
    dueOn: by ? londonDate(by) : null,
  }
}

/** Every service manager, or every system admin when the authority has no service manager: never nobody. */
async function everyManager(trx: Queryable, authorityId: string): Promise<string[]> {
  const managers = await repository.activeStaffWithRole(trx, authorityId, 'service_manager')
  if (managers.length > 0) return managers.map((row) => row.id)
  return (await repository.activeStaffWithRole(trx, authorityId, 'system_admin')).map((row) => row.id)
}

/** Sends a concern to every service manager: the list has run out (or is empty). */
async function toEveryManager(context: ConcernsContext, trx: Queryable, authorityId: string, concernId: string, now: Date): Promise<void> {
  await repository.insertStep(trx, { concernId, authorityId, step: 'every_manager', at: now })
  for (const userId of await everyManager(trx, authorityId)) await notify(context, notice(authorityId, userId, concernId, 'every', null), trx)
}

interface Raising {
  readonly authorityId: string
  readonly referralId: string
  readonly personId: string | null
  readonly kind: 'family' | 'advocate'
  readonly raisedBy: string | null
  readonly familyCodeId: string | null
  readonly about: ConcernAbout
  readonly words: string | null
  readonly language: string
}

/** Raises a concern in `trx`: to the first on the list (and the deputy told), or to every service manager. */
async function raise(context: ConcernsContext, trx: Queryable, raising: Raising): Promise<string> {
  const now = context.clock.now()
  const { authorityId } = raising
  const [rules, candidates, holidays] = await Promise.all([
    concernRulesFor(context, authorityId, trx),
    concernRecipientCandidates(context, authorityId, trx),
    bankHolidaysFor(trx, authorityId),
  ])
  const canReceive = (userId: string) => candidates.some((candidate) => candidate.id === userId)
  const first = nextRecipient(rules.recipients, [], canReceive)
  const deputy = deputyOf(rules.recipients, first, canReceive)
  const by = first ? acknowledgeBy(now, rules.acknowledgeHours, holidays) : null
  const concernId = await repository.insertConcern(trx, {
    authority_id: authorityId,
    referral_id: raising.referralId,
    person_id: raising.personId,
    raised_by_kind: raising.kind,
    raised_by: raising.raisedBy,
    family_code_id: raising.familyCodeId,
    about: raising.about,
    words: raising.words,
    language: raising.language,
    raised_at: now,
    with_user_id: first,
    with_every_manager: first === null,
    acknowledge_by: by,
  })
  await repository.insertStep(trx, { concernId, authorityId, step: 'raised', by: raising.raisedBy, at: now })
  if (first) {
    await repository.insertStep(trx, { concernId, authorityId, step: 'sent', to: first, at: now })
    await notify(context, notice(authorityId, first, concernId, 'sent', by), trx)
    if (deputy) {
      await repository.insertStep(trx, { concernId, authorityId, step: 'told', to: deputy, at: now })
      await notify(context, notice(authorityId, deputy, concernId, 'told', by), trx)
    }
  } else await toEveryManager(context, trx, authorityId, concernId, now)
  return concernId
}

/** An advocate raises a concern from the page of a person they work with. */
export async function raiseAsAdvocate(
  context: ConcernsContext,
  caller: Caller,
  allocationId: string,
  concern: { about: ConcernAbout; words: string },
): Promise<{ concernId: string }> {
  if (!hasRole(caller.user, 'advocate')) throw new ForbiddenError('Only an advocate raises a concern from a person’s page')
  return context.db.transaction().execute(async (trx) => {
    const person = await advocatesPerson(context, caller, allocationId, trx)
    const concernId = await raise(context, trx, {
      authorityId: caller.user.authorityId,
      referralId: person.referralId,
      personId: person.personId,
      kind: 'advocate',
      raisedBy: caller.user.id,
      familyCodeId: null,
      about: concern.about,
      words: concern.words,
      language: 'en',
    })
    await recordAudit(trx, auditActorOf(caller), {
      action: 'concern.raised',
      recordType: 'concern',
      recordId: concernId,
      details: { referralId: person.referralId, by: 'advocate', about: concern.about },
    })
    return { concernId }
  })
}

/** The person an advocate is raising a concern about, for the form's heading. */
export async function concernFormFor(context: ConcernsContext, caller: Caller, allocationId: string): Promise<{ allocationId: string; name: string | null }> {
  const person = await advocatesPerson(context, caller, allocationId)
  return { allocationId: person.allocationId, name: person.name }
}

export type FamilyRaised = { readonly outcome: 'raised' | 'added' } | { readonly outcome: 'too-many' }

/**
 * A person raises a concern from their own pages, for their own referral. A flood from one way in is
 * held without losing the person: after a few concerns in an hour their words are added to the
 * newest one (no one is told twice); after that nothing more is taken that hour, and they are shown
 * the numbers to call. Nobody without their code and word can send from their way in.
 */
export async function raiseAsFamily(
  context: ConcernsContext,
  caller: FamilyCaller,
  concern: { about: ConcernAbout; words: string | null; language: string },
): Promise<FamilyRaised> {
  const { member } = caller
  const actor = familyActor(caller)
  return context.db.transaction().execute(async (trx) => {
    const since = new Date(context.clock.now().getTime() - HOUR)
    const posts = await repository.familyPostsSince(trx, member.authorityId, member.codeId, since)
    if (posts.concerns + posts.added >= FAMILY_POSTS_PER_HOUR) {
      await recordAudit(trx, actor, {
        action: 'concern.family-throttled',
        recordType: 'referral',
        recordId: member.referralId,
        details: { codeId: member.codeId },
      })
      return { outcome: 'too-many' as const }
    }
    const latest = posts.concerns >= FAMILY_CONCERNS_PER_HOUR ? await repository.latestOpenFamilyConcern(trx, member.authorityId, member.codeId) : undefined
    if (latest) {
      await repository.insertStep(trx, {
        concernId: latest.id,
        authorityId: member.authorityId,
        step: 'more_words',
        note: concern.words ?? `About: ${concern.about}`,
        at: context.clock.now(),
      })
      await recordAudit(trx, actor, { action: 'concern.words-added', recordType: 'concern', recordId: latest.id, details: { codeId: member.codeId } })
      return { outcome: 'added' as const }
    }
    const concernId = await raise(context, trx, {
      authorityId: member.authorityId,
      referralId: member.referralId,
      personId: member.personId,
      kind: 'family',
      raisedBy: null,
      familyCodeId: member.codeId,
      about: concern.about,
      words: concern.words,
      language: concern.language,
    })
    await recordAudit(trx, actor, {
      action: 'concern.raised',
      recordType: 'concern',
      recordId: concernId,
      details: { referralId: member.referralId, by: 'family', about: concern.about, codeId: member.codeId },
    })
    return { outcome: 'raised' as const }
  })
}

export interface FamilyConcernsView {
  readonly concerns: readonly { readonly raisedAt: Date; readonly state: ConcernState }[]
  readonly childrenServicesPhone: string | null
  /** How many working hours each person has to acknowledge it: what the person is told. */
  readonly acknowledgeHours: number
}

/** What a person sees of the concerns they raised: when, and where each stands; and the number to call. */
export async function familyConcerns(context: ConcernsContext, caller: FamilyCaller): Promise<FamilyConcernsView> {
  const { member } = caller
  const [rows, rules] = await Promise.all([
    repository.familyConcerns(context.db, member.authorityId, member.referralId, 20),
    concernRulesFor(context, member.authorityId),
  ])
  await recordAudit(context.db, familyActor(caller), {
    action: 'family.page-viewed',
    recordType: 'referral',
    recordId: member.referralId,
    details: { page: 'concern', codeId: member.codeId },
  })
  return {
    concerns: rows.map((row) => ({ raisedAt: row.raised_at, state: row.state })),
    childrenServicesPhone: rules.childrenServicesPhone,
    acknowledgeHours: rules.acknowledgeHours,
  }
}

/** Whether the caller may read concerns at all, and this one: a service manager, someone on the list, someone it reached. */
async function readable(context: ConcernsContext, trx: Queryable, caller: Caller, concernId: string, options: { forUpdate?: boolean } = {}) {
  const authorityId = caller.user.authorityId
  const row = isId(concernId) ? await repository.findConcern(trx, authorityId, concernId, options) : undefined
  if (!row) throw new NotFoundError('No such concern')
  const [{ reached }, rules] = await Promise.all([repository.reachedBy(trx, authorityId, concernId), concernRulesFor(context, authorityId, trx)])
  const isManager = hasRole(caller.user, 'service_manager')
  if (!isManager && !rules.recipients.includes(caller.user.id) && !reached.includes(caller.user.id)) throw new NotFoundError('No such concern')
  return { row, reached, isManager }
}

/** Refuses (not found) a caller who may not read this concern, before their form is even read: a form never tells them more. */
export async function concernOpenTo(context: ConcernsContext, caller: Caller, concernId: string): Promise<void> {
  await readable(context, context.db, caller, concernId)
}

/** Whether the caller may see the list of concerns: every service manager, and everyone on the list. */
async function readsConcerns(context: ConcernsContext, caller: Caller): Promise<boolean> {
  if (hasRole(caller.user, 'service_manager')) return true
  return (await concernRulesFor(context, caller.user.authorityId)).recipients.includes(caller.user.id)
}

export interface ConcernStepView {
  readonly step: ConcernStep
  readonly at: Date
  readonly to: string | null
  readonly by: string | null
  readonly note: string | null
}

export interface ConcernView {
  readonly id: string
  readonly reference: string
  readonly person: string
  readonly about: ConcernAbout
  readonly raisedByKind: 'family' | 'advocate'
  readonly raisedBy: string | null
  readonly raisedAt: Date
  readonly words: string | null
  readonly language: string
  readonly state: ConcernState
  readonly withName: string | null
  readonly withEveryManager: boolean
  readonly acknowledgeBy: Date | null
  readonly overdue: boolean
  readonly acknowledgedBy: string | null
  readonly acknowledgedAt: Date | null
  readonly plan: string | null
  readonly closedBy: string | null
  readonly closedAt: Date | null
  readonly outcome: string | null
  readonly version: number
  readonly mayAcknowledge: boolean
  readonly mayClose: boolean
  readonly steps: readonly ConcernStepView[]
}

/** One concern, with every step it took, for those who may read it (audited). */
export async function concernFor(context: ConcernsContext, caller: Caller, concernId: string): Promise<ConcernView> {
  const { row, reached, isManager } = await readable(context, context.db, caller, concernId)
  const authorityId = caller.user.authorityId
  const [steps, names] = await Promise.all([
    repository.stepsOf(context.db, authorityId, row.id),
    staffNames(
      context.db,
      authorityId,
      [row.raised_by, row.with_user_id, row.acknowledged_by, row.closed_by].filter((id): id is string => id !== null),
    ),
  ])
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null)
  const may = mayAcknowledge(caller.user.id, { reached, withEveryManager: row.with_every_manager }, isManager)
  await recordAudit(context.db, auditActorOf(caller), {
    action: 'concern.viewed',
    recordType: 'concern',
    recordId: row.id,
    details: { referralId: row.referral_id },
  })
  return {
    id: row.id,
    reference: row.reference,
    person: fullName(row),
    about: row.about,
    raisedByKind: row.raised_by_kind,
    raisedBy: nameOf(row.raised_by),
    raisedAt: row.raised_at,
    words: row.words,
    language: row.language,
    state: row.state,
    withName: nameOf(row.with_user_id),
    withEveryManager: row.with_every_manager,
    acknowledgeBy: row.acknowledge_by,
    overdue: row.state === 'open' && isOverdue(row.acknowledge_by, context.clock.now()),
    acknowledgedBy: nameOf(row.acknowledged_by),
    acknowledgedAt: row.acknowledged_at,
    plan: row.plan,
    closedBy: nameOf(row.closed_by),
    closedAt: row.closed_at,
    outcome: row.outcome,
    version: row.version,
    mayAcknowledge: row.state === 'open' && may,
    mayClose: row.state === 'acknowledged' && (may || row.acknowledged_by === caller.user.id || isManager),
    steps: steps.map((step) => ({ step: step.step, at: step.at, to: step.to_name, by: step.by_name, note: step.note })),
  }
}

/** Someone else moved the concern on first: say who, and when. */
async function movedOn(trx: Queryable, authorityId: string, concernId: string): Promise<never> {
  const now = await repository.findConcern(trx, authorityId, concernId)
  const who = now?.closed_by ?? now?.acknowledged_by ?? null
  const name = who ? (await staffNames(trx, authorityId, [who])).get(who) : undefined
  throw new ConflictError('Someone else changed this concern since you opened it', name ?? null, now?.closed_at ?? now?.acknowledged_at ?? null)
}

/** The person it is with (or anyone it reached) acknowledges it, saying what they will do. Of two at once, one wins. */
export async function acknowledgeConcern(context: ConcernsContext, caller: Caller, concernId: string, plan: string, version: number): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const { row, reached, isManager } = await readable(context, trx, caller, concernId, { forUpdate: true })
    if (row.version !== version || row.state !== 'open') return movedOn(trx, caller.user.authorityId, row.id)
    if (!mayAcknowledge(caller.user.id, { reached, withEveryManager: row.with_every_manager }, isManager))
      throw new ForbiddenError('This concern is with someone else')
    const now = context.clock.now()
    const moved = await repository.updateConcern(trx, caller.user.authorityId, row.id, version, {
      state: 'acknowledged',
      acknowledgedBy: caller.user.id,
      acknowledgedAt: now,
      plan,
    })
    if (!moved) return movedOn(trx, caller.user.authorityId, row.id)
    await repository.insertStep(trx, { concernId: row.id, authorityId: row.authority_id, step: 'acknowledged', by: caller.user.id, note: plan, at: now })
    await recordAudit(trx, auditActorOf(caller), {
      action: 'concern.acknowledged',
      recordType: 'concern',
      recordId: row.id,
      details: { referralId: row.referral_id },
    })
  })
}

/** Closes an acknowledged concern with what was done. */
export async function closeConcern(context: ConcernsContext, caller: Caller, concernId: string, outcome: string, version: number): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const { row, reached, isManager } = await readable(context, trx, caller, concernId, { forUpdate: true })
    if (row.version !== version || row.state !== 'acknowledged') return movedOn(trx, caller.user.authorityId, row.id)
    const may = mayAcknowledge(caller.user.id, { reached, withEveryManager: row.with_every_manager }, isManager)
    if (!may && row.acknowledged_by !== caller.user.id && !isManager) throw new ForbiddenError('This concern is with someone else')
    const now = context.clock.now()
    const moved = await repository.updateConcern(trx, caller.user.authorityId, row.id, version, {
      state: 'closed',
      closedBy: caller.user.id,
      closedAt: now,
      outcome,
    })
    if (!moved) return movedOn(trx, caller.user.authorityId, row.id)
    await repository.insertStep(trx, { concernId: row.id, authorityId: row.authority_id, step: 'closed', by: caller.user.id, note: outcome, at: now })
    await recordAudit(trx, auditActorOf(caller), {
      action: 'concern.closed',
      recordType: 'concern',
      recordId: row.id,
      details: { referralId: row.referral_id },
    })
  })
}

export interface ConcernListItem {
  readonly id: string
  readonly reference: string
  readonly person: string
  readonly about: ConcernAbout
  readonly state: ConcernState
  readonly raisedByKind: 'family' | 'advocate'
  readonly raisedAt: Date
  readonly acknowledgeBy: Date | null
  readonly overdue: boolean
  readonly withName: string | null
  readonly withEveryManager: boolean
}

function listItems(context: ConcernsContext, rows: Awaited<ReturnType<typeof repository.concernsWaiting>>): ConcernListItem[] {
  const now = context.clock.now()
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    person: fullName(row),
    about: row.about,
    state: row.state,
    raisedByKind: row.raised_by_kind,
    raisedAt: row.raised_at,
    acknowledgeBy: row.acknowledge_by,
    overdue: row.state === 'open' && isOverdue(row.acknowledge_by, now),
    withName: row.with_name,
    withEveryManager: row.with_every_manager,
  }))
}

async function recordListed(context: ConcernsContext, caller: Caller, list: 'worktray' | 'all', items: readonly ConcernListItem[]) {
  if (items.length === 0) return
  await recordAudit(context.db, auditActorOf(caller), {
    action: 'concern.listed',
    recordType: 'concern',
    details: { list, shown: items.map((item) => item.id) },
  })
}

/** The concerns at the top of the caller's work: not closed, and reached them (or every service manager). */
export async function concernsWaiting(context: ConcernsContext, caller: Caller): Promise<readonly ConcernListItem[]> {
  const rows = await repository.concernsWaiting(context.db, caller.user.authorityId, caller.user.id, hasRole(caller.user, 'service_manager'), 50)
  const items = listItems(context, rows)
  await recordListed(context, caller, 'worktray', items)
  return items
}

/** Every concern not closed, and those closed in the last 30 days: for service managers and the people on the list. */
export async function allConcerns(context: ConcernsContext, caller: Caller): Promise<readonly ConcernListItem[]> {
  if (!(await readsConcerns(context, caller))) throw new ForbiddenError('Concerns are for the service managers and the people who receive them')
  const since = new Date(context.clock.now().getTime() - 30 * 24 * HOUR)
  const items = listItems(context, await repository.concernsOfAuthority(context.db, caller.user.authorityId, since, 200))
  await recordListed(context, caller, 'all', items)
  return items
}

/**
 * The `escalate-concerns` job (ADR 20): each concern not acknowledged in time goes to the next person
 * on the list, with the same time again; when the list runs out, to every service manager, where it
 * stays. Each concern in its own transaction, re-checked under its lock, so running twice (or in two
 * processes) passes nothing on twice. Returns how many it passed on.
 */
export async function escalateOverdueConcerns(context: ConcernsContext): Promise<number> {
  const due = await repository.overdueConcerns(context.db, context.clock.now(), 100)
  let passed = 0
  for (const { id, authority_id: authorityId } of due) {
    const moved = await context.db.transaction().execute(async (trx) => {
      const row = await repository.findConcern(trx, authorityId, id, { forUpdate: true })
      const now = context.clock.now()
      if (!row || row.state !== 'open' || row.with_every_manager || !isOverdue(row.acknowledge_by, now)) return false
      const [{ held }, rules, candidates, holidays] = await Promise.all([
        repository.reachedBy(trx, authorityId, id),
        concernRulesFor(context, authorityId, trx),
        concernRecipientCandidates(context, authorityId, trx),
        bankHolidaysFor(trx, authorityId),
      ])
      // The next on the list who has not held it (the deputy was only told, so is next in turn).
      const next = nextRecipient(rules.recipients, held, (userId) => candidates.some((candidate) => candidate.id === userId))
      if (next) {
        const by = acknowledgeBy(now, rules.acknowledgeHours, holidays)
        await repository.updateConcern(trx, authorityId, id, row.version, { withUserId: next, acknowledgeBy: by })
        await repository.insertStep(trx, { concernId: id, authorityId, step: 'escalated', to: next, at: now })
        await notify(context, notice(authorityId, next, id, 'escalated', by), trx)
      } else {
        await repository.updateConcern(trx, authorityId, id, row.version, { withUserId: null, withEveryManager: true, acknowledgeBy: null })
        await toEveryManager(context, trx, authorityId, id, now)
      }
      await recordAudit(
        trx,
        { userId: null, authorityId, ip: null },
        { action: 'concern.escalated', recordType: 'concern', recordId: id, details: { to: next ? 'next' : 'every-manager' } },
      )
      return true
    })
    if (moved) passed += 1
  }
  return passed
}
