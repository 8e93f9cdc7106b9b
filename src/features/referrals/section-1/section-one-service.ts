import { recordAudit } from '../../../platform/audit/audit.ts'
import type { Caller } from '../../../platform/auth/roles.ts'
import { staffNames } from '../../../platform/auth/staff-repository.ts'
import { ConflictError } from '../../../platform/errors.ts'
import type { ServiceContext } from '../../../platform/service-context.ts'
import { londonDate } from '../../../platform/time/clock.ts'
import { actorOf, editReferral, factsOf, requireStep } from '../steps.ts'
import { missingAnswers, settled, type MissingAnswer, type SectionOneAnswers } from './questions.ts'
import { findSectionOne, updateSectionOne } from './section-one-repository.ts'

/**
 * Saves Section 1 (complete or not), unless someone else saved it since `version`, and says what is
 * still missing. Follow-ups to a question answered the other way are cleared (`settled`).
 */
export async function saveSectionOne(
  context: ServiceContext,
  caller: Caller,
  referralId: string,
  answers: SectionOneAnswers,
  version: number,
): Promise<{ missing: MissingAnswer[] }> {
  return editReferral(context, caller, referralId, async (trx, row) => {
    requireStep('save_referral', actorOf(caller), await factsOf(trx, context.clock, row))
    const kept = settled(answers)
    const saved = await updateSectionOne(trx, row.authority_id, row.id, version, kept, { userId: caller.user.id, now: context.clock.now() })
    if (!saved) {
      const current = await findSectionOne(trx, row.authority_id, row.id)
      const by = current?.updatedBy ? (await staffNames(trx, row.authority_id, [current.updatedBy])).get(current.updatedBy) : undefined
      throw new ConflictError('Someone else saved Section 1 since you opened it', by ?? null, current?.updatedAt ?? null)
    }
    await recordAudit(trx, actorOf(caller), { action: 'referral.section-1-saved', recordType: 'referral', recordId: row.id })
    return { missing: missingAnswers(kept, londonDate(context.clock.now())) }
  })
}
