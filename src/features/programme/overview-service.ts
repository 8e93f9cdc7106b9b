import type { Caller } from '../../platform/auth/roles.ts'
import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import { pipeline, stages } from '../../vocabulary/advocates.ts'
import { roster } from '../advocates/roster-service.ts'
import { settingsFor } from '../settings/service.ts'
import { refOf, requireCoordinator, type Overview } from './programme.ts'
import { activeStandings, supervisionDue } from './standings-service.ts'

/** The programme at a glance: who is at each stage, whose supervision is due, who cannot be offered work and why. */

/** Today in the UK, for a form's default date. */
export function today(context: ServiceContext): string {
  return londonDate(context.clock.now())
}

export async function overview(context: ServiceContext, caller: Caller): Promise<Overview> {
  requireCoordinator(caller)
  const authorityId = caller.user.authorityId
  const rules = await settingsFor(context, authorityId)
  const [everyone, { active, known }] = await Promise.all([roster(context.db, authorityId), activeStandings(context, authorityId, today(context), rules)])
  const cannotBeOffered = active.flatMap((advocate) => {
    const verdict = known.get(advocate.id)?.verdict
    return verdict && !verdict.eligible ? [{ advocate: refOf(advocate), reasons: verdict.reasons }] : []
  })
  await recordAudit(context.db, auditActorOf(caller), { action: 'programme.overview-viewed', recordType: 'advocate', details: { advocates: everyone.length } })
  return {
    total: everyone.length,
    stages: pipeline.map((stage) => {
      const advocates = everyone.filter((advocate) => advocate.stage === stage).map(refOf)
      return { stage, label: stages.labels[stage], count: advocates.length, advocates }
    }),
    supervisionDue: supervisionDue(active, known),
    cannotBeOffered,
    settings: rules,
  }
}
