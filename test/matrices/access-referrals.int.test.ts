import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../support/app.ts'
import { Browser, errorSummary, textOf, type FormValue, type Page } from '../support/browser.ts'
import { engine } from '../support/database.ts'
import { routes } from '../support/routes.ts'
import { allocationOn, eligibleAdvocate, localService, offerOn, worldAdvocate } from '../support/pool.ts'
import { completeSectionOne } from '../support/referral-steps.ts'
import type { Person } from '../support/world.ts'
import {
  advocateUser,
  allocationsOf,
  crewOf,
  isServicePage,
  referralAt,
  signedInAs,
  snapshot,
  stateOf,
  validMeeting,
  validOutcome,
  versionsOf,
  type Crew,
  type Stage,
} from '../support/workflow-steps.ts'

/**
 * "A person's record is open only to those with a legitimate relationship to it: the referrer who
 * made the referral, the advocacy admin team and service managers of the authority, and the
 * advocate allocated to it. Check this on every route, not only in menus."
 *
 * "What an advocate records with the person (contacts, notes, and the person's views until the
 * person agrees to share them) is visible to the advocacy service only, never to the referrer or
 * other local authority staff; test that wall."
 */

const RECORD = '/referrals/:referralId'

/** Forms that return to their own page once saved. */
const returnsHere = new Set(
  routes
    .filter((route) => route.method === 'POST' && route.returnsHere && route.route.startsWith(`${RECORD}/`))
    .map((route) => route.route.slice(RECORD.length + 1)),
)

/** Every page under /referrals/:id, from the one list of routes. */
const pages = routes.filter((route) => route.method === 'GET' && route.route.startsWith(RECORD)).map((route) => route.route.slice(RECORD.length))

type Body = Record<string, FormValue>

interface Action {
  readonly path: string
  /** Where the referral must be for this action to succeed for someone allowed to take it. */
  readonly stage: Stage
  /** A valid form: were the user allowed, it would do the work. */
  readonly body: (context: { id: string; t: TestApp }) => Promise<Body>
}

const actions: readonly Action[] = [
  { path: 'person', stage: 'draft', body: async ({ t }) => ({ personId: await anyAdult(t) }) },
  { path: 'person/new', stage: 'draft', body: async () => ({ givenName: 'Ivan', familyName: 'Intruder' }) },
  { path: 'children', stage: 'draft', body: async () => ({ childIds: [] }) },
  { path: 'children/new', stage: 'draft', body: async () => ({ givenName: 'Ina', familyName: 'Intruder' }) },
  {
    path: 'meeting',
    stage: 'complete_draft',
    body: async ({ t, id }) => ({ ...validMeeting, venue: 'Intruder Hall', version: (await versionsOf(t.database.db, id)).meeting }),
  },
  {
    path: 'section-1',
    stage: 'complete_draft',
    body: async ({ t, id }) => ({
      ...completeSectionOne,
      reason: 'Changed by an intruder',
      action: 'draft',
      version: (await versionsOf(t.database.db, id)).sectionOne,
    }),
  },
  { path: 'check', stage: 'complete_draft', body: async () => ({ note: 'Sent by an intruder' }) },
  {
    path: 'not-for-family',
    stage: 'awaiting_admin',
    body: async ({ t, id }) => ({ marked: ['reason'], version: (await versionsOf(t.database.db, id)).sectionOne }),
  },
  { path: 'pass-to-manager', stage: 'awaiting_admin', body: async ({ t }) => ({ managerId: t.world.staff.manager.id, note: 'Intruder' }) },
  { path: 'decision', stage: 'awaiting_decision', body: async () => ({ nextAction: 'no_further_action', reasons: 'Decided by an intruder' }) },
  { path: 'return', stage: 'awaiting_decision', body: async () => ({ note: 'Returned by an intruder' }) },
  {
    path: 'consent',
    stage: 'advocate_recorded',
    body: async ({ t, id }) => ({
      method: 'written',
      'date-day': '20',
      'date-month': '11',
      'date-year': '2026',
      details: 'Intruder',
      version: (await versionsOf(t.database.db, id)).sectionOne,
    }),
  },
  { path: 'matches', stage: 'in_review', body: async ({ t }) => ({ advocateId: await spareAdvocate(t) }) },
  { path: 'triage', stage: 'in_review', body: async ({ t }) => ({ localServiceId: await spareService(t), note: 'Triaged by an intruder' }) },
  { path: 'offer', stage: 'awaiting_advocate', body: async () => ({ answer: 'accept' }) },
  { path: 'change-advocate', stage: 'advocate_recorded', body: async () => ({ reason: 'Changed by an intruder' }) },
  { path: 'share-views', stage: 'advocate_recorded', body: async () => ({}) },
  { path: 'outcome', stage: 'advocate_recorded', body: async ({ t, id }) => ({ ...validOutcome, version: (await versionsOf(t.database.db, id)).review }) },
  { path: 'sign-off-request', stage: 'outcome_recorded', body: async ({ t }) => ({ managerId: t.world.staff.manager.id }) },
  { path: 'sign-off', stage: 'awaiting_sign_off', body: async () => ({ nextAction: 'advocacy_completed' }) },
  { path: 'withdraw', stage: 'awaiting_admin', body: async () => ({ reason: 'made_in_error' }) },
  { path: 'withdraw', stage: 'draft', body: async () => ({ reason: 'made_in_error' }) },
  { path: 'way-in', stage: 'in_review', body: async () => ({ openedAt: 'none', language: 'en', address: 'Intruder House' }) },
  { path: 'way-in/revoke', stage: 'in_review', body: async () => ({ openedAt: 'none' }) },
  { path: 'feedback/choice', stage: 'advocate_recorded', body: async () => ({ state: 'declined', version: '0' }) },
  { path: 'feedback/answers', stage: 'advocate_recorded', body: async () => ({ listened: 'no', better: 'Answered by an intruder' }) },
  { path: 'feedback/kiosk', stage: 'advocate_recorded', body: async () => ({}) },
  { path: 'feedback/kiosk/close', stage: 'advocate_recorded', body: async () => ({}) },
  { path: 'feedback/card', stage: 'advocate_recorded', body: async () => ({ opening: 'today', language: 'en', version: '0' }) },
  { path: 'feedback/card/revoke', stage: 'advocate_recorded', body: async () => ({}) },
  { path: 'way-in/reminders', stage: 'in_review', body: async () => ({ wants: 'email', email: 'intruder@example.com', version: '0' }) },
  {
    path: 'readiness',
    stage: 'advocate_recorded',
    body: async () => ({ 'reportSharedOn-day': '20', 'reportSharedOn-month': '11', 'reportSharedOn-year': '2026', venueConfirmed: 'yes', version: '0' }),
  },
  {
    path: 'child-advocate/:childId',
    stage: 'awaiting_admin',
    body: async () => ({ answer: 'declined', whoAnswered: 'child', reason: 'Declined by an intruder', version: '0' }),
  },
  {
    path: 'child-advocate/:childId/referral',
    stage: 'awaiting_admin',
    body: async ({ t, id }) => ({ version: String(await childOfferVersion(t, id)) }),
  },
  {
    path: 'consultation/:childId',
    stage: 'advocate_recorded',
    body: async () => ({ outcome: 'declined', declineReason: 'carer_says_cannot', declineDetail: 'Declined by an intruder', version: '0' }),
  },
  {
    path: 'reschedule',
    stage: 'awaiting_admin',
    body: async ({ t, id }) => ({
      'date-day': '16',
      'date-month': '12',
      'date-year': '2026',
      time: '11am',
      venue: 'Intruder Hall',
      version: (await versionsOf(t.database.db, id)).meeting,
    }),
  },
]

/**
 * A referral's page or form with any record it names besides the referral filled in: `:childId`,
 * a child named on the referral (so refusals of a child's page are tried on a real child).
 */
async function pathOn(t: TestApp, id: string, path: string): Promise<string> {
  if (!path.includes(':childId')) return `/referrals/${id}${path.startsWith('/') || path === '' ? '' : '/'}${path}`
  const child = await t.database.db.selectFrom('referral_child').select('person_id').where('referral_id', '=', id).executeTakeFirstOrThrow()
  return pathOn(t, id, path.replace(':childId', child.person_id))
}

/** The version of the offer to the child named on the referral (0 while nothing is recorded of it). */
async function childOfferVersion(t: TestApp, id: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('referral_child')
    .innerJoin('referral', 'referral.id', 'referral_child.referral_id')
    .leftJoin('child_advocacy_offer', (join) =>
      join.onRef('child_advocacy_offer.meeting_id', '=', 'referral.meeting_id').onRef('child_advocacy_offer.person_id', '=', 'referral_child.person_id'),
    )
    .select('child_advocacy_offer.version')
    .where('referral_child.referral_id', '=', id)
    .executeTakeFirst()
  return row?.version ?? 0
}

async function anyAdult(t: TestApp): Promise<string> {
  const row = await t.database.db
    .selectFrom('person')
    .select('id')
    .where('authority_id', '=', t.world.authorityId)
    .where('kind', '=', 'adult')
    .executeTakeFirstOrThrow()
  return row.id
}

const SPARE = 'Sparepool'

/** An advocate in the pool, free to be offered any referral (made in `before`). */
async function spareAdvocate(t: TestApp): Promise<string> {
  const row = await t.database.db
    .selectFrom('advocate')
    .select('id')
    .where('authority_id', '=', t.world.authorityId)
    .where('family_name', '=', SPARE)
    .executeTakeFirstOrThrow()
  return row.id
}

/** A local service any referral can be triaged to (made in `before`). */
async function spareService(t: TestApp): Promise<string> {
  const row = await t.database.db
    .selectFrom('local_service')
    .select('id')
    .where('authority_id', '=', t.world.authorityId)
    .where('name', '=', `${SPARE} Local Service`)
    .executeTakeFirstOrThrow()
  return row.id
}

const stages = [
  'draft',
  'complete_draft',
  'awaiting_admin',
  'awaiting_decision',
  'returned',
  'in_review',
  'awaiting_advocate',
  'advocate_recorded',
  'outcome_recorded',
  'awaiting_sign_off',
] as const satisfies readonly Stage[]
type ReferralStage = (typeof stages)[number]
/**
 * Every page is tried on a draft, on a referral offered to an advocate (where the offer's pages are
 * live), and on a sent referral in review (where every other review page is live for the service).
 */
const pageStages = ['complete_draft', 'awaiting_advocate', 'advocate_recorded'] as const satisfies readonly ReferralStage[]
/** The referrals at these points are offered to the world's advocate (Avril), who answers with her own sign-in. */
const offeredToAvril: readonly ReferralStage[] = ['awaiting_advocate', 'advocate_recorded']

/** What the advocate writes with the person on the referral in review: only the advocacy service may see it. */
const CONTACT_NOTES = 'Contactnote: she spoke of her sister'
const VIEWS = 'Personviews: I want to be heard'
const contact = (notes: string) => ({ 'contactedOn-day': '23', 'contactedOn-month': '11', 'contactedOn-year': '2026', method: 'phone', minutes: '20', notes })

const isDraft = (stage: Stage) => stage === 'draft' || stage === 'complete_draft' || stage === 'empty_draft'

/** What was wrong with one response: `leak` (the record was shown or changed) or `status` (a leak-free refusal, but not a 404/403 page). */
interface Finding {
  readonly kind: 'leak' | 'status'
  readonly what: string
}

/** Fails, listing every problem found (not only the first), when there are any. */
function noProblems(problems: readonly string[], title: string): void {
  if (problems.length === 0) return
  assert.fail(
    `${title}: ${problems.length} problem(s):\n  ${problems.slice(0, 40).join('\n  ')}${problems.length > 40 ? `\n  …and ${problems.length - 40} more` : ''}`,
  )
}

function only(findings: readonly Finding[], kind: Finding['kind']): string[] {
  return findings.filter((finding) => finding.kind === kind).map((finding) => finding.what)
}

describe(`record-level access on every route (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  /** One referral at each point of the workflow; each has its own family name, which only those allowed may see. */
  const referrals = new Map<ReferralStage, { id: string; familyName: string; reference: string }>()
  let outsiders: Record<string, Browser>
  /** Those who may see a sent referral, but never a draft. */
  let service: Record<string, Browser>
  /** The pool's record of the world's advocate (Avril), to whom some referrals are offered. */
  let avrilId: string
  /** Avril, signed in. */
  let avril: Browser
  /** Another advocate, in the pool with a sign-in of their own, to whom nothing here is offered. */
  let otto: Person

  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    avrilId = await worldAdvocate(t)
    await eligibleAdvocate(t, { givenName: 'Sam', familyName: SPARE, capacity: 20 })
    await localService(t, { name: `${SPARE} Local Service` })
    otto = (await advocateUser(t, 'otherAdvocate', 'Otto Otheradvocate')).person
    for (const stage of stages) {
      const familyName = `Secret${stage.replace(/_/g, '')}`
      const id = await referralAt(t, crew, stage, familyName, offeredToAvril.includes(stage) ? { advocateId: avrilId } : {})
      const row = await t.database.db.selectFrom('referral').select('reference').where('id', '=', id).executeTakeFirstOrThrow()
      referrals.set(stage, { id, familyName, reference: row.reference })
    }
    // Avril records a contact with the person in review, and their views, which they agree to share (so an admin could share them).
    avril = await signedInAs(t, t.world.staff.advocate)
    const inReview = referrals.get('advocate_recorded')
    assert.ok(inReview)
    const person = `/my-people/people/${await allocationOn(t, inReview.id)}`
    assert.equal((await avril.post(`${person}/contacts`, contact(CONTACT_NOTES))).location, person, 'Avril records a contact')
    const views = { views: VIEWS, agreed: 'yes', 'agreedOn-day': '24', 'agreedOn-month': '11', 'agreedOn-year': '2026', version: '0' }
    assert.equal((await avril.post(`${person}/views`, views)).location, person, "and the person's views")
    const { staff, elsewhere } = t.world
    const people = {
      'another referrer': staff.otherReferrer,
      'an advocate the referral was not offered to': otto,
      'a coordinator': staff.coordinator,
      'an analyst': staff.analyst,
      'a system admin': staff.sysadmin,
      "another authority's referrer": elsewhere.referrer,
      "another authority's advocacy admin": elsewhere.admin,
      "another authority's service manager": elsewhere.manager,
    }
    const [otherManager, ...browsers] = await Promise.all([signedInAs(t, staff.otherManager), ...Object.values(people).map((person) => signedInAs(t, person))])
    outsiders = Object.fromEntries(Object.keys(people).map((who, index) => [who, browsers[index] as Browser]))
    assert.ok(otherManager)
    service = { 'the advocacy admin': crew.admin, 'the service manager': crew.manager, 'another service manager': otherManager }
  })
  after(async () => t.close())

  function referral(stage: ReferralStage) {
    const found = referrals.get(stage)
    assert.ok(found, `a referral at ${stage}`)
    return found
  }

  /** Who must be refused this referral: everyone without a relationship to it. */
  function refusedFor(stage: ReferralStage): Record<string, Browser> {
    return isDraft(stage) ? { ...outsiders, ...service } : outsiders
  }

  function judgeRefusal(page: Page, secrets: readonly string[], what: string, findings: Finding[], samePath?: string): void {
    const shows = secrets.filter((secret) => page.html.includes(secret))
    const redirectedAway = page.status >= 300 && page.status < 400 && page.location !== samePath
    if (page.status < 300 || redirectedAway || shows.length > 0) {
      findings.push({ kind: 'leak', what: `${what}: ${page.status} ${page.location ?? ''}${shows.length ? ` showing ${shows.join(', ')}` : ''}` })
    } else if (![403, 404].includes(page.status) || !isServicePage(page)) {
      findings.push({ kind: 'status', what: `${what}: ${page.status} ${String(page.response.headers['content-type'])} ${page.html.slice(0, 100)}` })
    }
  }

  describe('opening any page of a referral', () => {
    const findings: Finding[] = []
    let checked = 0

    before(async () => {
      for (const stage of pageStages) {
        const { id, familyName, reference } = referral(stage)
        for (const [who, browser] of Object.entries(refusedFor(stage))) {
          for (const page of pages) {
            const url = await pathOn(t, id, page)
            judgeRefusal(await browser.get(url), [familyName, reference], `${who} GET ${url.replace(id, `<${stage}>`)}`, findings)
            checked += 1
          }
        }
      }
    })

    test('those allowed can open them (so the refusals below are not broken links)', async () => {
      for (const stage of stages) {
        const { id, familyName } = referral(stage)
        const own = await crew.referrer.get(`/referrals/${id}`)
        assert.equal(own.status, 200, `the referrer opens their ${stage} referral`)
        assert.ok(own.html.includes(familyName))
        if (!isDraft(stage)) {
          for (const [who, browser] of Object.entries(service)) {
            const page = await browser.get(`/referrals/${id}`)
            assert.equal(page.status, 200, `${who} opens the ${stage} referral`)
            assert.ok(page.html.includes(familyName))
          }
        }
      }
      // The allocation's pages are live for the admin at the points they are tried at.
      for (const [stage, page] of [
        ['in_review', 'matches'],
        ['in_review', 'triage'],
        ['awaiting_advocate', 'offer'],
        ['advocate_recorded', 'change-advocate'],
      ] as const) {
        const { id, familyName } = referral(stage)
        const shown = await crew.admin.get(`/referrals/${id}/${page}`)
        assert.equal(shown.status, 200, `the admin opens /${page} of the ${stage} referral`)
        assert.ok(shown.html.includes(familyName), `/${page} is about the referral`)
      }
    })

    test('shows nothing of the referral to anyone without a relationship to it (no 2xx, no redirect into it, no name or reference)', () => {
      assert.ok(checked > pages.length * 8, 'every page was tried')
      noProblems(only(findings, 'leak'), 'pages shown to people without a relationship')
    })

    test("answers them with the service's 404 or 403 page, never a 500", () => {
      noProblems(only(findings, 'status'), 'refusals that are not a 404 or 403 page')
    })
  })

  describe('taking any action on a referral', () => {
    const findings: Finding[] = []
    let posted = 0

    test('every form under /referrals/:id in the list of routes is an action tried here', () => {
      const forms = routes
        .filter((route) => route.method === 'POST' && route.route.startsWith(`${RECORD}/`))
        .map((route) => route.route.slice(RECORD.length + 1))
      assert.deepEqual(
        forms.filter((form) => !actions.some((action) => action.path === form)),
        [],
      )
    })

    before(async () => {
      for (const action of actions) {
        const stage = action.stage as ReferralStage
        const { id, familyName, reference } = referral(stage)
        const path = await pathOn(t, id, action.path)
        for (const [who, browser] of Object.entries(refusedFor(stage))) {
          const what = `${who} POST /referrals/<${stage}>/${action.path}`
          const before = await snapshot(t.database.db, id)
          const page = await browser.post(path, await action.body({ id, t }))
          const afterwards = await snapshot(t.database.db, id)
          posted += 1
          judgeRefusal(page, [familyName, reference], what, findings, path)
          try {
            assert.deepEqual(afterwards, before)
          } catch {
            findings.push({ kind: 'leak', what: `${what} changed the referral: ${JSON.stringify(afterwards).slice(0, 400)}` })
          }
        }
      }
    })

    test('each action works for the person it is meant for (so the refusals below are real)', async () => {
      // The same forms, posted by those allowed, on referrals of their own at the same points.
      const allowed: Record<string, keyof Crew> = {
        person: 'referrer',
        'person/new': 'referrer',
        children: 'referrer',
        'children/new': 'referrer',
        meeting: 'referrer',
        'section-1': 'referrer',
        'not-for-family': 'referrer',
        check: 'referrer',
        'pass-to-manager': 'admin',
        decision: 'manager',
        return: 'manager',
        consent: 'admin',
        matches: 'admin',
        triage: 'admin',
        offer: 'admin',
        'change-advocate': 'admin',
        'share-views': 'admin',
        outcome: 'admin',
        'sign-off-request': 'admin',
        'sign-off': 'manager',
        withdraw: 'referrer',
        reschedule: 'referrer',
        readiness: 'admin',
        'child-advocate/:childId': 'admin',
        'child-advocate/:childId/referral': 'admin',
        'consultation/:childId': 'admin',
      }
      // Walks fresh referrals through the same actions, each taken at the point the refusals were tried at.
      const walks: readonly (readonly [Stage, readonly (readonly [string, Stage])[], ((id: string) => Promise<void>)?])[] = [
        [
          'draft',
          [
            ['person', 'draft'],
            ['person/new', 'draft'],
            ['children/new', 'draft'],
            ['children', 'draft'],
            ['withdraw', 'draft'],
          ],
        ],
        [
          'complete_draft',
          [
            ['meeting', 'complete_draft'],
            ['section-1', 'complete_draft'],
            ['check', 'complete_draft'],
            ['reschedule', 'awaiting_admin'],
            ['pass-to-manager', 'awaiting_admin'],
            ['return', 'awaiting_decision'],
          ],
        ],
        ['awaiting_decision', [['decision', 'awaiting_decision']]],
        [
          'in_review',
          [
            ['matches', 'in_review'],
            ['offer', 'awaiting_advocate'],
          ],
        ],
        ['in_review', [['triage', 'in_review']]],
        [
          'advocate_recorded',
          [
            ['readiness', 'advocate_recorded'],
            ['consent', 'advocate_recorded'],
            ['outcome', 'advocate_recorded'],
            ['sign-off-request', 'outcome_recorded'],
            ['sign-off', 'awaiting_sign_off'],
          ],
        ],
        [
          'advocate_recorded',
          [
            ['share-views', 'advocate_recorded'],
            ['change-advocate', 'advocate_recorded'],
          ],
          async (id) => {
            // Avril works with the person, who agrees to share their views.
            const person = `/my-people/people/${await allocationOn(t, id)}`
            const views = { views: 'Views to share', agreed: 'yes', 'agreedOn-day': '24', 'agreedOn-month': '11', 'agreedOn-year': '2026', version: '0' }
            assert.equal((await avril.post(`${person}/views`, views)).location, person)
          },
        ],
        [
          'awaiting_admin',
          [
            ['not-for-family', 'awaiting_admin'],
            ['child-advocate/:childId', 'awaiting_admin'],
            ['withdraw', 'awaiting_admin'],
          ],
        ],
        [
          'awaiting_admin',
          [['child-advocate/:childId/referral', 'awaiting_admin']],
          async (id) => {
            // The child accepted the offer of an advocate: their own referral can be started.
            const path = await pathOn(t, id, 'child-advocate/:childId')
            assert.equal((await crew.admin.post(path, { answer: 'accepted', whoAnswered: 'child', version: '0' })).location, `/referrals/${id}`)
          },
        ],
        [
          'advocate_recorded',
          [['consultation/:childId', 'advocate_recorded']],
          async (id) => {
            // A child is consulted before a review conference (ADR 31).
            const referral = await t.database.db.selectFrom('referral').select('meeting_id').where('id', '=', id).executeTakeFirstOrThrow()
            await t.database.db
              .updateTable('meeting')
              .set({ type: 'review_conference' })
              .where('id', '=', referral.meeting_id ?? '')
              .execute()
          },
        ],
      ]
      const tried = new Set<Action>()
      for (const [stage, steps, prepare] of walks) {
        const id = await referralAt(t, crew, stage, 'Control', prepare ? { advocateId: avrilId } : {})
        await prepare?.(id)
        for (const [path, at] of steps) {
          const action = actions.find((candidate) => candidate.path === path && candidate.stage === at)
          assert.ok(action, `an action ${path} at ${at}`)
          tried.add(action)
          const browser = crew[allowed[path] ?? 'referrer']
          const url = await pathOn(t, id, path)
          await browser.get(url)
          const before = await snapshot(t.database.db, id)
          const page = await browser.post(url, await action.body({ id, t }))
          assert.equal(page.status, 303, `${path} by its proper user`)
          if (page.location === url) {
            // A page that returns to itself once saved (readiness) shows no errors; any other is sent back with them.
            const errors = errorSummary((await browser.get(page.location)).html)
            if (!returnsHere.has(path) || errors.length > 0) assert.fail(`${path} by its proper user is sent back to the form: ${errors.join('; ')}`)
          }
          assert.notDeepEqual(await snapshot(t.database.db, id), before, `${path} by its proper user changes the referral`)
        }
      }
      // A family's way in (and their reminders) and their feedback change no referral row: their proper users are proven in
      // src/features/family/way-in/way-in.int.test.ts, reminders/, and src/features/feedback/referral/feedback.int.test.ts.
      const provedBeside = actions.filter((action) => action.path.startsWith('way-in') || action.path.startsWith('feedback'))
      assert.equal(tried.size + provedBeside.length, actions.length, 'every action has its control')
    })

    test('changes nothing when posted by anyone without a relationship to the referral, and shows nothing of it', () => {
      assert.ok(posted >= actions.length * 8, 'every action was tried')
      noProblems(only(findings, 'leak'), 'actions that changed or showed the referral')
    })

    test("is refused with the service's 404 or 403 page, never a 500", () => {
      noProblems(only(findings, 'status'), 'refusals that are not a 404 or 403 page')
    })
  })

  describe('steps taken by someone who may see the referral, but whose role does not allow the step', () => {
    const attempts: readonly { who: keyof Crew; path: string; stage: ReferralStage; body: (context: { id: string; t: TestApp }) => Promise<Body> }[] = [
      { who: 'referrer', path: 'pass-to-manager', stage: 'awaiting_admin', body: async ({ t }) => ({ managerId: t.world.staff.manager.id }) },
      {
        who: 'referrer',
        path: 'decision',
        stage: 'awaiting_decision',
        body: async () => ({ nextAction: 'no_further_action', reasons: 'Deciding my own referral' }),
      },
      { who: 'referrer', path: 'return', stage: 'awaiting_decision', body: async () => ({ note: 'Returning it to myself' }) },
      { who: 'referrer', path: 'matches', stage: 'in_review', body: async ({ t }) => ({ advocateId: await spareAdvocate(t) }) },
      {
        who: 'referrer',
        path: 'triage',
        stage: 'in_review',
        body: async ({ t }) => ({ localServiceId: await spareService(t), note: 'The referrer’s choice' }),
      },
      { who: 'referrer', path: 'offer', stage: 'awaiting_advocate', body: async () => ({ answer: 'decline', reason: 'The referrer would like someone else' }) },
      { who: 'referrer', path: 'change-advocate', stage: 'advocate_recorded', body: async () => ({ reason: 'The referrer would like someone else' }) },
      { who: 'referrer', path: 'share-views', stage: 'advocate_recorded', body: async () => ({}) },
      {
        who: 'referrer',
        path: 'outcome',
        stage: 'advocate_recorded',
        body: async ({ t, id }) => ({ ...validOutcome, version: (await versionsOf(t.database.db, id)).review }),
      },
      { who: 'referrer', path: 'sign-off', stage: 'awaiting_sign_off', body: async () => ({ nextAction: 'advocacy_completed' }) },
      { who: 'admin', path: 'decision', stage: 'awaiting_decision', body: async () => ({ nextAction: 'no_further_action', reasons: 'An admin deciding' }) },
      { who: 'admin', path: 'return', stage: 'awaiting_decision', body: async () => ({ note: 'An admin returning it' }) },
      { who: 'admin', path: 'sign-off', stage: 'awaiting_sign_off', body: async () => ({ nextAction: 'advocacy_completed' }) },
      {
        who: 'admin',
        path: 'section-1',
        stage: 'returned',
        body: async ({ t, id }) => ({
          ...completeSectionOne,
          reason: 'An admin rewriting Section 1',
          action: 'draft',
          version: (await versionsOf(t.database.db, id)).sectionOne,
        }),
      },
      { who: 'admin', path: 'check', stage: 'returned', body: async () => ({ note: 'An admin resubmitting' }) },
      { who: 'manager', path: 'pass-to-manager', stage: 'awaiting_admin', body: async ({ t }) => ({ managerId: t.world.staff.manager.id }) },
      { who: 'manager', path: 'matches', stage: 'in_review', body: async ({ t }) => ({ advocateId: await spareAdvocate(t) }) },
      { who: 'manager', path: 'triage', stage: 'in_review', body: async ({ t }) => ({ localServiceId: await spareService(t), note: 'A manager’s pick' }) },
      { who: 'manager', path: 'offer', stage: 'awaiting_advocate', body: async () => ({ answer: 'accept' }) },
      { who: 'manager', path: 'change-advocate', stage: 'advocate_recorded', body: async () => ({ reason: 'A manager’s change' }) },
      { who: 'manager', path: 'share-views', stage: 'advocate_recorded', body: async () => ({}) },
      {
        who: 'manager',
        path: 'outcome',
        stage: 'advocate_recorded',
        body: async ({ t, id }) => ({ ...validOutcome, version: (await versionsOf(t.database.db, id)).review }),
      },
      { who: 'manager', path: 'sign-off-request', stage: 'outcome_recorded', body: async ({ t }) => ({ managerId: t.world.staff.manager.id }) },
      {
        who: 'referrer',
        path: 'child-advocate/:childId',
        stage: 'awaiting_admin',
        body: async () => ({ answer: 'accepted', whoAnswered: 'child', version: '0' }),
      },
      {
        who: 'manager',
        path: 'child-advocate/:childId',
        stage: 'awaiting_admin',
        body: async () => ({ answer: 'accepted', whoAnswered: 'child', version: '0' }),
      },
      { who: 'referrer', path: 'child-advocate/:childId/referral', stage: 'awaiting_admin', body: async () => ({ version: '0' }) },
      { who: 'manager', path: 'child-advocate/:childId/referral', stage: 'awaiting_admin', body: async () => ({ version: '0' }) },
      {
        who: 'manager',
        path: 'section-1',
        stage: 'returned',
        body: async ({ t, id }) => ({
          ...completeSectionOne,
          reason: 'A manager rewriting Section 1',
          action: 'draft',
          version: (await versionsOf(t.database.db, id)).sectionOne,
        }),
      },
    ]
    const outcomes: { what: string; page: Page; changed: boolean; path: string }[] = []

    before(async () => {
      for (const attempt of attempts) {
        const { id } = referral(attempt.stage)
        const path = await pathOn(t, id, attempt.path)
        const browser = crew[attempt.who]
        const before = await snapshot(t.database.db, id)
        const page = await browser.post(path, await attempt.body({ id, t }))
        const changed = JSON.stringify(await snapshot(t.database.db, id)) !== JSON.stringify(before)
        outcomes.push({ what: `the ${attempt.who} POST /referrals/<${attempt.stage}>/${attempt.path}`, page, changed, path })
        if (page.location === path) await browser.get(path) // takes the refusal's message, as a browser would
      }
    })

    test('change nothing', () => {
      assert.equal(outcomes.length, attempts.length)
      const changed = outcomes.filter(
        (outcome) => outcome.changed || outcome.page.status < 300 || (outcome.page.status < 400 && outcome.page.location !== outcome.path),
      )
      noProblems(
        changed.map((outcome) => `${outcome.what}: ${outcome.page.status} ${outcome.page.location ?? ''}${outcome.changed ? ' and changed the referral' : ''}`),
        'steps taken by the wrong role',
      )
    })

    test("are refused with the service's 403 page (or sent back to the form), never a 500", () => {
      const wrong = outcomes.filter(
        (outcome) => !(outcome.page.location === outcome.path || ([403, 409].includes(outcome.page.status) && isServicePage(outcome.page))),
      )
      noProblems(
        wrong.map((outcome) => `${outcome.what}: ${outcome.page.status} ${outcome.page.html.slice(0, 120)}`),
        'wrong-role refusals that are not a 403 page',
      )
    })

    test("the referrer cannot open the allocation's pages either: refused, or sent to the referral, with nothing of the pool shown and nothing changed", async () => {
      const problems: string[] = []
      for (const [stage, page] of [
        ['in_review', 'matches'],
        ['in_review', 'triage'],
        ['awaiting_advocate', 'offer'],
        ['advocate_recorded', 'change-advocate'],
      ] as const) {
        const { id } = referral(stage)
        const before = await snapshot(t.database.db, id)
        const shown = await crew.referrer.get(`/referrals/${id}/${page}`)
        const what = `the referrer GET /referrals/<${stage}>/${page}: ${shown.status} ${shown.location ?? ''}`
        const refused = [403, 404].includes(shown.status) && isServicePage(shown)
        const sentToReferral = shown.status === 303 && shown.location === `/referrals/${id}`
        if (!refused && !sentToReferral) problems.push(what)
        const pool = [SPARE, 'Avril Advocate', 'Otheradvocate', `${SPARE} Local Service`].filter((name) => shown.html.includes(name))
        if (pool.length) problems.push(`${what} shows ${pool.join(', ')}`)
        if (JSON.stringify(await snapshot(t.database.db, id)) !== JSON.stringify(before)) problems.push(`${what} changed the referral`)
      }
      noProblems(problems, "the referrer and the allocation's pages")
    })

    test("the advocate a referral was offered to cannot take the admin's steps: offer it, triage it, change its advocate or share the views", async () => {
      const findings: Finding[] = []
      const steps: readonly (readonly [ReferralStage, string, Body])[] = [
        ['in_review', 'matches', { advocateId: avrilId }],
        ['in_review', 'triage', { localServiceId: await spareService(t), note: 'Avril’s choice' }],
        ['advocate_recorded', 'change-advocate', { reason: 'Avril would like to stop' }],
        ['advocate_recorded', 'share-views', {}],
      ]
      for (const [stage, page, body] of steps) {
        const { id, familyName, reference } = referral(stage)
        const path = `/referrals/${id}/${page}`
        const what = `Avril POST /referrals/<${stage}>/${page}`
        const before = await snapshot(t.database.db, id)
        judgeRefusal(await avril.post(path, body), [familyName, reference], what, findings, path)
        if (JSON.stringify(await snapshot(t.database.db, id)) !== JSON.stringify(before)) findings.push({ kind: 'leak', what: `${what} changed the referral` })
        judgeRefusal(await avril.get(path), [familyName, reference], `Avril GET /referrals/<${stage}>/${page}`, findings)
      }
      noProblems(only(findings, 'leak'), "the admin's steps taken by an advocate")
      noProblems(only(findings, 'status'), "refusals of the admin's steps to an advocate that are not a 404 or 403 page")
    })
  })

  describe("the advocate's own pages", () => {
    /** The offer waiting on Avril, and the allocation of the person she works with. */
    let offerId: string
    let allocationId: string
    /** Everyone but Avril: the advocate's pages are hers alone (the service records her answer on its own pages). */
    let refused: Record<string, Browser>

    before(async () => {
      offerId = await offerOn(t, referral('awaiting_advocate').id)
      allocationId = await allocationOn(t, referral('advocate_recorded').id)
      refused = { ...outsiders, ...service, 'the referrer': crew.referrer }
    })

    /** Each page, the referral it is about, and what it must never show to anyone else. */
    function advocacyPages(): { url: string; stage: ReferralStage }[] {
      return [
        { url: `/my-people/offers/${offerId}`, stage: 'awaiting_advocate' },
        { url: `/my-people/allocations/${offerId}/meeting.ics`, stage: 'awaiting_advocate' },
        { url: `/my-people/people/${allocationId}`, stage: 'advocate_recorded' },
        { url: `/my-people/people/${allocationId}/contacts`, stage: 'advocate_recorded' },
        { url: `/my-people/people/${allocationId}/views`, stage: 'advocate_recorded' },
        { url: `/my-people/allocations/${allocationId}/meeting.ics`, stage: 'advocate_recorded' },
      ]
    }
    const secretsOf = (stage: ReferralStage) => [referral(stage).familyName, referral(stage).reference, CONTACT_NOTES, VIEWS]
    const shortly = (url: string) => url.replace(/[0-9a-f-]{36}/, ':id')

    const posts = (): { url: string; stage: ReferralStage; body: () => Promise<Body> }[] => [
      { url: `/my-people/offers/${offerId}`, stage: 'awaiting_advocate', body: async () => ({ answer: 'accept' }) },
      { url: `/my-people/offers/${offerId}`, stage: 'awaiting_advocate', body: async () => ({ answer: 'decline', reason: 'Declined by an intruder' }) },
      { url: `/my-people/people/${allocationId}/contacts`, stage: 'advocate_recorded', body: async () => contact('Recorded by an intruder') },
      {
        url: `/my-people/people/${allocationId}/views`,
        stage: 'advocate_recorded',
        body: async () => ({
          views: 'Written by an intruder',
          agreed: 'yes',
          'agreedOn-day': '24',
          'agreedOn-month': '11',
          'agreedOn-year': '2026',
          version: (await versionsOf(t.database.db, referral('advocate_recorded').id)).views,
        }),
      },
    ]

    test('the advocate they are for can open each of them (so the refusals below are not broken links)', async () => {
      for (const { url, stage } of advocacyPages()) {
        const page = await avril.get(url)
        assert.equal(page.status, 200, `Avril opens ${shortly(url)}`)
        if (url.endsWith('.ics')) {
          assert.match(String(page.response.headers['content-type']), /text\/calendar/)
          assert.match(page.html, /BEGIN:VCALENDAR/)
          assert.ok(page.html.includes(referral(stage).reference), 'the calendar names the referral')
        } else {
          assert.ok(page.html.includes(referral(stage).familyName), `${shortly(url)} is about the person`)
        }
      }
      const person = await avril.get(`/my-people/people/${allocationId}`)
      assert.ok(person.html.includes(CONTACT_NOTES) && person.html.includes(VIEWS), 'her own record shows what she wrote')
      const home = textOf((await avril.get('/my-people')).html)
      assert.ok(
        home.includes(referral('awaiting_advocate').familyName) && home.includes(referral('advocate_recorded').familyName),
        'her page lists her offer and her person',
      )
    })

    test("opening them shows nothing to anyone else (403 or 404, never a 200, a redirect or a 500); another advocate's allocation id is a 404", async () => {
      const findings: Finding[] = []
      for (const { url, stage } of advocacyPages()) {
        for (const [who, browser] of Object.entries(refused)) {
          const page = await browser.get(url)
          judgeRefusal(page, secretsOf(stage), `${who} GET ${shortly(url)}`, findings)
          if (who === 'an advocate the referral was not offered to' && page.status !== 404)
            findings.push({ kind: 'status', what: `Otto GET ${shortly(url)}: ${page.status}, not 404` })
        }
      }
      noProblems(only(findings, 'leak'), "the advocate's pages shown to others")
      noProblems(only(findings, 'status'), "refusals of the advocate's pages that are not a 404 or 403 page")
    })

    test('posting their forms changes nothing for anyone else, and is refused with a 403 or 404 page', async () => {
      const findings: Finding[] = []
      for (const { url, stage, body } of posts()) {
        const { id } = referral(stage)
        for (const [who, browser] of Object.entries(refused)) {
          const what = `${who} POST ${shortly(url)}`
          const before = await snapshot(t.database.db, id)
          const page = await browser.post(url, await body())
          judgeRefusal(page, secretsOf(stage), what, findings, url)
          const afterwards = await snapshot(t.database.db, id)
          try {
            assert.deepEqual(afterwards, before)
          } catch {
            findings.push({ kind: 'leak', what: `${what} changed the referral: ${JSON.stringify(afterwards).slice(0, 300)}` })
          }
        }
      }
      assert.equal(await stateOf(t.database.db, referral('awaiting_advocate').id), 'awaiting_advocate', 'the offer still waits on Avril')
      assert.deepEqual(
        (await allocationsOf(t.database.db, referral('advocate_recorded').id)).map((allocation) => [allocation.status, allocation.advocate_id]),
        [['accepted', avrilId]],
      )
      noProblems(only(findings, 'leak'), "the advocate's forms posted by others")
      noProblems(only(findings, 'status'), "refusals of the advocate's forms that are not a 404 or 403 page")
    })

    test('the same forms work for the advocate they are for (so the refusals above are real)', async () => {
      // On referrals of her own, offered to her in the same way.
      for (const answer of [{ answer: 'accept' }, { answer: 'decline', reason: 'I know this family' }]) {
        const id = await referralAt(t, crew, 'awaiting_advocate', 'Control', { advocateId: avrilId })
        const offer = await offerOn(t, id)
        const before = await snapshot(t.database.db, id)
        await avril.get(`/my-people/offers/${offer}`)
        const page = await avril.post(`/my-people/offers/${offer}`, answer)
        assert.equal(
          page.location,
          answer.answer === 'accept' ? `/my-people/people/${offer}` : '/my-people',
          `${answer.answer}: ${JSON.stringify(errorSummary((await avril.get(`/my-people/offers/${offer}`)).html))}`,
        )
        assert.notDeepEqual(await snapshot(t.database.db, id), before)
        assert.equal(await stateOf(t.database.db, id), 'in_review')
      }
      const id = await referralAt(t, crew, 'advocate_recorded', 'Control', { advocateId: avrilId })
      const person = `/my-people/people/${await allocationOn(t, id)}`
      for (const [url, body] of [
        [`${person}/contacts`, contact('A contact of her own')],
        [`${person}/views`, { views: 'Views of her own', version: '0' }],
      ] as const) {
        await avril.get(url)
        const before = await snapshot(t.database.db, id)
        const page = await avril.post(url, body)
        assert.equal(page.location, person, `${shortly(url)}: ${JSON.stringify(errorSummary((await avril.get(url)).html))}`)
        assert.notDeepEqual(await snapshot(t.database.db, id), before, `${shortly(url)} saves`)
      }
    })

    test("an advocate's own page lists only their own offers and people", async () => {
      const other = await signedInAs(t, otto)
      const page = await other.get('/my-people')
      assert.equal(page.status, 200, 'Otto has a page of his own')
      const shown = [...referrals.values()].filter(({ familyName, reference }) => page.html.includes(familyName) || page.html.includes(reference))
      assert.deepEqual(
        shown.map(({ familyName }) => familyName),
        [],
        "Otto's page lists none of Avril's",
      )
      assert.ok(!page.html.includes(offerId) && !page.html.includes(allocationId))
      const work = await other.get('/')
      assert.ok(![...referrals.values()].some(({ familyName }) => work.html.includes(familyName)), "nor does Otto's work")
      for (const [who, browser] of Object.entries({ ...service, 'the referrer': crew.referrer, 'a coordinator': outsiders['a coordinator'] })) {
        assert.ok(browser)
        const refusedHome = await browser.get('/my-people')
        assert.ok([403, 404].includes(refusedHome.status) && isServicePage(refusedHome), `${who} GET /advocacy: ${refusedHome.status}`)
      }
    })

    test('every link on the advocate’s own work and pages opens for her (none leads to a page she is refused)', async () => {
      const problems: string[] = []
      const ids = [offerId, allocationId, referral('awaiting_advocate').id, referral('advocate_recorded').id]
      for (const from of ['/', '/my-people', `/my-people/offers/${offerId}`, `/my-people/people/${allocationId}`]) {
        const page = await avril.get(from)
        assert.equal(page.status, 200, from)
        const links = [...page.document.querySelectorAll('a[href]')]
          .map((link) => link.getAttribute('href') ?? '')
          .filter((href) => !href.startsWith('#') && ids.some((id) => href.includes(id)))
        if (from !== '/') assert.ok(links.length > 0, `${shortly(from)} links to her work`)
        for (const href of new Set(links)) {
          const opened = await avril.get(href)
          if (opened.status !== 200) problems.push(`${shortly(from)} links to ${shortly(href)}, which answers her ${opened.status}`)
        }
      }
      noProblems(problems, "links on the advocate's pages")
    })
  })

  describe("the advocacy record's wall", () => {
    const NOTES = 'Wallnote: she told me about the row with her sister'
    const SAID = 'Wallviews: I want my children to come home'
    let id: string
    let personId: string
    let allocation: string

    before(async () => {
      id = await referralAt(t, crew, 'awaiting_advocate', 'Walled', { advocateId: avrilId })
      allocation = await offerOn(t, id)
      await avril.get(`/my-people/offers/${allocation}`)
      assert.equal((await avril.post(`/my-people/offers/${allocation}`, { answer: 'accept' })).location, `/my-people/people/${allocation}`, 'Avril accepts')
      const person = `/my-people/people/${allocation}`
      await avril.get(`${person}/contacts`)
      assert.equal((await avril.post(`${person}/contacts`, contact(NOTES))).location, person, 'and records a contact')
      await avril.get(`${person}/views`)
      assert.equal((await avril.post(`${person}/views`, { views: SAID, version: '0' })).location, person, "and the person's views, not yet agreed")
      const row = await t.database.db.selectFrom('referral').select('person_id').where('id', '=', id).executeTakeFirstOrThrow()
      assert.ok(row.person_id)
      personId = row.person_id
    })

    /** Every page the referrer can reach about this referral and person, and their own work; redirects followed. */
    function reachable(): string[] {
      return ['/', '/team-work', `/people/${personId}`, '/people?name=Walled', ...pages.map((page) => `/referrals/${id}${page}`)]
    }

    /** Where any of `secrets` shows on these pages, for this browser. */
    async function showing(browser: Browser, who: string, urls: readonly string[], secrets: readonly string[]): Promise<string[]> {
      const problems: string[] = []
      for (const url of urls) {
        const page = await browser.open(url)
        if (page.status >= 500) problems.push(`${who} ${url}: ${page.status}`)
        const text = textOf(page.html)
        for (const secret of secrets)
          if (text.includes(secret) || page.html.includes(secret)) problems.push(`${who} ${url.replace(id, ':id')} shows "${secret.slice(0, 20)}…"`)
      }
      return problems
    }

    test('the referrer sees neither the contact notes nor the views on any page they can reach', async () => {
      const own = textOf((await crew.referrer.get(`/referrals/${id}`)).html)
      assert.match(own, /Maria Walled/, 'the referrer opens the referral')
      noProblems(await showing(crew.referrer, 'the referrer', reachable(), [NOTES, SAID, 'Wallnote', 'Wallviews']), 'the wall, for the referrer')
    })

    test('nor does any other local authority staff, nor another advocate', async () => {
      const problems: string[] = []
      const urls = [
        '/',
        '/team-work',
        `/referrals/${id}`,
        `/people/${personId}`,
        '/people?name=Walled',
        '/advocates',
        `/advocates/${avrilId}`,
        '/my-people',
        `/my-people/people/${allocation}`,
        `/my-people/people/${allocation}/views`,
      ]
      for (const [who, browser] of Object.entries(outsiders)) problems.push(...(await showing(browser, who, urls, ['Wallnote', 'Wallviews'])))
      noProblems(problems, 'the wall, for other staff')
      const other = await signedInAs(t, otto)
      for (const url of [
        `/my-people/people/${allocation}`,
        `/my-people/people/${allocation}/contacts`,
        `/my-people/people/${allocation}/views`,
        `/my-people/allocations/${allocation}/meeting.ics`,
      ]) {
        assert.equal((await other.get(url)).status, 404, `another advocate GET ${url.replace(allocation, ':id')}`)
      }
    })

    test('the advocacy service (admin and manager) sees both on the referral page', async () => {
      for (const [who, browser] of Object.entries({ 'the admin': crew.admin, 'the service manager': crew.manager })) {
        const text = textOf((await browser.get(`/referrals/${id}`)).html)
        assert.ok(text.includes(NOTES), `${who} sees the contact notes`)
        assert.ok(text.includes(SAID), `${who} sees the views`)
      }
    })

    test('once the person agreed and the admin shared them, the referrer sees the views, and still never the contact notes', async () => {
      const db = t.database.db
      const sharedAt = async () => (await db.selectFrom('person_views').select('shared_at').where('referral_id', '=', id).executeTakeFirstOrThrow()).shared_at

      // Not agreed yet: the admin cannot share them.
      await crew.admin.get(`/referrals/${id}`)
      const early = await crew.admin.post(`/referrals/${id}/share-views`, {})
      assert.equal(early.location, `/referrals/${id}`)
      assert.deepEqual(errorSummary((await crew.admin.get(`/referrals/${id}`)).html), ['The person has not agreed to share their views'])
      assert.equal(await sharedAt(), null)

      // Agreed, but not shared yet: still the advocacy service's alone.
      const person = `/my-people/people/${allocation}`
      const version = (await versionsOf(db, id)).views
      await avril.get(`${person}/views`)
      assert.equal(
        (await avril.post(`${person}/views`, { views: SAID, agreed: 'yes', 'agreedOn-day': '24', 'agreedOn-month': '11', 'agreedOn-year': '2026', version }))
          .location,
        person,
      )
      noProblems(await showing(crew.referrer, 'the referrer', reachable(), [SAID, NOTES]), 'agreed views, not yet shared')

      // Nobody but the admin shares them.
      for (const [who, browser] of Object.entries({ 'the referrer': crew.referrer, 'the service manager': crew.manager })) {
        const page = await browser.post(`/referrals/${id}/share-views`, {})
        assert.equal(page.status, 403, `${who} cannot share them`)
        assert.equal(await sharedAt(), null)
      }

      await crew.admin.get(`/referrals/${id}`)
      assert.equal((await crew.admin.post(`/referrals/${id}/share-views`, {})).location, `/referrals/${id}`)
      assert.ok(await sharedAt(), 'shared')

      const own = textOf((await crew.referrer.get(`/referrals/${id}`)).html)
      assert.ok(own.includes(SAID), 'the referrer now sees the views')
      noProblems(await showing(crew.referrer, 'the referrer', reachable(), [NOTES, 'Wallnote']), 'contact notes, after the views were shared')
      const problems: string[] = []
      for (const [who, browser] of Object.entries(outsiders))
        problems.push(...(await showing(browser, who, [`/referrals/${id}`, `/people/${personId}`, '/'], ['Wallviews', 'Wallnote'])))
      noProblems(problems, 'shared views, for staff without a relationship to the referral')
    })
  })

  describe("a person's page", () => {
    test('opens to the referrer and the service, and to nobody else', async () => {
      const { familyName } = referral('awaiting_admin')
      const { familyName: draftFamily } = referral('draft')
      const db = t.database.db
      const sentPerson = await db.selectFrom('person').select('id').where('family_name', '=', familyName).where('kind', '=', 'adult').executeTakeFirstOrThrow()
      const draftPerson = await db
        .selectFrom('person')
        .select('id')
        .where('family_name', '=', draftFamily)
        .where('kind', '=', 'adult')
        .executeTakeFirstOrThrow()

      assert.equal((await crew.referrer.get(`/people/${sentPerson.id}`)).status, 200)
      assert.equal((await crew.admin.get(`/people/${sentPerson.id}`)).status, 200)
      assert.equal((await crew.referrer.get(`/people/${draftPerson.id}`)).status, 200)

      const findings: Finding[] = []
      for (const [who, browser] of Object.entries(outsiders)) {
        judgeRefusal(await browser.get(`/people/${sentPerson.id}`), [familyName], `${who} GET /people/<sent>`, findings)
        judgeRefusal(await browser.get(`/people/${draftPerson.id}`), [draftFamily], `${who} GET /people/<draft only>`, findings)
      }
      for (const [who, browser] of Object.entries(service)) {
        judgeRefusal(await browser.get(`/people/${draftPerson.id}`), [draftFamily], `${who} GET /people/<draft only>`, findings)
      }
      noProblems(only(findings, 'leak'), "person's pages shown to people without a relationship")
      noProblems(only(findings, 'status'), "person's page refusals that are not a 404 or 403 page")
    })
  })

  describe('menus', () => {
    test('no worktray lists a referral to anyone without a relationship to it', async () => {
      const all = [...referrals.values()]
      for (const [who, browser] of Object.entries(outsiders)) {
        for (const url of ['/', '/team-work']) {
          const page = await browser.get(url)
          assert.ok(page.status === 200 || page.status === 403, `${who} ${url}: ${page.status}`)
          for (const { familyName, reference } of all) {
            assert.ok(!page.html.includes(familyName) && !page.html.includes(reference), `${who} ${url} lists ${familyName}`)
          }
        }
      }
      for (const [who, browser] of Object.entries(service)) {
        const text = textOf((await browser.get('/team-work')).html) + textOf((await browser.get('/')).html)
        for (const stage of ['draft', 'complete_draft'] as const) {
          assert.ok(!text.includes(referral(stage).familyName), `${who} is not shown the ${stage}`)
        }
      }
    })
  })
})
