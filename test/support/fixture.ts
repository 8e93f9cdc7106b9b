import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './app.ts'
import { Browser, errorSummary, textOf } from './browser.ts'
import { allocationOn, eligibleAdvocate, localService, offerOn, worldAdvocate } from './pool.ts'
import { cohortMade } from './programme-steps.ts'
import type { Member, Route } from './routes.ts'
import { addStaff, crewOf, referralAt, signedInAs, type Crew } from './workflow-steps.ts'

/**
 * The one world the matrices run in: the test world's authorities and staff (every role, and another
 * authority's), the world's advocate in the pool, and a record for any route of
 * `test/support/routes.ts` to name, made when a route asks for it. Add a route there and, if it
 * names a new kind of record, say here how to make one.
 */
export interface Fixture {
  readonly t: TestApp
  readonly crew: Crew
  /** The pool's record of the world's advocate (Avril), to whom the advocate's routes are offered. */
  readonly avrilId: string
  /** A member signed in, in a browser kept for the file. */
  as(member: Member): Promise<Browser>
  /** A member signed in, in a browser of their own (for a route that signs out, or a fresh session). */
  freshly(member: Member | 'anyone'): Promise<Browser>
  /**
   * The route's path with a record of its own for each parameter (made anew on every call), and the
   * path of the page that holds its form.
   */
  pathOf(route: Route): Promise<{ path: string; formOn: string }>
  close(): Promise<void>
}

/** A well-formed one-time token that no link has. */
export const UNKNOWN_TOKEN = 'A'.repeat(43)

/** A one-pixel PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

/** The nth weekday from 1 December 2026 that is no bank holiday anywhere (a one-off bank holiday can be added on it). */
function weekday(n: number): Record<string, string> {
  const day = new Date(Date.UTC(2026, 11, 1))
  for (let found = -1; ; day.setUTCDate(day.getUTCDate() + 1)) {
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6
    const holidays = day.getUTCMonth() === 11 && day.getUTCDate() >= 24
    if (!weekend && !holidays && day.getUTCFullYear() === 2026) found += 1
    else if (!weekend && day.getUTCFullYear() === 2027 && day.getUTCDate() > 4) found += 1
    if (found === n) break
  }
  return { 'date-day': String(day.getUTCDate()), 'date-month': String(day.getUTCMonth() + 1), 'date-year': String(day.getUTCFullYear()) }
}

export async function openFixture(): Promise<Fixture> {
  const t = await startTestApp()
  const crew = await crewOf(t)
  const avrilId = await worldAdvocate(t)
  // A local service to triage to, so the triage page has its form.
  await localService(t, { name: 'Matrix Local Service' })
  const browsers = new Map<Member, Browser>([
    ['referrer', crew.referrer],
    ['admin', crew.admin],
    ['manager', crew.manager],
  ])
  const personOf = (member: Member) => {
    switch (member) {
      case 'elsewhereReferrer':
        return t.world.elsewhere.referrer
      case 'elsewhereAdmin':
        return t.world.elsewhere.admin
      case 'elsewhereManager':
        return t.world.elsewhere.manager
      default:
        return t.world.staff[member]
    }
  }
  let made = 0
  let holidays = 0
  let enquiries = 0
  const unique = () => `Matrix${String.fromCharCode(97 + (made % 26))}${String.fromCharCode(97 + (Math.floor(made++ / 26) % 26))}`

  async function param(name: string, route: Route, values: Record<string, string>): Promise<string> {
    const db = t.database.db
    switch (name) {
      case 'referralId': {
        assert.ok(route.stage, `${route.route} says where its referral is`)
        return referralAt(t, crew, route.stage, unique())
      }
      case 'allocationId': {
        assert.ok(route.stage, `${route.route} says where its referral is`)
        const id = await referralAt(t, crew, route.stage, unique(), { advocateId: avrilId })
        return route.stage === 'awaiting_advocate' ? offerOn(t, id) : allocationOn(t, id)
      }
      case 'childId': {
        // A child named on the route's referral (whose meeting offers its children an advocate).
        const row = await db
          .selectFrom('referral_child')
          .select('person_id')
          .where('referral_id', '=', values['referralId'] ?? '')
          .executeTakeFirstOrThrow()
        if (route.route.includes('/consultation/')) {
          // A child's consultation is before a review conference (ADR 31).
          const referral = await db
            .selectFrom('referral')
            .select('meeting_id')
            .where('id', '=', values['referralId'] ?? '')
            .executeTakeFirstOrThrow()
          await db
            .updateTable('meeting')
            .set({ type: 'review_conference' })
            .where('id', '=', referral.meeting_id ?? '')
            .execute()
        }
        return row.person_id
      }
      case 'personId': {
        const id = await referralAt(t, crew, 'awaiting_admin', unique())
        const row = await db.selectFrom('referral').select('person_id').where('id', '=', id).executeTakeFirstOrThrow()
        assert.ok(row.person_id)
        return row.person_id
      }
      case 'advocateId': {
        if (values['cohortId']) {
          const advocateId = await eligibleAdvocate(t, { familyName: unique() })
          await db.insertInto('cohort_member').values({ cohort_id: values['cohortId'], advocate_id: advocateId, authority_id: t.world.authorityId }).execute()
          return advocateId
        }
        // With a photo, so the photo's own address has something to show.
        const advocateId = await eligibleAdvocate(t, { familyName: unique() })
        await db.updateTable('advocate').set({ photo: PIXEL, photo_type: 'image/png' }).where('id', '=', advocateId).execute()
        return advocateId
      }
      case 'absenceId': {
        const row = await db
          .insertInto('advocate_absence')
          .values({ advocate_id: values['advocateId'] ?? '', authority_id: t.world.authorityId, starts_on: '2026-12-20', ends_on: '2027-01-02', note: 'Away' })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      }
      case 'familyGroupId': {
        const family = await db.insertInto('family_group').values({ authority_id: t.world.authorityId }).returning('id').executeTakeFirstOrThrow()
        await db
          .insertInto('advocate_known_family')
          .values({ advocate_id: values['advocateId'] ?? '', family_group_id: family.id, authority_id: t.world.authorityId, note: 'Neighbours' })
          .execute()
        return family.id
      }
      case 'serviceId':
        return localService(t, { name: `${unique()} Service` })
      case 'cohortId': {
        // A cohort with a member, so its register, modules and accreditation have a form to fill in.
        const cohortId = await cohortMade(await as('coordinator'), `${unique()} cohort`, ['5', '1', '2027'])
        const member = await eligibleAdvocate(t, { familyName: unique() })
        await db.insertInto('cohort_member').values({ cohort_id: cohortId, advocate_id: member, authority_id: t.world.authorityId }).execute()
        return cohortId
      }
      case 'week':
        return '1'
      case 'notificationId': {
        // One of the route's own user's notifications: nobody else may mark it done.
        const row = await db
          .insertInto('notification')
          .values({
            authority_id: t.world.authorityId,
            user_id: t.world.staff[route.who === 'anyone' ? 'manager' : route.who].id,
            kind: 'decision_waiting',
            key: `matrix:${unique()}`,
            about: 'A matrix notification',
            link: '/',
            due_on: null,
            created_at: t.clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      }
      case 'userId':
        return (await addStaff(t, unique(), `Tess ${unique()}`, ['referrer'])).id
      case 'teamId':
        return t.world.fgcTeamId
      case 'grantId': {
        const row = await db
          .insertInto('role_grant')
          .values({
            authority_id: t.world.authorityId,
            user_id: t.world.staff.analyst.id,
            granted_by: t.world.staff.sysadmin.id,
            roles: ['service_manager'],
            granted_at: t.clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      }
      case 'changeId': {
        const sysadmin = await as('sysadmin')
        await sysadmin.get('/admin/settings/bank-holidays/new')
        const added = await sysadmin.post('/admin/settings/bank-holidays/new', {
          change: 'added',
          ...weekday(holidays++),
          regions: 'scotland',
          name: `${unique()} holiday`,
        })
        if (added.location !== '/admin/settings')
          assert.fail(`a bank holiday is added: ${JSON.stringify(errorSummary((await sysadmin.get(added.location ?? '')).html))}`)
        const row = await db.selectFrom('bank_holiday_change').select('id').orderBy('created_at', 'desc').orderBy('id').executeTakeFirstOrThrow()
        return row.id
      }
      case 'token': {
        if (route.route.startsWith('/set-password/')) {
          const sysadmin = await as('sysadmin')
          await sysadmin.get('/admin/users/new')
          const created = await sysadmin.post('/admin/users/new', {
            displayName: `Lin ${unique()}`,
            email: `${unique().toLowerCase()}@test.example`,
            roles: 'referrer',
          })
          const token = /\/set-password\/([A-Za-z0-9_-]{43})$/.exec(textOf(created.document.querySelector('.app-link-to-copy')))?.[1]
          assert.ok(token, 'a new account has its one-time link')
          return token
        }
        return UNKNOWN_TOKEN
      }
      case 'enquiryId': {
        const sent = await t.services.publicPages.askForAnAdvocate(
          {
            authorityId: t.world.authorityId,
            asker: 'myself',
            askerName: null,
            askerRelationship: null,
            name: `Enid ${unique()}`,
            contactWay: 'phone',
            phone: '07700 900123',
            email: null,
            safeToLeaveMessage: true,
            safeTimes: null,
            socialWorker: null,
            meetingType: null,
            meetingDate: null,
            language: null,
            anythingElse: null,
          },
          { ip: `198.51.100.${(enquiries++ % 250) + 1}`, pageLanguage: 'en' },
        )
        assert.equal(sent.outcome, 'received', 'an enquiry is received')
        const row = await db.selectFrom('advocacy_enquiry').select('id').orderBy('received_at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow()
        return row.id
      }
      case 'concernId': {
        // A family's concern with every service manager (the fixture sets no list); acknowledged for the route that closes one.
        const referralId = await referralAt(t, crew, 'advocate_recorded', unique())
        const referral = await db.selectFrom('referral').select('person_id').where('id', '=', referralId).executeTakeFirstOrThrow()
        const acknowledged = route.route.endsWith('/close')
        const now = t.clock.now()
        const concern = await db
          .insertInto('concern')
          .values({
            authority_id: t.world.authorityId,
            referral_id: referralId,
            person_id: referral.person_id,
            raised_by_kind: 'family',
            about: 'me',
            words: 'A matrix concern',
            raised_at: now,
            with_every_manager: true,
            ...(acknowledged ? { state: 'acknowledged' as const, acknowledged_by: t.world.staff.manager.id, acknowledged_at: now, plan: 'Call her' } : {}),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        for (const step of ['raised', 'every_manager'] as const) {
          await db.insertInto('concern_step').values({ concern_id: concern.id, authority_id: t.world.authorityId, step, at: now }).execute()
        }
        return concern.id
      }
      case 'meetingId': {
        // A family page's meeting: one of a referral's own (only a family session opens it).
        const referralId = await referralAt(t, crew, 'advocate_recorded', unique())
        const row = await db.selectFrom('referral').select('meeting_id').where('id', '=', referralId).executeTakeFirstOrThrow()
        return row.meeting_id ?? ''
      }
      case 'page':
        return 'rights'
      case 'language':
        return 'en'
      case 'format':
        return 'csv'
      case 'year':
        return '2026'
      case 'themeId': {
        const row = await db
          .insertInto('feedback_theme')
          .values({ authority_id: t.world.authorityId, name: `${unique()} theme`, created_at: t.clock.now(), updated_at: t.clock.now() })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      }
      case 'responseId': {
        // A free-text answer about a referral's meeting, for the advocacy service to code.
        const referralId = await referralAt(t, crew, 'awaiting_admin', unique())
        const referral = await db.selectFrom('referral').select('meeting_id').where('id', '=', referralId).executeTakeFirstOrThrow()
        assert.ok(referral.meeting_id)
        const row = await db
          .insertInto('feedback_response')
          .values({
            authority_id: t.world.authorityId,
            referral_id: referralId,
            meeting_id: referral.meeting_id,
            channel: 'paper',
            language: 'en',
            better: 'The chair met me first',
            days_after: 1,
            given_at: t.clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      }
      default:
        return assert.fail(`the fixture cannot make a record for :${name} (${route.route}): say how in test/support/fixture.ts`)
    }
  }

  async function as(member: Member): Promise<Browser> {
    const known = browsers.get(member)
    if (known) return known
    const browser = await signedInAs(t, personOf(member))
    browsers.set(member, browser)
    return browser
  }

  return {
    t,
    crew,
    avrilId,
    as,
    async freshly(member) {
      if (member === 'anyone') return new Browser(t.app)
      return signedInAs(t, personOf(member))
    },
    async pathOf(route) {
      const values: Record<string, string> = {}
      let path = route.route
      for (const [, name] of route.route.matchAll(/:([A-Za-z]+)/g)) {
        assert.ok(name)
        values[name] = await param(name, route, values)
        path = path.replace(`:${name}`, values[name])
      }
      const formOn = Object.entries(values).reduce((on, [name, value]) => on.replace(`:${name}`, value), route.formOn ?? path)
      return { path, formOn }
    },
    close: () => t.close(),
  }
}
