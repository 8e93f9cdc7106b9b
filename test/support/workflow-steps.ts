import assert from 'node:assert/strict'
import type { Kysely } from 'kysely'
import * as adminRepository from '../../src/features/admin/repository.ts'
import type { Role } from '../../src/platform/auth/roles.ts'
import type { Schema } from '../../src/platform/db/schema.ts'
import type { TestApp } from './app.ts'
import { eligibleAdvocate, type PoolAdvocate } from './pool.ts'
import { Browser, errorSummary, type Page } from './browser.ts'
import { completeSectionOne, referralSent, versionOn } from './referral-steps.ts'
import { PASSWORD, PASSWORD_HASH, type Person } from './world.ts'

/**
 * Steps that take a referral to any point of the Advocacy Workflow through its pages, and ways to
 * look at what the database holds for it (to prove a refused request changed nothing).
 */

/** Signs anyone in (staff of either authority), in a browser of their own. */
export async function signedInAs(t: TestApp, person: Person): Promise<Browser> {
  const browser = new Browser(t.app)
  const page = await browser.signIn(person.email, PASSWORD)
  assert.equal(page.status, 303, `${person.displayName} signs in`)
  await browser.get(page.location ?? '/')
  return browser
}

/** Adds a member of staff to the test world's authority (e.g. a second advocacy admin). */
export async function addStaff(t: TestApp, key: string, name: string, roles: readonly Role[], options: { fgc?: boolean } = {}): Promise<Person> {
  const db = t.database.db
  const authorityId = t.world.authorityId
  const email = `${key.toLowerCase()}.${authorityId.slice(0, 8)}@test.alongside.example`
  const id = await adminRepository.insertUser(db, { authorityId, email, displayName: name, roles, passwordHash: PASSWORD_HASH })
  if (options.fgc) await adminRepository.addTeamMember(db, { authorityId, teamId: t.world.fgcTeamId, userId: id })
  return { id, email, displayName: name, authorityId, roles }
}

/** The browsers of the people who take a referral through the workflow. */
export interface Crew {
  readonly referrer: Browser
  readonly admin: Browser
  readonly manager: Browser
}

export async function crewOf(t: TestApp): Promise<Crew> {
  return {
    referrer: await signedInAs(t, t.world.staff.referrer),
    admin: await signedInAs(t, t.world.staff.admin),
    manager: await signedInAs(t, t.world.staff.manager),
  }
}

function must(page: Page, expected: string, what: string, errors: () => Promise<string[]>): Promise<void> {
  if (page.location === expected) return Promise.resolve()
  return errors().then((shown) =>
    assert.fail(`${what}: expected a redirect to ${expected}, got ${page.status} ${page.location ?? ''} ${JSON.stringify(shown)}`),
  )
}

async function postAndExpect(browser: Browser, path: string, form: Record<string, string | readonly string[]>, expected: string, what: string): Promise<void> {
  await browser.get(path)
  const page = await browser.post(path, form)
  await must(page, expected, what, async () => errorSummary((await browser.get(path)).html))
}

/** A new, empty draft (no parent or carer yet). */
export async function emptyDraft(referrer: Browser): Promise<string> {
  const started = await referrer.post('/referrals', {})
  const id = /\/referrals\/([0-9a-f-]{36})\/person/.exec(started.location ?? '')?.[1]
  assert.ok(id, `a draft was created (${started.status} ${started.location ?? ''})`)
  return id
}

/** A draft with its parent or carer and one child, but no meeting or Section 1 yet. */
export async function draftWithPerson(referrer: Browser, familyName = 'Garcia'): Promise<string> {
  const id = await emptyDraft(referrer)
  await postAndExpect(
    referrer,
    `/referrals/${id}/person/new`,
    { givenName: 'Maria', familyName, 'dateOfBirth-day': '3', 'dateOfBirth-month': '4', 'dateOfBirth-year': '1990' },
    `/referrals/${id}/children`,
    'parent added',
  )
  await postAndExpect(
    referrer,
    `/referrals/${id}/children/new`,
    { givenName: 'Leo', familyName, 'dateOfBirth-day': '1', 'dateOfBirth-month': '6', 'dateOfBirth-year': '2019' },
    `/referrals/${id}/children`,
    'child added',
  )
  return id
}

export const validMeeting = {
  type: 'initial_conference',
  'date-day': '15',
  'date-month': '12',
  'date-year': '2026',
  time: '10:30am',
  venue: 'Town Hall',
  stage: 'child_protection',
}

/** A draft with everything answered, ready to send. */
export async function completeDraft(referrer: Browser, familyName = 'Garcia'): Promise<string> {
  const id = await draftWithPerson(referrer, familyName)
  await postAndExpect(referrer, `/referrals/${id}/meeting`, { ...validMeeting, version: '' }, `/referrals/${id}/section-1`, 'meeting saved')
  const page = await referrer.get(`/referrals/${id}/section-1`)
  const saved = await referrer.post(`/referrals/${id}/section-1`, { ...completeSectionOne, version: versionOn(page.html) })
  await must(saved, `/referrals/${id}/check`, 'Section 1 saved', async () => errorSummary((await referrer.get(`/referrals/${id}/section-1`)).html))
  return id
}

export const validOutcome = {
  contactCount: '4',
  contactSummary: 'Two visits and two calls',
  advocateAttended: 'yes',
  viewsHeard: 'yes',
  meetingOutcome: 'child_protection_plan',
  minutesSpent: '6.5',
  notes: 'The parent spoke for herself.',
}

export type Stage =
  | 'empty_draft'
  | 'draft'
  | 'complete_draft'
  | 'awaiting_admin'
  | 'awaiting_decision'
  | 'returned'
  | 'in_review'
  | 'awaiting_advocate'
  | 'advocate_recorded'
  | 'outcome_recorded'
  | 'awaiting_sign_off'

export interface ReferralAtOptions {
  /**
   * The advocate (from the pool) the referral is offered to at 'awaiting_advocate' and later; a new
   * one, with no sign-in, when not given.
   */
  readonly advocateId?: string
}

/** A referral at this point of the workflow, taken there through its pages by the crew. */
export async function referralAt(t: TestApp, crew: Crew, stage: Stage, familyName = 'Garcia', options: ReferralAtOptions = {}): Promise<string> {
  if (stage === 'empty_draft') return emptyDraft(crew.referrer)
  if (stage === 'draft') return draftWithPerson(crew.referrer, familyName)
  if (stage === 'complete_draft') return completeDraft(crew.referrer, familyName)
  const id = await referralSent(crew.referrer, { familyName })
  if (stage === 'awaiting_admin') return id
  await postAndExpect(crew.admin, `/referrals/${id}/pass-to-manager`, { managerId: t.world.staff.manager.id }, '/team-work', 'passed to the manager')
  if (stage === 'awaiting_decision') return id
  if (stage === 'returned') {
    await postAndExpect(crew.manager, `/referrals/${id}/return`, { note: 'Which language does she speak best?' }, '/', 'returned')
    return id
  }
  await postAndExpect(
    crew.manager,
    `/referrals/${id}/decision`,
    {
      nextAction: 'child_protection_advocacy_review',
      reasons: 'The parent would benefit from an advocate.',
      advocateType: 'parent_peer_advocate',
      priority: 'high',
    },
    `/referrals/${id}`,
    'decided',
  )
  if (stage === 'in_review') return id
  const advocateId = options.advocateId ?? (await eligibleAdvocate(t, { familyName: `For${familyName}` }))
  await must(await crew.admin.post(`/referrals/${id}/matches`, { advocateId }), `/referrals/${id}`, 'offered to an advocate', async () =>
    errorSummary((await crew.admin.get(`/referrals/${id}/matches`)).html),
  )
  if (stage === 'awaiting_advocate') return id
  await crew.admin.get(`/referrals/${id}/offer`)
  await must(await crew.admin.post(`/referrals/${id}/offer`, { answer: 'accept' }), `/referrals/${id}`, 'offer accepted', async () =>
    errorSummary((await crew.admin.get(`/referrals/${id}/offer`)).html),
  )
  if (stage === 'advocate_recorded') return id
  const outcomePage = await crew.admin.get(`/referrals/${id}/outcome`)
  await must(
    await crew.admin.post(`/referrals/${id}/outcome`, { ...validOutcome, version: versionOn(outcomePage.html) }),
    `/referrals/${id}`,
    'outcome recorded',
    async () => errorSummary((await crew.admin.get(`/referrals/${id}/outcome`)).html),
  )
  if (stage === 'outcome_recorded') return id
  await postAndExpect(crew.admin, `/referrals/${id}/sign-off-request`, { managerId: t.world.staff.manager.id }, '/team-work', 'sent for sign-off')
  return id
}

function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? String(item) : item)))
}

/**
 * Everything the database holds for a referral (its allocations and advocacy record included), and
 * the authority's counts of people and referrals: equal before and after a request proves the
 * request changed nothing. (Viewing is audited, so the audit trail is counted without its rows for
 * pages seen: `referral.viewed`, and the advocacy record's `advocacy.*-viewed`.)
 */
export async function snapshot(db: Kysely<Schema>, referralId: string): Promise<unknown> {
  const referral = await db.selectFrom('referral').selectAll().where('id', '=', referralId).executeTakeFirst()
  assert.ok(referral, `referral ${referralId} exists`)
  const authorityId = referral.authority_id
  const [
    sectionOne,
    decision,
    review,
    meeting,
    children,
    events,
    audit,
    people,
    referrals,
    families,
    allocations,
    contacts,
    views,
    feedbackRequest,
    feedbackResponses,
    feedbackKiosks,
    concerns,
    feedbackCards,
    feedbackCodings,
    childOffers,
    consultations,
  ] = await Promise.all([
    db.selectFrom('section_one').selectAll().where('referral_id', '=', referralId).executeTakeFirst(),
    db.selectFrom('decision').selectAll().where('referral_id', '=', referralId).executeTakeFirst(),
    db.selectFrom('review').selectAll().where('referral_id', '=', referralId).executeTakeFirst(),
    referral.meeting_id ? db.selectFrom('meeting').selectAll().where('id', '=', referral.meeting_id).executeTakeFirst() : undefined,
    db.selectFrom('referral_child').select('person_id').where('referral_id', '=', referralId).orderBy('person_id').execute(),
    db
      .selectFrom('referral_event')
      .select(['event', 'from_state', 'to_state', 'actor_id', 'note'])
      .where('referral_id', '=', referralId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('audit_event')
      .select(['action', 'actor_id'])
      .where('record_id', '=', referralId)
      .where('action', 'not in', viewedActions)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('person')
      .select(({ fn }) => fn.countAll<string>().as('count'))
      .where('authority_id', '=', authorityId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('referral')
      .select(({ fn }) => fn.countAll<string>().as('count'))
      .where('authority_id', '=', authorityId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('family_group')
      .select(({ fn }) => fn.countAll<string>().as('count'))
      .where('authority_id', '=', authorityId)
      .executeTakeFirstOrThrow(),
    db.selectFrom('allocation').selectAll().where('referral_id', '=', referralId).orderBy('offered_at').orderBy('id').execute(),
    db.selectFrom('advocacy_contact').selectAll().where('referral_id', '=', referralId).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('person_views').selectAll().where('referral_id', '=', referralId).executeTakeFirst(),
    db.selectFrom('feedback_request').selectAll().where('referral_id', '=', referralId).executeTakeFirst(),
    db.selectFrom('feedback_response').selectAll().where('referral_id', '=', referralId).orderBy('given_at').orderBy('id').execute(),
    db.selectFrom('feedback_kiosk').selectAll().where('referral_id', '=', referralId).orderBy('opened_at').execute(),
    db
      .selectFrom('concern')
      .leftJoin('concern_step', 'concern_step.concern_id', 'concern.id')
      .select(['concern.id', 'concern.state', 'concern.version', 'concern_step.step', 'concern_step.at'])
      .where('concern.referral_id', '=', referralId)
      .orderBy('concern.raised_at')
      .orderBy('concern.id')
      .orderBy('concern_step.id')
      .execute(),
    db.selectFrom('feedback_card').selectAll().where('referral_id', '=', referralId).orderBy('issued_at').orderBy('id').execute(),
    db
      .selectFrom('feedback_coding')
      .innerJoin('feedback_response', 'feedback_response.id', 'feedback_coding.response_id')
      .leftJoin('feedback_coding_theme', 'feedback_coding_theme.response_id', 'feedback_coding.response_id')
      .select([
        'feedback_coding.response_id',
        'feedback_coding.may_quote',
        'feedback_coding.quote',
        'feedback_coding.version',
        'feedback_coding_theme.theme_id',
      ])
      .where('feedback_response.referral_id', '=', referralId)
      .orderBy('feedback_coding.response_id')
      .orderBy('feedback_coding_theme.theme_id')
      .execute(),
    referral.meeting_id ? db.selectFrom('child_advocacy_offer').selectAll().where('meeting_id', '=', referral.meeting_id).orderBy('person_id').execute() : [],
    referral.meeting_id ? db.selectFrom('child_consultation').selectAll().where('meeting_id', '=', referral.meeting_id).orderBy('person_id').execute() : [],
  ])
  return plain({
    referral,
    sectionOne: sectionOne ?? null,
    decision: decision ?? null,
    review: review ?? null,
    meeting: meeting ?? null,
    children,
    events,
    audit,
    people: String(people.count),
    referrals: String(referrals.count),
    families: String(families.count),
    allocations,
    contacts,
    views: views ?? null,
    feedback: { request: feedbackRequest ?? null, responses: feedbackResponses, kiosks: feedbackKiosks, cards: feedbackCards, codings: feedbackCodings },
    concerns,
    childOffers,
    consultations,
  })
}

/** The audit entries that record a page being seen, not a change. */
export const viewedActions = [
  'referral.viewed',
  'advocacy.offer-viewed',
  'advocacy.record-viewed',
  'advocacy.home-viewed',
  'referral.meeting-downloaded',
  'referral.readiness-viewed',
  'referral.seen-by-viewed',
  'referral.child-offer-viewed',
  'consultation.viewed',
  'consultation.chair-page-viewed',
] as const

/** The referral's state as stored. */
export async function stateOf(db: Kysely<Schema>, referralId: string): Promise<string> {
  const row = await db.selectFrom('referral').select('state').where('id', '=', referralId).executeTakeFirstOrThrow()
  return row.state
}

/**
 * The versions a form must send back, read from the database (for people who cannot open the page).
 * The person's views are at version 0 until they are first saved.
 */
export async function versionsOf(db: Kysely<Schema>, referralId: string): Promise<{ sectionOne: string; meeting: string; review: string; views: string }> {
  const referral = await db.selectFrom('referral').select('meeting_id').where('id', '=', referralId).executeTakeFirstOrThrow()
  const sectionOne = await db.selectFrom('section_one').select('version').where('referral_id', '=', referralId).executeTakeFirst()
  const review = await db.selectFrom('review').select('version').where('referral_id', '=', referralId).executeTakeFirst()
  const views = await db.selectFrom('person_views').select('version').where('referral_id', '=', referralId).executeTakeFirst()
  const meeting = referral.meeting_id ? await db.selectFrom('meeting').select('version').where('id', '=', referral.meeting_id).executeTakeFirst() : undefined
  return {
    sectionOne: String(sectionOne?.version ?? ''),
    meeting: String(meeting?.version ?? ''),
    review: String(review?.version ?? ''),
    views: String(views?.version ?? 0),
  }
}

/** A referral's allocations, in the order they were made (by id, within one instant of the test clock): with whom, and how each stands. */
export async function allocationsOf(
  db: Kysely<Schema>,
  referralId: string,
): Promise<{ id: string; status: string; advocate_id: string | null; local_service_id: string | null }[]> {
  return db
    .selectFrom('allocation')
    .select(['id', 'status', 'advocate_id', 'local_service_id'])
    .where('referral_id', '=', referralId)
    .orderBy('offered_at')
    .orderBy('id')
    .execute()
}

/**
 * A member of staff with the advocate role, and the advocate (in the pool, eligible today) whose
 * sign-in it is: someone who may be offered referrals and answer them.
 */
export async function advocateUser(t: TestApp, key: string, name: string, advocate: PoolAdvocate = {}): Promise<{ person: Person; advocateId: string }> {
  const person = await addStaff(t, key, name, ['advocate'])
  const [givenName = name, familyName = key] = name.split(' ')
  const advocateId = await eligibleAdvocate(t, { givenName, familyName, capacity: 20, ...advocate, userId: person.id })
  return { person, advocateId }
}

/** Whether a response is one of the service's own GOV.UK pages (not a framework's JSON error). */
export function isServicePage(page: Page): boolean {
  return /text\/html/.test(String(page.response.headers['content-type'] ?? '')) && page.html.includes('govuk-template')
}
