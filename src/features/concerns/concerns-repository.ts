import { sql } from 'kysely'
import type { NewRow, Queryable } from '../../platform/db/schema.ts'
import type { ConcernStep } from '../../vocabulary/concerns.ts'

/**
 * The concerns feature's tables, `concern` and `concern_step` (only this file writes them), and what
 * its pages read of the referral, its person and the staff in joins. A concern is never deleted: no
 * query here deletes, and the database refuses it.
 */

export async function insertConcern(db: Queryable, row: NewRow<'concern'>): Promise<string> {
  const inserted = await db.insertInto('concern').values(row).returning('id').executeTakeFirstOrThrow()
  return inserted.id
}

export async function insertStep(
  db: Queryable,
  step: { concernId: string; authorityId: string; step: ConcernStep; to?: string | null; by?: string | null; note?: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('concern_step')
    .values({
      concern_id: step.concernId,
      authority_id: step.authorityId,
      step: step.step,
      to_user_id: step.to ?? null,
      by_user_id: step.by ?? null,
      note: step.note ?? null,
      at: step.at,
    })
    .execute()
}

/** One concern of the authority, with its person's name and its referral's reference; locked when asked. */
export async function findConcern(db: Queryable, authorityId: string, concernId: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('concern')
    .innerJoin('referral', 'referral.id', 'concern.referral_id')
    .leftJoin('person', 'person.id', 'concern.person_id')
    .selectAll('concern')
    .select(['referral.reference', 'person.given_name', 'person.family_name'])
    .where('concern.authority_id', '=', authorityId)
    .where('concern.id', '=', concernId)
  if (options.forUpdate) query = query.forUpdate('concern')
  return query.executeTakeFirst()
}

export type ConcernRow = NonNullable<Awaited<ReturnType<typeof findConcern>>>

/** Everyone a concern has reached so far (sent to, told, passed to), in order; and those who have held it (sent to, passed to). */
export async function reachedBy(db: Queryable, authorityId: string, concernId: string): Promise<{ reached: string[]; held: string[] }> {
  const rows = await db
    .selectFrom('concern_step')
    .select(['to_user_id', 'step'])
    .where('authority_id', '=', authorityId)
    .where('concern_id', '=', concernId)
    .where('step', 'in', ['sent', 'told', 'escalated'])
    .where('to_user_id', 'is not', null)
    .orderBy('id')
    .execute()
  const ids = (steps: readonly string[]) => [...new Set(rows.flatMap((row) => (row.to_user_id && steps.includes(row.step) ? [row.to_user_id] : [])))]
  return { reached: ids(['sent', 'told', 'escalated']), held: ids(['sent', 'escalated']) }
}

/** A concern's steps, oldest first, with the names of who took them and who they went to. */
export async function stepsOf(db: Queryable, authorityId: string, concernId: string) {
  return db
    .selectFrom('concern_step')
    .leftJoin('app_user as to_user', 'to_user.id', 'concern_step.to_user_id')
    .leftJoin('app_user as by_user', 'by_user.id', 'concern_step.by_user_id')
    .select([
      'concern_step.id',
      'concern_step.step',
      'concern_step.note',
      'concern_step.at',
      'to_user.display_name as to_name',
      'by_user.display_name as by_name',
    ])
    .where('concern_step.authority_id', '=', authorityId)
    .where('concern_step.concern_id', '=', concernId)
    .orderBy('concern_step.id')
    .execute()
}

/**
 * Moves a concern on from `version`, in one statement; false when it had moved on already (someone
 * else acknowledged or closed it first, or the job passed it on).
 */
export async function updateConcern(
  db: Queryable,
  authorityId: string,
  concernId: string,
  version: number,
  change: {
    state?: 'open' | 'acknowledged' | 'closed'
    withUserId?: string | null
    withEveryManager?: boolean
    acknowledgeBy?: Date | null
    acknowledgedBy?: string
    acknowledgedAt?: Date
    plan?: string
    closedBy?: string
    closedAt?: Date
    outcome?: string
  },
): Promise<boolean> {
  const updated = await db
    .updateTable('concern')
    .set({
      ...(change.state !== undefined ? { state: change.state } : {}),
      ...(change.withUserId !== undefined ? { with_user_id: change.withUserId } : {}),
      ...(change.withEveryManager !== undefined ? { with_every_manager: change.withEveryManager } : {}),
      ...(change.acknowledgeBy !== undefined ? { acknowledge_by: change.acknowledgeBy } : {}),
      ...(change.acknowledgedBy !== undefined ? { acknowledged_by: change.acknowledgedBy } : {}),
      ...(change.acknowledgedAt !== undefined ? { acknowledged_at: change.acknowledgedAt } : {}),
      ...(change.plan !== undefined ? { plan: change.plan } : {}),
      ...(change.closedBy !== undefined ? { closed_by: change.closedBy } : {}),
      ...(change.closedAt !== undefined ? { closed_at: change.closedAt } : {}),
      ...(change.outcome !== undefined ? { outcome: change.outcome } : {}),
      version: sql<number>`version + 1`,
    })
    .where('authority_id', '=', authorityId)
    .where('id', '=', concernId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
  return updated !== undefined
}

/** Concerns waiting to be acknowledged whose time has run out, in every authority, oldest due first. */
export async function overdueConcerns(db: Queryable, now: Date, limit: number) {
  return db
    .selectFrom('concern')
    .select(['id', 'authority_id'])
    .where('state', '=', 'open')
    .where('with_every_manager', '=', false)
    .where('acknowledge_by', '<=', now)
    .orderBy('acknowledge_by')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/**
 * The concerns a member of staff sees at the top of their work: not closed, and either reached them
 * or (once the list ran out) with every service manager, when they are one. Waiting ones first, the
 * soonest due first.
 */
export async function concernsWaiting(db: Queryable, authorityId: string, userId: string, isServiceManager: boolean, limit: number) {
  return concernList(db, authorityId)
    .where('concern.state', '!=', 'closed')
    .where((where) =>
      where.or([
        where.exists(
          where
            .selectFrom('concern_step')
            .select('concern_step.id')
            .whereRef('concern_step.concern_id', '=', 'concern.id')
            .where('concern_step.to_user_id', '=', userId)
            .where('concern_step.step', 'in', ['sent', 'told', 'escalated']),
        ),
        ...(isServiceManager ? [where('concern.with_every_manager', '=', true)] : []),
      ]),
    )
    .limit(limit)
    .execute()
}

/** Every concern of the authority not closed, and those closed since `closedSince`: the list for those who read concerns. */
export async function concernsOfAuthority(db: Queryable, authorityId: string, closedSince: Date, limit: number) {
  return concernList(db, authorityId)
    .where((where) => where.or([where('concern.state', '!=', 'closed'), where('concern.closed_at', '>=', closedSince)]))
    .limit(limit)
    .execute()
}

function concernList(db: Queryable, authorityId: string) {
  return db
    .selectFrom('concern')
    .innerJoin('referral', 'referral.id', 'concern.referral_id')
    .leftJoin('person', 'person.id', 'concern.person_id')
    .leftJoin('app_user as with_user', 'with_user.id', 'concern.with_user_id')
    .select([
      'concern.id',
      'concern.state',
      'concern.about',
      'concern.raised_by_kind',
      'concern.raised_at',
      'concern.acknowledge_by',
      'concern.with_every_manager',
      'referral.reference',
      'person.given_name',
      'person.family_name',
      'with_user.display_name as with_name',
    ])
    .where('concern.authority_id', '=', authorityId)
    .orderBy(sql`case concern.state when 'open' then 0 when 'acknowledged' then 1 else 2 end`)
    .orderBy(sql`concern.with_every_manager desc`)
    .orderBy('concern.acknowledge_by')
    .orderBy('concern.raised_at', 'desc')
    .orderBy('concern.id')
}

/** The concerns a family raised from their own pages for their referral, newest first: only their state. */
export async function familyConcerns(db: Queryable, authorityId: string, referralId: string, limit: number) {
  return db
    .selectFrom('concern')
    .select(['id', 'state', 'raised_at'])
    .where('authority_id', '=', authorityId)
    .where('referral_id', '=', referralId)
    .where('raised_by_kind', '=', 'family')
    .orderBy('raised_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** What a family's way in has sent since `since`: new concerns, and words added to one. */
export async function familyPostsSince(db: Queryable, authorityId: string, codeId: string, since: Date) {
  const concerns = await db
    .selectFrom('concern')
    .select(sql<number>`count(*)::integer`.as('count'))
    .where('authority_id', '=', authorityId)
    .where('family_code_id', '=', codeId)
    .where('raised_at', '>=', since)
    .executeTakeFirstOrThrow()
  const added = await db
    .selectFrom('concern_step')
    .innerJoin('concern', 'concern.id', 'concern_step.concern_id')
    .select(sql<number>`count(*)::integer`.as('count'))
    .where('concern_step.authority_id', '=', authorityId)
    .where('concern.family_code_id', '=', codeId)
    .where('concern_step.step', '=', 'more_words')
    .where('concern_step.at', '>=', since)
    .executeTakeFirstOrThrow()
  return { concerns: concerns.count, added: added.count }
}

/** The newest concern a family's way in raised that is not closed, to add more words to. */
export async function latestOpenFamilyConcern(db: Queryable, authorityId: string, codeId: string) {
  return db
    .selectFrom('concern')
    .select(['id', 'referral_id'])
    .where('authority_id', '=', authorityId)
    .where('family_code_id', '=', codeId)
    .where('state', '!=', 'closed')
    .orderBy('raised_at', 'desc')
    .orderBy('id')
    .executeTakeFirst()
}

/** The authority's active staff with a role, by name: every service manager, when a concern's list runs out. */
export async function activeStaffWithRole(db: Queryable, authorityId: string, role: 'service_manager' | 'system_admin') {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('authority_id', '=', authorityId)
    .where('active', '=', true)
    .where(sql<boolean>`${role} = any(roles)`)
    .orderBy('display_name')
    .orderBy('id')
    .execute()
}
