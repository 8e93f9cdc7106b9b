import type { Queryable } from '../../platform/db/schema.ts'
import { fullName } from '../../platform/people-names.ts'
import type { Candidate } from '../referrals/allocation/matching.ts'
import type { AdvocatesContext } from './context.ts'
import * as repository from './repository.ts'
import { eligibilities, loadsOf, recentAllocations } from './standing-service.ts'

/** The pool as matching sees it: every advocate who could be offered a referral, with all matching weighs. */

const YEAR_MS = 365 * 86_400_000

/**
 * The whole pool for a meeting on `meetingDate`, inside the caller's transaction. Advocates still
 * in recruitment, or who have left, are not part of it; everyone else is, with why they cannot be
 * offered work if they cannot.
 */
export async function candidatePool(context: AdvocatesContext, trx: Queryable, authorityId: string, meetingDate: string): Promise<Candidate[]> {
  const rows = await repository.listAdvocates(trx, authorityId, { stages: ['training', 'accreditation', 'active', 'resting'] })
  const ids = rows.map((row) => row.id)
  const [eligible, loads, languages, absences, known, recent] = await Promise.all([
    eligibilities(context, trx, authorityId, rows),
    loadsOf(trx, authorityId),
    repository.languagesOf(trx, authorityId, ids),
    repository.absencesOf(trx, authorityId, ids, meetingDate),
    repository.knownFamiliesOf(trx, authorityId, ids),
    recentAllocations(trx, authorityId, new Date(context.clock.now().getTime() - YEAR_MS)),
  ])
  const languagesBy = Map.groupBy(languages, (row) => row.advocate_id)
  const absencesBy = Map.groupBy(absences, (row) => row.advocate_id)
  const knownBy = Map.groupBy(known, (row) => row.advocate_id)
  return rows.map((row) => {
    const verdict = eligible.get(row.id)
    return {
      id: row.id,
      name: fullName(row),
      kind: row.kind,
      gender: row.gender,
      heritage: row.heritage,
      languages: (languagesBy.get(row.id) ?? []).map((spoken) => ({ language: spoken.language, level: spoken.level })),
      specialisms: row.specialisms,
      capacity: row.capacity,
      activeLoad: loads.get(row.id) ?? 0,
      recentAllocations: recent.get(row.id) ?? 0,
      absences: (absencesBy.get(row.id) ?? []).map((absence) => ({ startsOn: absence.starts_on, endsOn: absence.ends_on })),
      knownFamilyGroupIds: (knownBy.get(row.id) ?? []).map((family) => family.family_group_id),
      availableDays: row.available_days,
      eligible: verdict?.eligible ?? false,
      ineligibleBecause: verdict?.reasons ?? [],
    }
  })
}
