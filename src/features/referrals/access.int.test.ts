import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Browser, errorSummary, textOf, type FormValue, type Page } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { completeSectionOne } from '../../../test/support/referral-steps.ts'
import {
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
} from '../../../test/support/workflow-steps.ts'

/**
 * "A person's record is open only to those with a legitimate relationship to it: the referrer who
 * made the referral, the advocacy admin team and service managers of the authority, and the
 * advocate allocated to it. Check this on every route, not only in menus."
 */

/** Every page under /referrals/:id. */
const pages = [
  '',
  '/person',
  '/person/new',
  '/children',
  '/children/new',
  '/meeting',
  '/section-1',
  '/check',
  '/sent',
  '/pass-to-manager',
  '/decision',
  '/return',
  '/consent',
  '/advocate',
  '/outcome',
  '/sign-off-request',
  '/sign-off',
  '/withdraw',
  '/reschedule',
] as const

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
  { path: 'meeting', stage: 'complete_draft', body: async ({ t, id }) => ({ ...validMeeting, venue: 'Intruder Hall', version: (await versionsOf(t.database.db, id)).meeting }) },
  {
    path: 'section-1',
    stage: 'complete_draft',
    body: async ({ t, id }) => ({ ...completeSectionOne, reason: 'Changed by an intruder', action: 'draft', version: (await versionsOf(t.database.db, id)).sectionOne }),
  },
  { path: 'check', stage: 'complete_draft', body: async () => ({ note: 'Sent by an intruder' }) },
  { path: 'pass-to-manager', stage: 'awaiting_admin', body: async ({ t }) => ({ managerId: t.world.staff.manager.id, note: 'Intruder' }) },
  { path: 'decision', stage: 'awaiting_decision', body: async () => ({ nextAction: 'no_further_action', reasons: 'Decided by an intruder' }) },
  { path: 'return', stage: 'awaiting_decision', body: async () => ({ note: 'Returned by an intruder' }) },
  {
    path: 'consent',
    stage: 'advocate_recorded',
    body: async ({ t, id }) => ({ method: 'written', 'date-day': '20', 'date-month': '11', 'date-year': '2026', details: 'Intruder', version: (await versionsOf(t.database.db, id)).sectionOne }),
  },
  { path: 'advocate', stage: 'advocate_recorded', body: async ({ t, id }) => ({ name: 'Ivan Intruder', type: 'professional_advocate', version: (await versionsOf(t.database.db, id)).review }) },
  { path: 'outcome', stage: 'advocate_recorded', body: async ({ t, id }) => ({ ...validOutcome, version: (await versionsOf(t.database.db, id)).review }) },
  { path: 'sign-off-request', stage: 'outcome_recorded', body: async ({ t }) => ({ managerId: t.world.staff.manager.id }) },
  { path: 'sign-off', stage: 'awaiting_sign_off', body: async () => ({ nextAction: 'advocacy_completed' }) },
  { path: 'withdraw', stage: 'awaiting_admin', body: async () => ({ reason: 'made_in_error' }) },
  { path: 'withdraw', stage: 'draft', body: async () => ({ reason: 'made_in_error' }) },
  {
    path: 'reschedule',
    stage: 'awaiting_admin',
    body: async ({ t, id }) => ({ 'date-day': '16', 'date-month': '12', 'date-year': '2026', time: '11am', venue: 'Intruder Hall', version: (await versionsOf(t.database.db, id)).meeting }),
  },
]

async function anyAdult(t: TestApp): Promise<string> {
  const row = await t.database.db.selectFrom('person').select('id').where('authority_id', '=', t.world.authorityId).where('kind', '=', 'adult').executeTakeFirstOrThrow()
  return row.id
}

const stages = ['draft', 'complete_draft', 'awaiting_admin', 'awaiting_decision', 'returned', 'advocate_recorded', 'outcome_recorded', 'awaiting_sign_off'] as const satisfies readonly Stage[]
type ReferralStage = (typeof stages)[number]
/** Every page is tried on a draft, and on a sent referral in review (where every review page is live for the service). */
const pageStages = ['complete_draft', 'advocate_recorded'] as const satisfies readonly ReferralStage[]

const isDraft = (stage: Stage) => stage === 'draft' || stage === 'complete_draft' || stage === 'empty_draft'

/** What was wrong with one response: `leak` (the record was shown or changed) or `status` (a leak-free refusal, but not a 404/403 page). */
interface Finding {
  readonly kind: 'leak' | 'status'
  readonly what: string
}

/** Fails, listing every problem found (not only the first), when there are any. */
function noProblems(problems: readonly string[], title: string): void {
  if (problems.length === 0) return
  assert.fail(`${title}: ${problems.length} problem(s):\n  ${problems.slice(0, 40).join('\n  ')}${problems.length > 40 ? `\n  …and ${problems.length - 40} more` : ''}`)
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

  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    for (const stage of stages) {
      const familyName = `Secret${stage.replace(/_/g, '')}`
      const id = await referralAt(t, crew, stage, familyName)
      const row = await t.database.db.selectFrom('referral').select('reference').where('id', '=', id).executeTakeFirstOrThrow()
      referrals.set(stage, { id, familyName, reference: row.reference })
    }
    const { staff, elsewhere } = t.world
    const people = {
      'another referrer': staff.otherReferrer,
      'an advocate (not allocated: advocates come later)': staff.advocate,
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
            const url = `/referrals/${id}${page}`
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

    before(async () => {
      for (const action of actions) {
        const stage = action.stage as ReferralStage
        const { id, familyName, reference } = referral(stage)
        const path = `/referrals/${id}/${action.path}`
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
        check: 'referrer',
        'pass-to-manager': 'admin',
        decision: 'manager',
        return: 'manager',
        consent: 'admin',
        advocate: 'admin',
        outcome: 'admin',
        'sign-off-request': 'admin',
        'sign-off': 'manager',
        withdraw: 'referrer',
        reschedule: 'referrer',
      }
      // Walks fresh referrals through the same actions, each taken at the point the refusals were tried at.
      const walks: readonly (readonly [Stage, readonly (readonly [string, Stage])[]])[] = [
        ['draft', [['person', 'draft'], ['person/new', 'draft'], ['children/new', 'draft'], ['children', 'draft'], ['withdraw', 'draft']]],
        [
          'complete_draft',
          [['meeting', 'complete_draft'], ['section-1', 'complete_draft'], ['check', 'complete_draft'], ['reschedule', 'awaiting_admin'], ['pass-to-manager', 'awaiting_admin'], ['return', 'awaiting_decision']],
        ],
        ['awaiting_decision', [['decision', 'awaiting_decision']]],
        ['advocate_recorded', [['consent', 'advocate_recorded'], ['advocate', 'advocate_recorded'], ['outcome', 'advocate_recorded'], ['sign-off-request', 'outcome_recorded'], ['sign-off', 'awaiting_sign_off']]],
        ['awaiting_admin', [['withdraw', 'awaiting_admin']]],
      ]
      const tried = new Set<Action>()
      for (const [stage, steps] of walks) {
        const id = await referralAt(t, crew, stage, 'Control')
        for (const [path, at] of steps) {
          const action = actions.find((candidate) => candidate.path === path && candidate.stage === at)
          assert.ok(action, `an action ${path} at ${at}`)
          tried.add(action)
          const browser = crew[allowed[path] ?? 'referrer']
          await browser.get(`/referrals/${id}/${path}`)
          const before = await snapshot(t.database.db, id)
          const page = await browser.post(`/referrals/${id}/${path}`, await action.body({ id, t }))
          assert.equal(page.status, 303, `${path} by its proper user`)
          if (page.location === `/referrals/${id}/${path}`) {
            assert.fail(`${path} by its proper user is sent back to the form: ${errorSummary((await browser.get(page.location)).html).join('; ')}`)
          }
          assert.notDeepEqual(await snapshot(t.database.db, id), before, `${path} by its proper user changes the referral`)
        }
      }
      assert.equal(tried.size, actions.length, 'every action has its control')
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
      { who: 'referrer', path: 'decision', stage: 'awaiting_decision', body: async () => ({ nextAction: 'no_further_action', reasons: 'Deciding my own referral' }) },
      { who: 'referrer', path: 'return', stage: 'awaiting_decision', body: async () => ({ note: 'Returning it to myself' }) },
      { who: 'referrer', path: 'advocate', stage: 'advocate_recorded', body: async ({ t, id }) => ({ name: 'My friend', type: 'professional_advocate', version: (await versionsOf(t.database.db, id)).review }) },
      { who: 'referrer', path: 'outcome', stage: 'advocate_recorded', body: async ({ t, id }) => ({ ...validOutcome, version: (await versionsOf(t.database.db, id)).review }) },
      { who: 'referrer', path: 'sign-off', stage: 'awaiting_sign_off', body: async () => ({ nextAction: 'advocacy_completed' }) },
      { who: 'admin', path: 'decision', stage: 'awaiting_decision', body: async () => ({ nextAction: 'no_further_action', reasons: 'An admin deciding' }) },
      { who: 'admin', path: 'return', stage: 'awaiting_decision', body: async () => ({ note: 'An admin returning it' }) },
      { who: 'admin', path: 'sign-off', stage: 'awaiting_sign_off', body: async () => ({ nextAction: 'advocacy_completed' }) },
      {
        who: 'admin',
        path: 'section-1',
        stage: 'returned',
        body: async ({ t, id }) => ({ ...completeSectionOne, reason: 'An admin rewriting Section 1', action: 'draft', version: (await versionsOf(t.database.db, id)).sectionOne }),
      },
      { who: 'admin', path: 'check', stage: 'returned', body: async () => ({ note: 'An admin resubmitting' }) },
      { who: 'manager', path: 'pass-to-manager', stage: 'awaiting_admin', body: async ({ t }) => ({ managerId: t.world.staff.manager.id }) },
      { who: 'manager', path: 'advocate', stage: 'advocate_recorded', body: async ({ t, id }) => ({ name: 'A manager’s pick', type: 'professional_advocate', version: (await versionsOf(t.database.db, id)).review }) },
      { who: 'manager', path: 'outcome', stage: 'advocate_recorded', body: async ({ t, id }) => ({ ...validOutcome, version: (await versionsOf(t.database.db, id)).review }) },
      { who: 'manager', path: 'sign-off-request', stage: 'outcome_recorded', body: async ({ t }) => ({ managerId: t.world.staff.manager.id }) },
      {
        who: 'manager',
        path: 'section-1',
        stage: 'returned',
        body: async ({ t, id }) => ({ ...completeSectionOne, reason: 'A manager rewriting Section 1', action: 'draft', version: (await versionsOf(t.database.db, id)).sectionOne }),
      },
    ]
    const outcomes: { what: string; page: Page; changed: boolean; path: string }[] = []

    before(async () => {
      for (const attempt of attempts) {
        const { id } = referral(attempt.stage)
        const path = `/referrals/${id}/${attempt.path}`
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
      const changed = outcomes.filter((outcome) => outcome.changed || outcome.page.status < 300 || (outcome.page.status < 400 && outcome.page.location !== outcome.path))
      noProblems(
        changed.map((outcome) => `${outcome.what}: ${outcome.page.status} ${outcome.page.location ?? ''}${outcome.changed ? ' and changed the referral' : ''}`),
        'steps taken by the wrong role',
      )
    })

    test("are refused with the service's 403 page (or sent back to the form), never a 500", () => {
      const wrong = outcomes.filter((outcome) => !(outcome.page.location === outcome.path || ([403, 409].includes(outcome.page.status) && isServicePage(outcome.page))))
      noProblems(
        wrong.map((outcome) => `${outcome.what}: ${outcome.page.status} ${outcome.page.html.slice(0, 120)}`),
        'wrong-role refusals that are not a 403 page',
      )
    })
  })

  describe("a person's page", () => {
    test('opens to the referrer and the service, and to nobody else', async () => {
      const { familyName } = referral('awaiting_admin')
      const { familyName: draftFamily } = referral('draft')
      const db = t.database.db
      const sentPerson = await db.selectFrom('person').select('id').where('family_name', '=', familyName).where('kind', '=', 'adult').executeTakeFirstOrThrow()
      const draftPerson = await db.selectFrom('person').select('id').where('family_name', '=', draftFamily).where('kind', '=', 'adult').executeTakeFirstOrThrow()

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

  describe('forms posted without their token (CSRF)', () => {
    async function refusedWithoutToken(browser: Browser, path: string, body: Body, id: string | null): Promise<void> {
      await browser.get(path === '/sign-out' || path === '/referrals' ? '/' : path)
      const before = id ? await snapshot(t.database.db, id) : null
      const referralsBefore = await t.database.db.selectFrom('referral').select('id').execute()
      for (const token of [undefined, '', 'not-the-token', 'x'.repeat(43)]) {
        const page = token === undefined ? await browser.post(path, body, { withToken: false }) : await browser.post(path, { ...body, _csrf: token }, { withToken: false })
        assert.equal(page.status, 403, `${path} without a good token (${token ?? 'none'})`)
        assert.match(textOf(page.html), /Your form could not be sent/)
        if (id) assert.deepEqual(await snapshot(t.database.db, id), before, `${path} changed nothing`)
        assert.equal((await t.database.db.selectFrom('referral').select('id').execute()).length, referralsBefore.length, 'no referral was started')
      }
    }

    test('starting a referral', async () => {
      await refusedWithoutToken(crew.referrer, '/referrals', {}, null)
    })

    test('saving Section 1', async () => {
      const { id } = referral('complete_draft')
      const { sectionOne } = await versionsOf(t.database.db, id)
      await refusedWithoutToken(crew.referrer, `/referrals/${id}/section-1`, { ...completeSectionOne, reason: 'Forged', action: 'draft', version: sectionOne }, id)
    })

    test("the manager's decision", async () => {
      const { id } = referral('awaiting_decision')
      await refusedWithoutToken(crew.manager, `/referrals/${id}/decision`, { nextAction: 'no_further_action', reasons: 'Forged' }, id)
      assert.equal(await stateOf(t.database.db, id), 'awaiting_decision')
    })

    test('withdrawing a referral', async () => {
      const { id } = referral('awaiting_admin')
      await refusedWithoutToken(crew.referrer, `/referrals/${id}/withdraw`, { reason: 'made_in_error' }, id)
      assert.equal(await stateOf(t.database.db, id), 'awaiting_admin')
    })

    test('signing out', async () => {
      await refusedWithoutToken(crew.admin, '/sign-out', {}, null)
      assert.equal((await crew.admin.get('/')).status, 200, 'still signed in')
    })

    test("a token from another person's session is refused too", async () => {
      const { id } = referral('awaiting_admin')
      const stranger = new Browser(t.app)
      await stranger.get('/sign-in')
      assert.ok(stranger.csrfToken)
      const before = await snapshot(t.database.db, id)
      const page = await crew.referrer.post(`/referrals/${id}/withdraw`, { reason: 'made_in_error' }, { token: stranger.csrfToken })
      assert.equal(page.status, 403)
      assert.deepEqual(await snapshot(t.database.db, id), before)
    })
  })
})
