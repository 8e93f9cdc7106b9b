import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { ForbiddenError } from '../../platform/errors.ts'
import { fullName } from '../../platform/people-names.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import { canSee } from '../referrals/steps.ts'
import type { Period } from './periods.ts'
import { figureName } from './quarterly-return.ts'
import { isDrillable, readsAdvocacyRecord, referralsBehind } from './reports-repository.ts'
import { windowOf } from './reports-service.ts'

/**
 * The service manager's drill-down (ADR 0032): from a referral figure of the quarterly return to the
 * referrals it counts. The list is selected with the figure's own where-clause over the figure's
 * own cohort (`reports-repository.ts`), so its length is the figure. Only a service manager may: the
 * analyst reads aggregates only. The referral's record access rule (`canSee`) is applied to every
 * row, the figures that read the advocacy record are for the advocacy service alone (ADR 7), and
 * each page of the list is audited as showing those referrals (`details.shown`, read by "who has
 * seen this record").
 */

/** Referrals on a page of the list. */
export const DRILL_PAGE_SIZE = 25

export interface ReferralsBehind {
  readonly figure: string
  readonly table: string
  readonly label: string
  readonly period: Period
  readonly total: number
  readonly page: number
  readonly pages: number
  readonly rows: readonly {
    readonly id: string
    readonly reference: string
    readonly personName: string
    readonly team: string | null
    readonly sentOn: string
  }[]
}

/** Whether this person may drill from a figure to its referrals: a service manager. */
export function mayDrill(_context: ServiceContext, caller: Caller): boolean {
  return hasRole(caller.user, 'service_manager')
}

/** Whether a figure of the return has a list of referrals behind it. */
export function isDrillableFigure(_context: ServiceContext, key: string): boolean {
  return isDrillable(key) && figureName(key) !== null
}

/** The referrals behind one figure of one period, a page at a time; null for a key that is no such figure. */
export async function referralsBehindFigure(
  context: ServiceContext,
  caller: Caller,
  figure: string,
  period: Period,
  page: number,
): Promise<ReferralsBehind | null> {
  if (!mayDrill(context, caller)) throw new ForbiddenError('Only service managers open the referrals behind a figure')
  const name = isDrillable(figure) ? figureName(figure) : null
  if (name === null) return null
  // The advocacy record is the advocacy service's alone (ADR 7): never drilled into from the authority's side.
  if (readsAdvocacyRecord(figure) && !hasRole(caller.user, 'advocacy_admin', 'service_manager'))
    throw new ForbiddenError('This figure comes from the advocacy record, which only the advocacy service reads')
  const authorityId = caller.user.authorityId
  const found = await referralsBehind(context.db, authorityId, windowOf(period), figure, {
    limit: DRILL_PAGE_SIZE,
    offset: (page - 1) * DRILL_PAGE_SIZE,
  })
  // Every referral of the cohort was sent, in the caller's authority: a service manager may open each (canSee). Checked row by row all the same.
  const rows = found.rows
    .filter((row) => canSee(caller.user, row))
    .map((row) => ({
      id: row.id,
      reference: row.reference,
      personName: fullName({ given_name: row.person_given_name, family_name: row.person_family_name }) || 'Not recorded',
      team: row.team,
      sentOn: londonDate(row.sent_at),
    }))
  await recordAudit(context.db, auditActorOf(caller), {
    action: 'report.referrals-listed',
    recordType: 'report',
    recordId: 'quarterly-return',
    details: { figure, period: period.key, page, total: found.total, shown: rows.map((row) => row.id) },
  })
  return {
    figure,
    table: name.table,
    label: name.figure,
    period,
    total: found.total,
    page,
    pages: Math.max(1, Math.ceil(found.total / DRILL_PAGE_SIZE)),
    rows,
  }
}
