import { recordAudit } from '../../../platform/audit/audit.ts'
import type { Caller } from '../../../platform/auth/roles.ts'
import { staffNames } from '../../../platform/auth/staff-repository.ts'
import { ConflictError, ForbiddenError } from '../../../platform/errors.ts'
import type { ServiceContext } from '../../../platform/service-context.ts'
import { notForFamilyQuestions, type NotForFamilyQuestion } from '../../../vocabulary/referrals.ts'
import type { ReferralRow } from '../referral-repository.ts'
import { actorOf, editReferral, loadReferral } from '../steps.ts'
import { notForFamily } from './questions.ts'
import { findSectionOne, markNotForFamily, notForFamilyOf } from './section-one-repository.ts'

/**
 * "Not for the family": the referrer marks Section 1 answers that the person must not read on their
 * own pages (a concern that would put someone at risk if read at home). Only the referral's own
 * referrer marks them, at any point; the family's pages leave them out and say that some parts are
 * not shown. The marks are kept on Section 1's row, so they take its version (ADR 21).
 */

function mustBeItsReferrer(caller: Caller, row: ReferralRow): void {
  if (row.referrer_id !== caller.user.id) throw new ForbiddenError('Only the referrer marks what the family may not read')
}

export interface NotForFamilyView {
  readonly answers: readonly { readonly name: NotForFamilyQuestion; readonly label: string; readonly text: string }[]
  readonly marked: readonly NotForFamilyQuestion[]
  readonly version: number
}

/** Each written answer of Section 1 (those given), and which are marked now. */
export async function notForFamilyPage(context: ServiceContext, caller: Caller, referralId: string): Promise<NotForFamilyView> {
  return context.db.transaction().execute(async (trx) => {
    const row = await loadReferral(trx, caller, referralId)
    mustBeItsReferrer(caller, row)
    const [answers, marks] = await Promise.all([findSectionOne(trx, row.authority_id, row.id), notForFamilyOf(trx, row.authority_id, row.id)])
    await recordAudit(trx, actorOf(caller), { action: 'referral.viewed', recordType: 'referral', recordId: row.id, details: { page: 'not-for-family' } })
    return {
      answers: notForFamily.flatMap((name) => {
        const text = answers?.[name]
        return typeof text === 'string' && text.trim() ? [{ name, label: notForFamilyQuestions.labels[name], text }] : []
      }),
      marked: marks?.marked ?? [],
      version: marks?.version ?? 0,
    }
  })
}

/** Marks these answers (and no others) as not for the family, unless someone changed Section 1 since `version`. */
export async function markNotForFamilyAnswers(
  context: ServiceContext,
  caller: Caller,
  referralId: string,
  marked: readonly NotForFamilyQuestion[],
  version: number,
): Promise<void> {
  await editReferral(context, caller, referralId, async (trx, row) => {
    mustBeItsReferrer(caller, row)
    const kept = notForFamily.filter((name) => marked.includes(name))
    const saved = await markNotForFamily(trx, row.authority_id, row.id, version, kept, { userId: caller.user.id, now: context.clock.now() })
    if (!saved) {
      const current = await findSectionOne(trx, row.authority_id, row.id)
      const by = current?.updatedBy ? (await staffNames(trx, row.authority_id, [current.updatedBy])).get(current.updatedBy) : undefined
      throw new ConflictError('Someone else saved Section 1 since you opened it', by ?? null, current?.updatedAt ?? null)
    }
    // Which answers, never what they say.
    await recordAudit(trx, actorOf(caller), { action: 'referral.not-for-family-marked', recordType: 'referral', recordId: row.id, details: { marked: kept } })
  })
}
