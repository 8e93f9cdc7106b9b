import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import type { Caller } from '../../platform/auth/roles.ts'
import { ConflictError } from '../../platform/errors.ts'
import { fullName } from '../../platform/people-names.ts'
import { londonDate } from '../../platform/time/clock.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import type { Stage } from '../../vocabulary/advocates.ts'
import { staffNames } from '../admin/staff-accounts-service.ts'
import { advocateOf, requireCoordinator, requireReader } from './access-service.ts'
import * as families from './families-repository.ts'
import { detailsOf, fieldsOf, UNKNOWN_ELIGIBILITY, type AdvocateDetails, type AdvocateSummary } from './record.ts'
import type { AdvocatesContext } from './context.ts'
import * as repository from './repository.ts'
import { availability } from './eligibility.ts'
import { eligibilities, loadsOf } from './standing-service.ts'

/**
 * The advocate's record: the pool as a list, one advocate's whole record, adding and changing one,
 * and moving them between the stages of the programme. The coordinator keeps it; the advocacy
 * admins and managers read it to match.
 */

export async function list(context: AdvocatesContext, caller: Caller): Promise<AdvocateSummary[]> {
  requireReader(caller.user)
  const { db } = context
  const rows = await repository.listAdvocates(db, caller.user.authorityId)
  const [eligible, loads] = await Promise.all([eligibilities(context, db, caller.user.authorityId, rows), loadsOf(db, caller.user.authorityId)])
  await recordAudit(db, auditActorOf(caller), { action: 'advocate.listed', recordType: 'advocate', details: { count: rows.length } })
  return rows.map((row) => {
    const eligibility = eligible.get(row.id) ?? UNKNOWN_ELIGIBILITY
    const load = loads.get(row.id) ?? 0
    return {
      id: row.id,
      name: fullName(row),
      kind: row.kind,
      stage: row.stage,
      capacity: row.capacity,
      load,
      eligibility,
      availability: availability(eligibility, load, row.capacity),
    }
  })
}

/** One advocate's whole record, for the coordinator and the advocacy service. Viewing is audited. */
export async function view(context: AdvocatesContext, caller: Caller, advocateId: string) {
  requireReader(caller.user)
  const { db } = context
  const authorityId = caller.user.authorityId
  const row = await advocateOf(db, authorityId, advocateId)
  const [languages, absences, known, history, eligible, loads] = await Promise.all([
    repository.languagesOf(db, authorityId, [row.id]),
    repository.absencesOf(db, authorityId, [row.id], londonDate(context.clock.now())),
    repository.knownFamiliesOf(db, authorityId, [row.id]),
    repository.stageHistory(db, authorityId, row.id),
    eligibilities(context, db, authorityId, [row]),
    loadsOf(db, authorityId, [row.id]),
  ])
  const [familyNames, changedBy] = await Promise.all([
    families.firstAdultsOf(
      db,
      authorityId,
      known.map((family) => family.family_group_id),
    ),
    staffNames(
      context,
      authorityId,
      history.flatMap((change) => (change.by_user_id ? [change.by_user_id] : [])),
    ),
  ])
  const familyName = new Map(familyNames.map((adult) => [adult.family_group_id, fullName(adult)]))
  await recordAudit(db, auditActorOf(caller), { action: 'advocate.viewed', recordType: 'advocate', recordId: row.id })
  return {
    id: row.id,
    name: fullName(row),
    hasSignIn: row.user_id !== null,
    hasPhoto: Boolean(row.has_photo),
    stage: row.stage,
    accreditedOn: row.accredited_on,
    version: row.version,
    details: detailsOf(row, languages),
    absences: absences.map((absence) => ({ id: absence.id, startsOn: absence.starts_on, endsOn: absence.ends_on, note: absence.note })),
    knownFamilies: known.map((family) => ({
      familyGroupId: family.family_group_id,
      name: familyName.get(family.family_group_id) ?? 'A family',
      note: family.note,
    })),
    history: history.map((change) => ({
      from: change.from_stage,
      to: change.to_stage,
      at: change.at,
      by: change.by_user_id ? (changedBy.get(change.by_user_id) ?? null) : null,
    })),
    eligibility: eligible.get(row.id) ?? UNKNOWN_ELIGIBILITY,
    load: loads.get(row.id) ?? 0,
    availability: availability(eligible.get(row.id) ?? UNKNOWN_ELIGIBILITY, loads.get(row.id) ?? 0, row.capacity),
  }
}

export async function create(context: ServiceContext, caller: Caller, details: AdvocateDetails, stage: Stage): Promise<string> {
  requireCoordinator(caller.user)
  const authorityId = caller.user.authorityId
  return context.db.transaction().execute(async (trx) => {
    const now = context.clock.now()
    const id = await repository.insertAdvocate(trx, authorityId, { ...fieldsOf(details), stage }, now)
    await repository.replaceLanguages(trx, authorityId, id, details.languages)
    await repository.recordStageChange(trx, { authorityId, advocateId: id, from: null, to: stage, byUserId: caller.user.id, at: now })
    await recordAudit(trx, auditActorOf(caller), { action: 'advocate.created', recordType: 'advocate', recordId: id, details: { stage } })
    return id
  })
}

/** Saves the details if nobody changed the advocate since `version`. */
export async function update(context: ServiceContext, caller: Caller, advocateId: string, details: AdvocateDetails, version: number): Promise<void> {
  requireCoordinator(caller.user)
  const authorityId = caller.user.authorityId
  await context.db.transaction().execute(async (trx) => {
    const row = await advocateOf(trx, authorityId, advocateId, { forUpdate: true })
    if (!(await repository.updateAdvocate(trx, authorityId, row.id, version, fieldsOf(details), context.clock.now()))) {
      throw new ConflictError('Someone else changed this advocate since you opened the page', null, row.updated_at)
    }
    await repository.replaceLanguages(trx, authorityId, row.id, details.languages)
    await recordAudit(trx, auditActorOf(caller), { action: 'advocate.updated', recordType: 'advocate', recordId: row.id })
  })
}

/** Moves an advocate through the programme: recruitment, training, accreditation, active, resting, left. */
export async function moveStage(context: ServiceContext, caller: Caller, advocateId: string, stage: Stage, version: number): Promise<void> {
  requireCoordinator(caller.user)
  const authorityId = caller.user.authorityId
  await context.db.transaction().execute(async (trx) => {
    const row = await advocateOf(trx, authorityId, advocateId, { forUpdate: true })
    if (row.stage === stage) return
    const now = context.clock.now()
    if (!(await repository.updateAdvocate(trx, authorityId, row.id, version, { stage }, now))) {
      throw new ConflictError('Someone else changed this advocate since you opened the page', null, row.updated_at)
    }
    await repository.recordStageChange(trx, { authorityId, advocateId: row.id, from: row.stage, to: stage, byUserId: caller.user.id, at: now })
    await recordAudit(trx, auditActorOf(caller), {
      action: 'advocate.stage-changed',
      recordType: 'advocate',
      recordId: row.id,
      details: { from: row.stage, to: stage },
    })
  })
}
