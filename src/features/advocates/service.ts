import type { Kysely } from 'kysely'
import { cancelLinksFor, createAccountLink } from '../../platform/auth/account-links.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller, type SignedInUser } from '../../platform/auth/roles.ts'
import type { Queryable, Schema } from '../../platform/db/schema.ts'
import { ConflictError, ForbiddenError, NotFoundError, WorkflowRefusedError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import { addDays } from '../../platform/time/calendar.ts'
import { londonDate, type Clock } from '../../platform/time/clock.ts'
import * as adminRepository from '../admin/repository.ts'
import type { Candidate } from '../referrals/allocation/matching.ts'
import type { SettingsService } from '../settings/service.ts'
import { eligibility, type Eligibility } from './eligibility.ts'
import * as repository from './repository.ts'
import type { AdvocateKind, Gender, LanguageLevel, Specialism, Stage, Weekday } from '../../vocabulary/advocates.ts'

/**
 * The advocate pool: the coordinator keeps each advocate's record; the advocacy admins and
 * managers read it to match; matching reads the whole pool at once.
 */

export interface AdvocateDetails {
  readonly kind: AdvocateKind
  readonly givenName: string
  readonly familyName: string
  readonly email: string | null
  readonly phone: string | null
  readonly gender: Gender | null
  readonly heritage: string | null
  readonly livedExperience: string | null
  readonly specialisms: readonly Specialism[]
  readonly areas: readonly string[]
  readonly availableDays: readonly Weekday[]
  readonly capacity: number
  readonly dbsCheckedOn: string | null
  readonly aboutMe: string | null
  readonly languages: readonly { readonly language: string; readonly level: LanguageLevel }[]
}

export interface AdvocateSummary {
  readonly id: string
  readonly name: string
  readonly kind: AdvocateKind
  readonly stage: Stage
  readonly capacity: number
  readonly load: number
  readonly eligibility: Eligibility
}

const SET_PASSWORD_LINK_HOURS = 72
const PHOTO_MAX_BYTES = 2 * 1024 * 1024

/** The pool's readers: the coordinator keeps it; the advocacy admins and managers match from it. */
function requireReader(user: SignedInUser): void {
  if (!hasRole(user, 'coordinator', 'advocacy_admin', 'service_manager')) throw new ForbiddenError('Not allowed to see the advocate pool')
}

function requireCoordinator(user: SignedInUser): void {
  if (!hasRole(user, 'coordinator')) throw new ForbiddenError('Only the coordinator keeps advocate records')
}

function audit(caller: Caller) {
  return { userId: caller.user.id, authorityId: caller.user.authorityId, ip: caller.ip }
}

function name(row: { given_name: string; family_name: string }): string {
  return `${row.given_name} ${row.family_name}`
}

/** What the image is, by its first bytes (not by what the browser says it is). */
export function imageTypeOf(bytes: Buffer): 'image/jpeg' | 'image/png' | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  return null
}

export function createAdvocateService(db: Kysely<Schema>, clock: Clock, settings: SettingsService) {
  const today = () => londonDate(clock.now())

  /** Whether each advocate may be allocated today, and why not. */
  async function eligibilities(
    trx: Queryable,
    authorityId: string,
    rows: readonly { id: string; kind: AdvocateKind; stage: Stage; dbs_checked_on: string | null }[],
  ) {
    const rules = await settings.settingsFor(authorityId, trx)
    const since = addDays(today(), -7 * Math.max(rules.groupWindowWeeks, rules.oneToOneWithinWeeks) - 7)
    const ids = rows.map((row) => row.id)
    const wholePool = ids.length > 200
    const [modules, attended, held] = await Promise.all([
      repository.completedModules(trx, authorityId, wholePool ? undefined : ids),
      repository.supervisionAttended(trx, authorityId, since, wholePool ? undefined : ids),
      repository.groupSessionsHeld(trx, authorityId, since),
    ])
    const modulesBy = Map.groupBy(modules, (row) => row.advocate_id)
    const attendedBy = Map.groupBy(attended, (row) => row.advocate_id)
    return new Map(
      rows.map((row) => {
        const mine = attendedBy.get(row.id) ?? []
        const oneToOnes = mine.filter((session) => session.kind === 'one_to_one').map((session) => session.held_on)
        return [
          row.id,
          eligibility(
            {
              kind: row.kind,
              stage: row.stage,
              dbsCheckedOn: row.dbs_checked_on,
              completedModules: (modulesBy.get(row.id) ?? []).map((completion) => completion.module),
              lastOneToOneOn: oneToOnes.sort().at(-1) ?? null,
              groupSessionsAttended: mine.filter((session) => session.kind === 'group').map((session) => session.held_on),
              groupSessionsHeld: held,
            },
            today(),
            rules,
          ),
        ]
      }),
    )
  }

  async function loadsOf(trx: Queryable, authorityId: string, ids?: readonly string[]): Promise<Map<string, number>> {
    const rows = await repository.activeLoads(trx, authorityId, ids)
    return new Map(rows.map((row) => [row.advocate_id ?? '', Number(row.load)]))
  }

  async function mustFind(trx: Queryable, authorityId: string, advocateId: string, options: { forUpdate?: boolean } = {}) {
    const row = isId(advocateId) ? await repository.findAdvocate(trx, authorityId, advocateId, options) : undefined
    if (!row) throw new NotFoundError('No such advocate')
    return row
  }

  function fieldsOf(details: AdvocateDetails) {
    return {
      kind: details.kind,
      given_name: details.givenName,
      family_name: details.familyName,
      email: details.email,
      phone: details.phone,
      gender: details.gender,
      heritage: details.heritage,
      lived_experience: details.livedExperience,
      specialisms: details.specialisms,
      areas: details.areas,
      available_days: details.availableDays,
      capacity: details.capacity,
      dbs_checked_on: details.dbsCheckedOn,
      about_me: details.aboutMe,
    }
  }

  return {
    async list(caller: Caller): Promise<AdvocateSummary[]> {
      requireReader(caller.user)
      const rows = await repository.listAdvocates(db, caller.user.authorityId)
      const [eligible, loads] = await Promise.all([eligibilities(db, caller.user.authorityId, rows), loadsOf(db, caller.user.authorityId)])
      await recordAudit(db, audit(caller), { action: 'advocate.listed', recordType: 'advocate', details: { count: rows.length } })
      return rows.map((row) => ({
        id: row.id,
        name: name(row),
        kind: row.kind,
        stage: row.stage,
        capacity: row.capacity,
        load: loads.get(row.id) ?? 0,
        eligibility: eligible.get(row.id) ?? { eligible: false, reasons: [], dbsExpiresOn: null },
      }))
    },

    /** One advocate's whole record, for the coordinator and the advocacy service. Viewing is audited. */
    async view(caller: Caller, advocateId: string) {
      requireReader(caller.user)
      const authorityId = caller.user.authorityId
      const row = await mustFind(db, authorityId, advocateId)
      const [languages, absences, known, history, eligible, loads] = await Promise.all([
        repository.languagesOf(db, authorityId, [row.id]),
        repository.absencesOf(db, authorityId, [row.id], today()),
        repository.knownFamiliesOf(db, authorityId, [row.id]),
        repository.stageHistory(db, authorityId, row.id),
        eligibilities(db, authorityId, [row]),
        loadsOf(db, authorityId, [row.id]),
      ])
      await recordAudit(db, audit(caller), { action: 'advocate.viewed', recordType: 'advocate', recordId: row.id })
      return {
        id: row.id,
        name: name(row),
        hasSignIn: row.user_id !== null,
        hasPhoto: Boolean(row.has_photo),
        stage: row.stage,
        accreditedOn: row.accredited_on,
        version: row.version,
        details: {
          kind: row.kind,
          givenName: row.given_name,
          familyName: row.family_name,
          email: row.email,
          phone: row.phone,
          gender: row.gender,
          heritage: row.heritage,
          livedExperience: row.lived_experience,
          specialisms: row.specialisms,
          areas: row.areas,
          availableDays: row.available_days,
          capacity: row.capacity,
          dbsCheckedOn: row.dbs_checked_on,
          aboutMe: row.about_me,
          languages: languages.map((spoken) => ({ language: spoken.language, level: spoken.level })),
        } satisfies AdvocateDetails,
        absences: absences.map((absence) => ({ id: absence.id, startsOn: absence.starts_on, endsOn: absence.ends_on, note: absence.note })),
        knownFamilies: known.map((family) => ({ familyGroupId: family.family_group_id, name: family.family_name ?? 'A family', note: family.note })),
        history: history.map((change) => ({ from: change.from_stage, to: change.to_stage, at: change.at, by: change.by_name })),
        eligibility: eligible.get(row.id) ?? { eligible: false, reasons: [], dbsExpiresOn: null },
        load: loads.get(row.id) ?? 0,
      }
    },

    async create(caller: Caller, details: AdvocateDetails, stage: Stage): Promise<string> {
      requireCoordinator(caller.user)
      return db.transaction().execute(async (trx) => {
        const now = clock.now()
        const id = await repository.insertAdvocate(trx, caller.user.authorityId, { ...fieldsOf(details), stage }, now)
        await repository.replaceLanguages(trx, caller.user.authorityId, id, details.languages)
        await repository.recordStageChange(trx, {
          authorityId: caller.user.authorityId,
          advocateId: id,
          from: null,
          to: stage,
          byUserId: caller.user.id,
          at: now,
        })
        await recordAudit(trx, audit(caller), { action: 'advocate.created', recordType: 'advocate', recordId: id, details: { stage } })
        return id
      })
    },

    async update(caller: Caller, advocateId: string, details: AdvocateDetails, version: number): Promise<void> {
      requireCoordinator(caller.user)
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, caller.user.authorityId, advocateId, { forUpdate: true })
        if (!(await repository.updateAdvocate(trx, caller.user.authorityId, row.id, version, fieldsOf(details), clock.now()))) {
          throw new ConflictError('Someone else changed this advocate since you opened the page', null, row.updated_at)
        }
        await repository.replaceLanguages(trx, caller.user.authorityId, row.id, details.languages)
        await recordAudit(trx, audit(caller), { action: 'advocate.updated', recordType: 'advocate', recordId: row.id })
      })
    },

    /** Moves an advocate through the programme: recruitment, training, accreditation, active, resting, left. */
    async moveStage(caller: Caller, advocateId: string, stage: Stage, version: number): Promise<void> {
      requireCoordinator(caller.user)
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, caller.user.authorityId, advocateId, { forUpdate: true })
        if (row.stage === stage) return
        if (!(await repository.updateAdvocate(trx, caller.user.authorityId, row.id, version, { stage }, clock.now()))) {
          throw new ConflictError('Someone else changed this advocate since you opened the page', null, row.updated_at)
        }
        await repository.recordStageChange(trx, {
          authorityId: caller.user.authorityId,
          advocateId: row.id,
          from: row.stage,
          to: stage,
          byUserId: caller.user.id,
          at: clock.now(),
        })
        await recordAudit(trx, audit(caller), {
          action: 'advocate.stage-changed',
          recordType: 'advocate',
          recordId: row.id,
          details: { from: row.stage, to: stage },
        })
      })
    },

    async addAbsence(caller: Caller, advocateId: string, absence: { startsOn: string; endsOn: string; note: string | null }): Promise<void> {
      requireCoordinator(caller.user)
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, caller.user.authorityId, advocateId)
        await repository.insertAbsence(trx, { authorityId: caller.user.authorityId, advocateId: row.id, ...absence })
        await recordAudit(trx, audit(caller), { action: 'advocate.absence-added', recordType: 'advocate', recordId: row.id })
      })
    },

    async removeAbsence(caller: Caller, advocateId: string, absenceId: string): Promise<void> {
      requireCoordinator(caller.user)
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, caller.user.authorityId, advocateId)
        if (!isId(absenceId) || !(await repository.deleteAbsence(trx, caller.user.authorityId, row.id, absenceId))) throw new NotFoundError('No such absence')
        await recordAudit(trx, audit(caller), { action: 'advocate.absence-removed', recordType: 'advocate', recordId: row.id })
      })
    },

    /** Records that the advocate knows a family (so they are never matched to it), from one of its people. */
    async addKnownFamily(caller: Caller, advocateId: string, personId: string, note: string | null): Promise<void> {
      requireCoordinator(caller.user)
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, caller.user.authorityId, advocateId)
        const person = isId(personId)
          ? await trx
              .selectFrom('person')
              .select(['id', 'family_group_id'])
              .where('authority_id', '=', caller.user.authorityId)
              .where('id', '=', personId)
              .executeTakeFirst()
          : undefined
        if (!person?.family_group_id) throw new NotFoundError('No such person')
        await repository.addKnownFamily(trx, { authorityId: caller.user.authorityId, advocateId: row.id, familyGroupId: person.family_group_id, note })
        await recordAudit(trx, audit(caller), {
          action: 'advocate.knows-family',
          recordType: 'advocate',
          recordId: row.id,
          details: { familyGroupId: person.family_group_id },
        })
      })
    },

    async removeKnownFamily(caller: Caller, advocateId: string, familyGroupId: string): Promise<void> {
      requireCoordinator(caller.user)
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, caller.user.authorityId, advocateId)
        if (!isId(familyGroupId)) throw new NotFoundError('No such family')
        await repository.removeKnownFamily(trx, caller.user.authorityId, row.id, familyGroupId)
        await recordAudit(trx, audit(caller), { action: 'advocate.knows-family-removed', recordType: 'advocate', recordId: row.id, details: { familyGroupId } })
      })
    },

    /** Keeps the advocate's photo (JPEG or PNG, up to 2 MB), judged by its bytes. */
    async setPhoto(caller: Caller, advocateId: string, bytes: Buffer | null): Promise<void> {
      requireCoordinator(caller.user)
      let photo: { bytes: Buffer; type: 'image/jpeg' | 'image/png' } | null = null
      if (bytes) {
        const type = imageTypeOf(bytes)
        if (!type) throw new WorkflowRefusedError('The photo must be a JPEG or PNG image')
        if (bytes.length > PHOTO_MAX_BYTES) throw new WorkflowRefusedError('The photo must be smaller than 2 MB')
        photo = { bytes, type }
      }
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, caller.user.authorityId, advocateId)
        await repository.setPhoto(trx, caller.user.authorityId, row.id, photo, clock.now())
        await recordAudit(trx, audit(caller), { action: photo ? 'advocate.photo-set' : 'advocate.photo-removed', recordType: 'advocate', recordId: row.id })
      })
    },

    /** The photo, for the advocacy service and the advocate themselves. */
    async photo(caller: Caller, advocateId: string): Promise<{ bytes: Buffer; type: string; updatedAt: Date } | undefined> {
      const own =
        hasRole(caller.user, 'advocate') && isId(advocateId) ? await repository.findAdvocateByUser(db, caller.user.authorityId, caller.user.id) : undefined
      if (own?.id !== advocateId) requireReader(caller.user)
      const row = isId(advocateId) ? await repository.photoOf(db, caller.user.authorityId, advocateId) : undefined
      return row?.photo && row.photo_type ? { bytes: row.photo, type: row.photo_type, updatedAt: row.updated_at } : undefined
    },

    /** A new one-time link for an advocate who has a sign-in (a forgotten password); older links stop working. */
    async newSignInLink(caller: Caller, advocateId: string): Promise<string> {
      requireCoordinator(caller.user)
      return db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, caller.user.authorityId, advocateId)
        if (!row.user_id) throw new WorkflowRefusedError('This advocate has no sign-in yet')
        const now = clock.now()
        await cancelLinksFor(trx, row.user_id, now)
        const token = await createAccountLink(trx, {
          purpose: 'set_password',
          authorityId: caller.user.authorityId,
          userId: row.user_id,
          now,
          expiresAt: new Date(now.getTime() + SET_PASSWORD_LINK_HOURS * 3_600_000),
        })
        await recordAudit(trx, audit(caller), { action: 'advocate.sign-in-link-issued', recordType: 'advocate', recordId: row.id })
        return token
      })
    },

    /** Gives the advocate a sign-in (role: advocate) and returns the one-time link to choose a password. */
    async createSignIn(caller: Caller, advocateId: string, email: string): Promise<string> {
      requireCoordinator(caller.user)
      return db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, caller.user.authorityId, advocateId, { forUpdate: true })
        if (row.user_id) throw new WorkflowRefusedError('This advocate can already sign in')
        if (await adminRepository.emailInUse(trx, email)) throw new WorkflowRefusedError('That email address already has an account')
        const userId = await adminRepository.insertUser(trx, {
          authorityId: caller.user.authorityId,
          email,
          displayName: name(row),
          roles: ['advocate'],
          passwordHash: null,
        })
        await repository.linkUser(trx, caller.user.authorityId, row.id, userId)
        const now = clock.now()
        const token = await createAccountLink(trx, {
          purpose: 'set_password',
          authorityId: caller.user.authorityId,
          userId,
          now,
          expiresAt: new Date(now.getTime() + SET_PASSWORD_LINK_HOURS * 3_600_000),
        })
        await recordAudit(trx, audit(caller), { action: 'advocate.sign-in-created', recordType: 'advocate', recordId: row.id, details: { userId } })
        return token
      })
    },

    /**
     * The whole pool as matching sees it, for a meeting on `meetingDate`. Advocates still in
     * recruitment, or who have left, are not part of it; everyone else is, with why they cannot be
     * offered work if they cannot.
     */
    async candidatePool(trx: Queryable, authorityId: string, meetingDate: string): Promise<Candidate[]> {
      const rows = await repository.listAdvocates(trx, authorityId, { stages: ['training', 'accreditation', 'active', 'resting'] })
      const ids = rows.map((row) => row.id)
      const [eligible, loads, languages, absences, known, recent] = await Promise.all([
        eligibilities(trx, authorityId, rows),
        loadsOf(trx, authorityId),
        repository.languagesOf(trx, authorityId, ids),
        repository.absencesOf(trx, authorityId, ids, meetingDate),
        repository.knownFamiliesOf(trx, authorityId, ids),
        repository.recentAllocationCounts(trx, authorityId, new Date(clock.now().getTime() - 365 * 86_400_000)),
      ])
      const languagesBy = Map.groupBy(languages, (row) => row.advocate_id)
      const absencesBy = Map.groupBy(absences, (row) => row.advocate_id)
      const knownBy = Map.groupBy(known, (row) => row.advocate_id)
      const recentBy = new Map(recent.map((row) => [row.advocate_id ?? '', Number(row.count)]))
      return rows.map((row) => {
        const verdict = eligible.get(row.id)
        return {
          id: row.id,
          name: name(row),
          kind: row.kind,
          gender: row.gender,
          heritage: row.heritage,
          languages: (languagesBy.get(row.id) ?? []).map((spoken) => ({ language: spoken.language, level: spoken.level })),
          specialisms: row.specialisms,
          capacity: row.capacity,
          activeLoad: loads.get(row.id) ?? 0,
          recentAllocations: recentBy.get(row.id) ?? 0,
          absences: (absencesBy.get(row.id) ?? []).map((absence) => ({ startsOn: absence.starts_on, endsOn: absence.ends_on })),
          knownFamilyGroupIds: (knownBy.get(row.id) ?? []).map((family) => family.family_group_id),
          availableDays: row.available_days,
          eligible: verdict?.eligible ?? false,
          ineligibleBecause: verdict?.reasons ?? [],
        }
      })
    },
  }
}

export type AdvocateService = ReturnType<typeof createAdvocateService>
