import type { Caller } from '../../platform/auth/roles.ts'
import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import { supervisionKinds, type SupervisionKind } from '../../vocabulary/advocates.ts'
import { staffNames } from '../admin/staff-accounts-service.ts'
import { roster } from '../advocates/roster-service.ts'
import { settingsFor, type ServiceSettings } from '../settings/service.ts'
import {
  notInFuture,
  ProgrammeAnswerRefused,
  refOf,
  requireCoordinator,
  SUPERVISED_STAGES,
  type AdvocateRef,
  type SupervisionSession,
  type SupervisionStanding,
} from './programme.ts'
import * as repository from './supervision-repository.ts'
import { activeStandings, supervisionDue } from './standings-service.ts'

/** Supervision: one-to-one and group sessions, who came, and who is due or overdue. */

/** How many past sessions the supervision page lists. */
const RECENT_SUPERVISION = 50

export async function supervision(
  context: ServiceContext,
  caller: Caller,
): Promise<{ recent: SupervisionSession[]; due: SupervisionStanding[]; settings: ServiceSettings }> {
  requireCoordinator(caller)
  const { db } = context
  const authorityId = caller.user.authorityId
  const rules = await settingsFor(context, authorityId)
  const [sessions, { active, known }] = await Promise.all([
    repository.recentSupervision(db, authorityId, RECENT_SUPERVISION),
    activeStandings(context, authorityId, londonDate(context.clock.now()), rules),
  ])
  const attendees = await repository.supervisionAttendees(
    db,
    authorityId,
    sessions.map((session) => session.id),
  )
  const [people, supervisors] = await Promise.all([
    roster(db, authorityId, { ids: [...new Set(attendees.map((row) => row.advocate_id))] }),
    staffNames(
      context,
      authorityId,
      sessions.flatMap((session) => (session.supervisor_id ? [session.supervisor_id] : [])),
    ),
  ])
  const cameTo = Map.groupBy(attendees, (row) => row.session_id)
  await recordAudit(db, auditActorOf(caller), {
    action: 'programme.supervision-viewed',
    recordType: 'supervision_session',
    details: { sessions: sessions.length },
  })
  return {
    recent: sessions.map((session) => {
      const came = new Set((cameTo.get(session.id) ?? []).map((row) => row.advocate_id))
      return {
        id: session.id,
        kind: session.kind,
        kindLabel: supervisionKinds.labels[session.kind],
        heldOn: session.held_on,
        notes: session.notes,
        supervisorName: session.supervisor_id ? (supervisors.get(session.supervisor_id) ?? null) : null,
        attendees: people.filter((person) => came.has(person.id)).map((person) => ({ id: person.id, name: person.name })),
      }
    }),
    due: supervisionDue(active, known),
    settings: rules,
  }
}

/** Who comes to supervision: parent peer advocates in training, awaiting accreditation or active. */
export async function supervisionCandidates(context: ServiceContext, caller: Caller): Promise<AdvocateRef[]> {
  requireCoordinator(caller)
  return (await roster(context.db, caller.user.authorityId, { stages: SUPERVISED_STAGES, kind: 'parent_peer_advocate' })).map(refOf)
}

export async function recordSupervision(
  context: ServiceContext,
  caller: Caller,
  session: { kind: SupervisionKind; heldOn: string; attendees: readonly string[]; notes: string | null },
): Promise<string> {
  requireCoordinator(caller)
  const authorityId = caller.user.authorityId
  notInFuture(session.heldOn, londonDate(context.clock.now()), 'heldOn', 'The date of the session must be today or in the past')
  if (session.kind === 'one_to_one' && session.attendees.length === 0) throw new ProgrammeAnswerRefused('attendees', 'Select who had the one-to-one')
  if (session.kind === 'one_to_one' && session.attendees.length > 1) {
    throw new ProgrammeAnswerRefused('attendees', 'A one-to-one is with one person: select only one, or record a group session')
  }
  if (session.kind === 'group' && session.attendees.length === 0) throw new ProgrammeAnswerRefused('attendees', 'Select who came to the group session')
  return context.db.transaction().execute(async (trx) => {
    const candidates = await roster(trx, authorityId, { stages: SUPERVISED_STAGES, kind: 'parent_peer_advocate' })
    if (session.attendees.some((id) => !candidates.some((candidate) => candidate.id === id)))
      throw new ProgrammeAnswerRefused('attendees', 'Select people from the list')
    const sessionId = await repository.insertSupervision(trx, {
      authorityId,
      kind: session.kind,
      heldOn: session.heldOn,
      supervisorId: caller.user.id,
      notes: session.notes,
      now: context.clock.now(),
    })
    await repository.insertSupervisionAttendance(trx, authorityId, sessionId, session.attendees)
    await recordAudit(trx, auditActorOf(caller), {
      action: 'programme.supervision-recorded',
      recordType: 'supervision_session',
      recordId: sessionId,
      details: { kind: session.kind, heldOn: session.heldOn, attendees: session.attendees },
    })
    return sessionId
  })
}
