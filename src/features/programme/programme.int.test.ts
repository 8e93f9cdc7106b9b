import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Browser, errorSummary, textOf, type FormValue, type Page } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { signedIn } from '../../../test/support/referral-steps.ts'
import { PASSWORD, type StaffKey } from '../../../test/support/world.ts'
import { insertUser } from '../admin/repository.ts'
import { insertAdvocate, type AdvocateFields } from '../advocates/repository.ts'
import { modules, weeklySessions } from '../../vocabulary/advocates.ts'
import { hashPassword } from '../../platform/auth/passwords.ts'
import * as programmeRepository from './repository.ts'

/**
 * The coordinator's peer advocate programme: cohorts and their eight weekly sessions, registers,
 * module completion and Level 2 accreditation, supervision, and the pipeline at a glance. The test
 * clock stands on Tuesday 24 November 2026.
 */

const NONEXISTENT = '00000000-0000-4000-8000-000000000000'
const MARKUP = '<script>alert(1)</script>'
const LONG = 'x'.repeat(100_000)
const CONTROLS = '\u0001\u0007\u001b\u007f'
const LIBRARY_MESSAGE = /^invalid|expected .*received|too (big|small)|undefined|NaN|\[object|zod/i

type Body = Record<string, FormValue>

/** An advocate put straight into the database, as the advocate's own page would have made them. */
async function advocate(
  t: TestApp,
  fields: Partial<AdvocateFields> & { given_name: string; family_name: string; stage: string },
  authorityId = t.world.authorityId,
): Promise<string> {
  return insertAdvocate(
    t.database.db,
    authorityId,
    { kind: 'parent_peer_advocate', dbs_checked_on: '2025-06-01', specialisms: [], areas: [], available_days: [], ...fields },
    t.clock.now(),
  )
}

async function completeAllModules(t: TestApp, advocateId: string, on = '2026-03-01'): Promise<void> {
  await programmeRepository.insertCompletions(
    t.database.db,
    t.world.authorityId,
    modules.values.map((module) => ({ advocateId, module })),
    on,
    t.world.staff.coordinator.id,
  )
}

async function supervisionOn(t: TestApp, kind: 'one_to_one' | 'group', heldOn: string, advocateIds: readonly string[]): Promise<string> {
  const sessionId = await programmeRepository.insertSupervision(t.database.db, {
    authorityId: t.world.authorityId,
    kind,
    heldOn,
    supervisorId: t.world.staff.coordinator.id,
    notes: null,
    now: t.clock.now(),
  })
  await programmeRepository.insertSupervisionAttendance(t.database.db, t.world.authorityId, sessionId, advocateIds)
  return sessionId
}

/** A cohort made through its form; returns its id. */
async function cohortMade(browser: Browser, name: string, [day, month, year]: [string, string, string]): Promise<string> {
  await browser.get('/programme/cohorts')
  const made = await browser.post('/programme/cohorts', { name, 'startsOn-day': day, 'startsOn-month': month, 'startsOn-year': year })
  const id = /^\/programme\/cohorts\/([0-9a-f-]{36})$/.exec(made.location ?? '')?.[1]
  if (!id) assert.fail(`the cohort was not made: ${JSON.stringify(errorSummary((await browser.get('/programme/cohorts')).html))}`)
  return id
}

async function addMember(browser: Browser, cohortId: string, advocateId: string): Promise<Page> {
  await browser.get(`/programme/cohorts/${cohortId}`)
  return browser.submit(`/programme/cohorts/${cohortId}`, { advocateId })
}

/** The part of a page from one heading's id to the next `<h2`. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`)
  assert.ok(start >= 0, `the page has a section ${id}`)
  const end = html.indexOf('<h2', start)
  return html.slice(start, end < 0 ? undefined : end)
}

function dateParts(name: string, [day, month, year]: [string, string, string]): Body {
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year }
}

describe(`the peer advocate programme: cohorts, registers, modules, accreditation and supervision (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('creating a cohort makes its eight weekly sessions, on the right dates and modules', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Spring 2027', ['11', '1', '2027'])

    const sessions = await t.database.db
      .selectFrom('training_session')
      .select(['week', 'module', 'held_on', 'authority_id'])
      .where('cohort_id', '=', cohortId)
      .orderBy('week')
      .execute()
    assert.deepEqual(
      sessions.map((session) => [session.week, session.module, session.held_on]),
      [
        [1, 'advocacy_skills', '2027-01-11'],
        [2, 'advocacy_skills', '2027-01-18'],
        [3, 'legal_framework', '2027-01-25'],
        [4, 'conferences', '2027-02-01'],
        [5, 'professionals_concerns', '2027-02-08'],
        [6, 'safeguarding', '2027-02-15'],
        [7, 'data_protection', '2027-02-22'],
        [8, 'advocacy_skills', '2027-03-01'],
      ],
    )
    assert.deepEqual(
      sessions.map((session) => session.module),
      [...weeklySessions],
    )
    assert.ok(sessions.every((session) => session.authority_id === t.world.authorityId))

    const page = await coordinator.get(`/programme/cohorts/${cohortId}`)
    assert.equal(page.status, 200)
    const text = textOf(page.html)
    assert.match(text, /Cohort added/)
    assert.match(text, /First session 11 January 2027 Last session 1 March 2027 Progress Not started/)
    assert.match(text, /1 11 January 2027 Advocacy skills and the role of the parent advocate 0 of 0 Register for week 1/)
    assert.match(text, /8 1 March 2027 Advocacy skills and the role of the parent advocate/)

    const list = textOf((await coordinator.get('/programme/cohorts')).html)
    assert.match(list, /Spring 2027 11 January 2027 to 1 March 2027 0 Not started/)

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_id', 'details'])
      .where('action', '=', 'programme.cohort-created')
      .where('record_id', '=', cohortId)
      .execute()
    assert.equal(audit.length, 1)
    assert.equal(audit[0]?.actor_id, t.world.staff.coordinator.id)
    assert.doesNotMatch(JSON.stringify(audit[0]?.details), /Spring/, 'no names in the audit details')
  })

  test('a cohort needs a name and a real start date; names are not used twice', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    await coordinator.get('/programme/cohorts')
    const empty = await coordinator.submit('/programme/cohorts', {})
    assert.deepEqual(errorSummary(empty.html), ['Enter a name for the cohort', 'Enter the date of the first session'])
    const unreal = await coordinator.submit('/programme/cohorts', { name: 'Summer 2027', ...dateParts('startsOn', ['31', '2', '2027']) })
    assert.deepEqual(errorSummary(unreal.html), ['Date of the first session must be a real date'])
    assert.match(unreal.html, /value="Summer 2027"/, 'the answers are kept')
    await cohortMade(coordinator, 'Autumn 2026', ['7', '9', '2026'])
    const again = await coordinator.submit('/programme/cohorts', { name: 'autumn 2026', ...dateParts('startsOn', ['1', '10', '2026']) })
    assert.deepEqual(errorSummary(again.html), ['A cohort with that name already exists'])
    assert.match(textOf((await coordinator.get('/programme/cohorts')).html), /Autumn 2026 7 September 2026 to 26 October 2026 0 Finished/)
  })

  test('members are added and taken out; a register is saved, shown and replaced', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Winter 2026', ['3', '11', '2026'])
    const amira = await advocate(t, { given_name: 'Amira', family_name: 'Attendee', stage: 'training' })
    const bea = await advocate(t, { given_name: 'Bea', family_name: 'Absent', stage: 'training' })
    const gone = await advocate(t, { given_name: 'Lena', family_name: 'Leftalready', stage: 'left' })
    const professional = await advocate(t, { given_name: 'Pat', family_name: 'Professional', stage: 'active', kind: 'professional_advocate' })

    const page = await coordinator.get(`/programme/cohorts/${cohortId}`)
    assert.match(page.html, new RegExp(`<option value="${amira}">Amira Attendee \\(Training\\)</option>`))
    assert.doesNotMatch(page.html, new RegExp(gone), 'someone who has left cannot be added')
    assert.doesNotMatch(page.html, new RegExp(professional), 'professional advocates do not train in cohorts')
    assert.match(textOf(page.html), /Progress Week 4 of 8/)

    assert.match(textOf((await addMember(coordinator, cohortId, amira)).html), /Amira Attendee added to the cohort/)
    await addMember(coordinator, cohortId, bea)
    const refusedLeft = await addMember(coordinator, cohortId, gone)
    assert.deepEqual(errorSummary(refusedLeft.html), ['Select who to add to the cohort from the list'])
    const nobody = await coordinator.submit(`/programme/cohorts/${cohortId}`, { advocateId: '' })
    assert.deepEqual(errorSummary(nobody.html), ['Select who to add to the cohort'])
    const twice = await coordinator.post(`/programme/cohorts/${cohortId}`, { advocateId: amira })
    assert.deepEqual(errorSummary((await coordinator.open(twice.location ?? '')).html), ['Amira Attendee is already in this cohort'])

    const register = await coordinator.get(`/programme/cohorts/${cohortId}/sessions/1`)
    assert.match(textOf(register.html), /Week 1 of 8: register Advocacy skills and the role of the parent advocate, on Tuesday 3 November 2026/)
    const saved = await coordinator.submit(`/programme/cohorts/${cohortId}/sessions/1`, { attended: amira })
    assert.match(textOf(saved.html), /Attendance for week 1 saved 1 of the cohort attended/)
    assert.match(saved.html, /data-week="1">1 of 2</)
    assert.match(saved.html, /data-week="2">0 of 2</)
    const attendedRows = await t.database.db
      .selectFrom('session_attendance')
      .innerJoin('training_session', 'training_session.id', 'session_attendance.session_id')
      .select(['session_attendance.advocate_id', 'training_session.week'])
      .where('training_session.cohort_id', '=', cohortId)
      .execute()
    assert.deepEqual(attendedRows, [{ advocate_id: amira, week: 1 }])

    const shown = await coordinator.get(`/programme/cohorts/${cohortId}/sessions/1`)
    assert.match(shown.html, new RegExp(`value="${amira}" checked`), 'the register shows who attended')
    assert.doesNotMatch(shown.html, new RegExp(`value="${bea}" checked`))

    await coordinator.submit(`/programme/cohorts/${cohortId}/sessions/2`, { attended: [amira, bea] })
    const replaced = await coordinator.submit(`/programme/cohorts/${cohortId}/sessions/2`, { attended: bea })
    assert.match(replaced.html, /data-week="2">1 of 2</, 'saving again replaces the attendance')
    const none = await coordinator.submit(`/programme/cohorts/${cohortId}/sessions/1`, {})
    assert.match(none.html, /data-week="1">0 of 2</, 'nobody ticked: nobody attended')

    const outsider = await coordinator.submit(`/programme/cohorts/${cohortId}/sessions/3`, { attended: [amira, gone] })
    assert.deepEqual(errorSummary(outsider.html), ['Select people from the list of the cohort’s members'])
    assert.match(outsider.html, new RegExp(`value="${amira}" checked`), 'the ticks are kept')

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'programme.attendance-recorded')
      .where('actor_id', '=', t.world.staff.coordinator.id)
      .execute()
    assert.equal(audit.length, 4)

    const removed = await coordinator.post(`/programme/cohorts/${cohortId}/members/${bea}/remove`, {})
    const after = await coordinator.open(removed.location ?? '')
    assert.match(textOf(after.html), /Bea Absent taken out of the cohort/)
    assert.doesNotMatch(section(after.html, 'members'), /Bea Absent/)
    assert.match(after.html, /data-week="2">0 of 1</, 'only members are counted')
    assert.equal((await coordinator.post(`/programme/cohorts/${cohortId}/members/${bea}/remove`, {})).status, 404, 'not a member any more')
  })

  test('module completion is saved and shown; a date already recorded is kept; the date cannot be in the future', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Modules 2026', ['6', '10', '2026'])
    const cara = await advocate(t, { given_name: 'Cara', family_name: 'Completer', stage: 'training' })
    const dev = await advocate(t, { given_name: 'Dev', family_name: 'Starter', stage: 'training' })
    await addMember(coordinator, cohortId, cara)
    await addMember(coordinator, cohortId, dev)

    const form = await coordinator.get(`/programme/cohorts/${cohortId}/modules`)
    assert.match(form.html, /name="completedOn-day"[^>]*value="24"/, 'the date is today unless changed')
    const first = await coordinator.submit(`/programme/cohorts/${cohortId}/modules`, {
      shown: [cara, dev],
      completed: [`${cara}:advocacy_skills`, `${cara}:legal_framework`, `${dev}:safeguarding`],
      ...dateParts('completedOn', ['20', '11', '2026']),
    })
    assert.match(textOf(first.html), /Module completion saved 3 modules recorded as completed/)
    const rows = async () =>
      (
        await t.database.db
          .selectFrom('module_completion')
          .select(['advocate_id', 'module', 'completed_on'])
          .where('advocate_id', 'in', [cara, dev])
          .orderBy('advocate_id')
          .orderBy('module')
          .execute()
      ).map((row) => `${row.advocate_id === cara ? 'cara' : 'dev'} ${row.module} ${row.completed_on}`)
    assert.deepEqual((await rows()).sort(), ['cara advocacy_skills 2026-11-20', 'cara legal_framework 2026-11-20', 'dev safeguarding 2026-11-20'])
    const member = section(first.html, 'members')
    assert.match(
      textOf(member),
      /Cara Completer Training 0 of 8 2 of 6 Not yet: Child protection conferences; Understanding professionals’ concerns; Safeguarding; Data protection and safe data handling/,
    )

    const again = await coordinator.submit(`/programme/cohorts/${cohortId}/modules`, {
      shown: [cara, dev],
      completed: [`${cara}:advocacy_skills`, `${cara}:legal_framework`, `${cara}:conferences`],
      ...dateParts('completedOn', ['23', '11', '2026']),
    })
    assert.match(textOf(again.html), /1 module recorded as completed; 1 no longer recorded as completed/)
    assert.deepEqual(
      (await rows()).sort(),
      ['cara advocacy_skills 2026-11-20', 'cara conferences 2026-11-23', 'cara legal_framework 2026-11-20'],
      'earlier dates are kept; an unticked module is removed',
    )
    const shown = await coordinator.get(`/programme/cohorts/${cohortId}/modules`)
    assert.match(shown.html, new RegExp(`value="${cara}:advocacy_skills" checked`))
    assert.match(textOf(shown.html), /Advocacy skills and the role of the parent advocate Completed on 20 November 2026/)

    const future = await coordinator.submit(`/programme/cohorts/${cohortId}/modules`, {
      shown: [cara],
      completed: `${cara}:safeguarding`,
      ...dateParts('completedOn', ['25', '11', '2026']),
    })
    assert.deepEqual(errorSummary(future.html), ['The date the modules were completed must be today or in the past'])
    assert.match(future.html, new RegExp(`value="${cara}:safeguarding" checked`), 'the ticks are kept')

    const outsider = await advocate(t, { given_name: 'Otto', family_name: 'Outsider', stage: 'training' })
    const notMember = await coordinator.submit(`/programme/cohorts/${cohortId}/modules`, {
      shown: [cara, outsider],
      completed: `${outsider}:safeguarding`,
      ...dateParts('completedOn', ['24', '11', '2026']),
    })
    assert.deepEqual(errorSummary(notMember.html), ['Select modules from the list'])
    assert.equal((await t.database.db.selectFrom('module_completion').select('module').where('advocate_id', '=', outsider).execute()).length, 0)

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'record_id', 'details'])
      .where('action', 'like', 'programme.module-%')
      .where('record_id', 'in', [cara, dev])
      .orderBy('id')
      .execute()
    assert.deepEqual(audit.map((row) => row.action).sort(), [
      'programme.module-completed',
      'programme.module-completed',
      'programme.module-completed',
      'programme.module-completion-removed',
    ])
    assert.ok(audit.every((row) => !/Cara|Dev|Completer|Starter/.test(JSON.stringify(row.details))))
  })

  test('the Level 2 accreditation is refused until the advocacy module is completed, and then kept', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Accreditation 2026', ['1', '9', '2026'])
    const ife = await advocate(t, { given_name: 'Ife', family_name: 'Accredited', stage: 'accreditation' })
    await addMember(coordinator, cohortId, ife)

    const form = await coordinator.get(`/programme/cohorts/${cohortId}/accreditation`)
    assert.match(textOf(form.html), /Ife Accredited Module not completed yet/)
    const refused = await coordinator.submit(`/programme/cohorts/${cohortId}/accreditation`, {
      advocateId: ife,
      ...dateParts('accreditedOn', ['20', '11', '2026']),
    })
    assert.deepEqual(errorSummary(refused.html), [
      'Ife Accredited has not completed “Advocacy skills and the role of the parent advocate”: record the module as completed before the accreditation',
    ])
    assert.match(refused.html, /name="accreditedOn-day"[^>]*value="20"/, 'the answers are kept')
    const row = () => t.database.db.selectFrom('advocate').select(['accredited_on', 'version']).where('id', '=', ife).executeTakeFirstOrThrow()
    assert.equal((await row()).accredited_on, null)

    // Another module is not enough: it must be the advocacy module.
    await coordinator.get(`/programme/cohorts/${cohortId}/modules`)
    await coordinator.submit(`/programme/cohorts/${cohortId}/modules`, {
      shown: ife,
      completed: `${ife}:safeguarding`,
      ...dateParts('completedOn', ['10', '11', '2026']),
    })
    const stillRefused = await coordinator.submit(`/programme/cohorts/${cohortId}/accreditation`, {
      advocateId: ife,
      ...dateParts('accreditedOn', ['20', '11', '2026']),
    })
    assert.equal(errorSummary(stillRefused.html).length, 1)

    await coordinator.submit(`/programme/cohorts/${cohortId}/modules`, {
      shown: ife,
      completed: [`${ife}:safeguarding`, `${ife}:advocacy_skills`],
      ...dateParts('completedOn', ['10', '11', '2026']),
    })
    const future = await coordinator.submit(`/programme/cohorts/${cohortId}/accreditation`, {
      advocateId: ife,
      ...dateParts('accreditedOn', ['1', '12', '2026']),
    })
    assert.deepEqual(errorSummary(future.html), ['The date of the accreditation must be today or in the past'])
    const versionBefore = (await row()).version
    const accredited = await coordinator.submit(`/programme/cohorts/${cohortId}/accreditation`, {
      advocateId: ife,
      ...dateParts('accreditedOn', ['20', '11', '2026']),
    })
    assert.match(textOf(accredited.html), /Ife Accredited's Level 2 accreditation recorded Accredited on 20 November 2026/)
    assert.match(textOf(section(accredited.html, 'members')), /Accredited on 20 November 2026/)
    assert.deepEqual(await row(), { accredited_on: '2026-11-20', version: versionBefore + 1 })

    const unticked = await coordinator.submit(`/programme/cohorts/${cohortId}/modules`, {
      shown: ife,
      completed: `${ife}:safeguarding`,
      ...dateParts('completedOn', ['24', '11', '2026']),
    })
    assert.deepEqual(errorSummary(unticked.html), [
      'Ife Accredited has a Level 2 accreditation, so “Advocacy skills and the role of the parent advocate” must stay completed',
    ])
    assert.match(unticked.html, new RegExp(`href="#completed-${ife}"`))

    const nobody = await coordinator.submit(`/programme/cohorts/${cohortId}/accreditation`, { ...dateParts('accreditedOn', ['20', '11', '2026']) })
    assert.deepEqual(errorSummary(nobody.html), ['Select who was accredited'])
    const stranger = await advocate(t, { given_name: 'Sam', family_name: 'Stranger', stage: 'accreditation' })
    const notMember = await coordinator.submit(`/programme/cohorts/${cohortId}/accreditation`, {
      advocateId: stranger,
      ...dateParts('accreditedOn', ['20', '11', '2026']),
    })
    assert.deepEqual(errorSummary(notMember.html), ['Select who was accredited from the list'])

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'programme.accredited')
      .where('record_id', '=', ife)
      .execute()
    assert.equal(audit.length, 1)
    assert.equal((audit[0]?.details as { accreditedOn?: string }).accreditedOn, '2026-11-20')
  })

  test('supervision: a one-to-one is with exactly one person, the date is not in the future, and what is saved is listed', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const kay = await advocate(t, { given_name: 'Kay', family_name: 'Supervised', stage: 'active' })
    const lou = await advocate(t, { given_name: 'Lou', family_name: 'Trainee', stage: 'training' })
    const applicant = await advocate(t, { given_name: 'Ann', family_name: 'Applicant', stage: 'application' })

    const form = await coordinator.get('/programme/supervision/new')
    assert.match(form.html, new RegExp(`value="${kay}"`))
    assert.match(form.html, new RegExp(`value="${lou}"`))
    assert.doesNotMatch(form.html, new RegExp(`value="${applicant}"`), 'applicants do not come to supervision yet')
    assert.match(form.html, /name="heldOn-day"[^>]*value="24"/)

    const two = await coordinator.submit('/programme/supervision/new', {
      kind: 'one_to_one',
      ...dateParts('heldOn', ['20', '11', '2026']),
      attendees: [kay, lou],
      notes: 'Talked about the first referral.',
    })
    assert.deepEqual(errorSummary(two.html), ['A one-to-one is with one person: select only one, or record a group session'])
    assert.match(two.html, /Talked about the first referral\./, 'the answers are kept')
    const future = await coordinator.submit('/programme/supervision/new', { kind: 'one_to_one', ...dateParts('heldOn', ['25', '11', '2026']), attendees: kay })
    assert.deepEqual(errorSummary(future.html), ['The date of the session must be today or in the past'])
    const empty = await coordinator.submit('/programme/supervision/new', {})
    assert.deepEqual(errorSummary(empty.html), ['Select whether it was a one-to-one or a group session', 'Enter the date of the session'])
    const nobodyInGroup = await coordinator.submit('/programme/supervision/new', { kind: 'group', ...dateParts('heldOn', ['20', '11', '2026']) })
    assert.deepEqual(errorSummary(nobodyInGroup.html), ['Select who came to the group session'])
    const notSupervised = await coordinator.submit('/programme/supervision/new', {
      kind: 'one_to_one',
      ...dateParts('heldOn', ['20', '11', '2026']),
      attendees: applicant,
    })
    assert.deepEqual(errorSummary(notSupervised.html), ['Select people from the list'])
    assert.equal((await t.database.db.selectFrom('supervision_session').select('id').execute()).length, 0, 'nothing refused was saved')

    const oneToOne = await coordinator.submit('/programme/supervision/new', {
      kind: 'one_to_one',
      ...dateParts('heldOn', ['20', '11', '2026']),
      attendees: kay,
      notes: 'Talked about the first referral.',
    })
    assert.match(textOf(oneToOne.html), /One-to-one supervision recorded Held on 20 November 2026, with 1 person/)
    const group = await coordinator.submit('/programme/supervision/new', { kind: 'group', ...dateParts('heldOn', ['18', '11', '2026']), attendees: [kay, lou] })
    const recent = textOf(section(group.html, 'recent-supervision'))
    assert.match(
      recent,
      /20 November 2026 One-to-one with Cora Coordinator Kay Supervised Talked about the first referral\. 18 November 2026 Group with Cora Coordinator Kay Supervised Lou Trainee/,
    )

    const saved = await t.database.db.selectFrom('supervision_session').select(['id', 'kind', 'held_on', 'supervisor_id']).orderBy('held_on').execute()
    assert.deepEqual(
      saved.map((row) => [row.kind, row.held_on, row.supervisor_id]),
      [
        ['group', '2026-11-18', t.world.staff.coordinator.id],
        ['one_to_one', '2026-11-20', t.world.staff.coordinator.id],
      ],
    )
    const audit = await t.database.db.selectFrom('audit_event').select('details').where('action', '=', 'programme.supervision-recorded').execute()
    assert.equal(audit.length, 2)
    assert.ok(
      audit.every((row) => !/Kay|Lou|referral/.test(JSON.stringify(row.details))),
      'no names or notes in the audit details',
    )
  })

  test('hostile input gets a GOV.UK error summary, never a 500', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Hostile 2026', ['2', '11', '2026'])
    const member = await advocate(t, { given_name: 'Hal', family_name: 'Hostile', stage: 'training' })
    await addMember(coordinator, cohortId, member)

    const forms: readonly { url: string; valid: Body; fields: readonly string[] }[] = [
      {
        url: '/programme/cohorts',
        valid: { name: 'A cohort', ...dateParts('startsOn', ['1', '2', '2027']) },
        fields: ['name', 'startsOn-day', 'startsOn-month', 'startsOn-year'],
      },
      { url: `/programme/cohorts/${cohortId}`, valid: { advocateId: member }, fields: ['advocateId'] },
      { url: `/programme/cohorts/${cohortId}/sessions/4`, valid: { attended: member }, fields: ['attended'] },
      {
        url: `/programme/cohorts/${cohortId}/modules`,
        valid: { shown: member, completed: `${member}:safeguarding`, ...dateParts('completedOn', ['1', '11', '2026']) },
        fields: ['shown', 'completed', 'completedOn-day', 'completedOn-year'],
      },
      {
        url: `/programme/cohorts/${cohortId}/accreditation`,
        valid: { advocateId: member, ...dateParts('accreditedOn', ['1', '11', '2026']) },
        fields: ['advocateId', 'accreditedOn-month'],
      },
      {
        url: '/programme/supervision/new',
        valid: { kind: 'group', ...dateParts('heldOn', ['1', '11', '2026']), attendees: member, notes: 'Fine' },
        fields: ['kind', 'heldOn-day', 'attendees', 'notes'],
      },
    ]
    const badValues: readonly FormValue[] = [
      LONG,
      [LONG, LONG],
      MARKUP,
      CONTROLS,
      'not-an-id',
      NONEXISTENT,
      `${NONEXISTENT}:safeguarding`,
      `${member}:${MARKUP}`,
      ['', ''],
      Array.from({ length: 300 }, () => NONEXISTENT),
    ]

    for (const form of forms) {
      await coordinator.get(form.url)
      for (const field of form.fields) {
        for (const bad of badValues) {
          const label = `${form.url} ${field}=${typeof bad === 'string' ? bad.slice(0, 40) : `[${bad?.length}]`}`
          const posted = await coordinator.post(form.url, { ...form.valid, [field]: bad })
          assert.equal(posted.status, 303, label)
          const shown = await coordinator.open(posted.location ?? '')
          assert.equal(shown.status, 200, label)
          assert.ok(!shown.html.includes(MARKUP), `${label}: markup is never shown as markup`)
          if (posted.location === form.url) {
            const messages = errorSummary(shown.html)
            assert.ok(messages.length > 0, `${label}: refused with an error summary`)
            for (const message of messages) assert.doesNotMatch(message, LIBRARY_MESSAGE, label)
          }
        }
      }
      const wholeBody = await coordinator.post(form.url, Object.fromEntries(form.fields.map((field) => [field, [LONG, MARKUP]])))
      assert.equal(wholeBody.status, 303, form.url)
      assert.ok(errorSummary((await coordinator.open(wholeBody.location ?? '')).html).length > 0, form.url)
    }

    const long = await coordinator.submit('/programme/cohorts', { name: LONG, ...dateParts('startsOn', ['1', '2', '2027']) })
    assert.deepEqual(errorSummary(long.html), ['Cohort name must be 100 characters or fewer'])
    const notes = await coordinator.submit('/programme/supervision/new', {
      kind: 'group',
      ...dateParts('heldOn', ['1', '11', '2026']),
      attendees: member,
      notes: LONG,
    })
    assert.deepEqual(errorSummary(notes.html), ['Notes must be 2,000 characters or fewer'])
    const marked = await coordinator.submit('/programme/cohorts', { name: `${CONTROLS}Cohort ${MARKUP}`, ...dateParts('startsOn', ['8', '2', '2027']) })
    assert.match(marked.html, /Cohort &lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'markup is escaped')
    const stored = await t.database.db.selectFrom('training_cohort').select('name').where('name', 'like', 'Cohort <script>%').executeTakeFirstOrThrow()
    assert.equal(stored.name, `Cohort ${MARKUP}`, 'control characters are removed')

    for (const week of ['0', '9', 'x', '1.5', '01', LONG.slice(0, 500)]) {
      assert.equal((await coordinator.get(`/programme/cohorts/${cohortId}/sessions/${week}`)).status, 404, week)
      assert.equal((await coordinator.post(`/programme/cohorts/${cohortId}/sessions/${week}`, { attended: member })).status, 404, week)
    }
    for (const id of ['not-an-id', NONEXISTENT, `${cohortId}x`, "1' or '1'='1"]) {
      for (const path of ['', '/sessions/1', '/modules', '/accreditation']) {
        assert.equal((await coordinator.get(`/programme/cohorts/${encodeURIComponent(id)}${path}`)).status, 404, `${id}${path}`)
        assert.equal((await coordinator.post(`/programme/cohorts/${encodeURIComponent(id)}${path}`, {})).status, 404, `post ${id}${path}`)
      }
      assert.equal((await coordinator.post(`/programme/cohorts/${cohortId}/members/${encodeURIComponent(id)}/remove`, {})).status, 404, `remove ${id}`)
      assert.equal((await coordinator.post(`/programme/cohorts/${encodeURIComponent(id)}/members/${member}/remove`, {})).status, 404, `remove from ${id}`)
    }
  })

  test('a post without the form token is refused and changes nothing', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    await coordinator.get('/programme/cohorts')
    const refused = await coordinator.post('/programme/cohorts', { name: 'Forged 2027', ...dateParts('startsOn', ['1', '3', '2027']) }, { withToken: false })
    assert.equal(refused.status, 403)
    const wrongToken = await coordinator.post('/programme/supervision/new', { kind: 'group', ...dateParts('heldOn', ['1', '11', '2026']) }, { token: 'forged' })
    assert.equal(wrongToken.status, 403)
    assert.equal((await t.database.db.selectFrom('training_cohort').select('id').where('name', '=', 'Forged 2027').execute()).length, 0)
  })

  test('only the coordinator may use the programme, and only their own authority’s', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Access 2026', ['2', '11', '2026'])
    const member = await advocate(t, { given_name: 'Mia', family_name: 'Member', stage: 'training' })
    await addMember(coordinator, cohortId, member)
    const pages = [
      '/programme',
      '/programme/cohorts',
      `/programme/cohorts/${cohortId}`,
      `/programme/cohorts/${cohortId}/sessions/1`,
      `/programme/cohorts/${cohortId}/modules`,
      `/programme/cohorts/${cohortId}/accreditation`,
      '/programme/supervision',
      '/programme/supervision/new',
    ]
    const posts: readonly [string, Body][] = [
      ['/programme/cohorts', { name: 'Intruders 2027', ...dateParts('startsOn', ['1', '3', '2027']) }],
      [`/programme/cohorts/${cohortId}`, { advocateId: member }],
      [`/programme/cohorts/${cohortId}/members/${member}/remove`, {}],
      [`/programme/cohorts/${cohortId}/sessions/1`, { attended: member }],
      [`/programme/cohorts/${cohortId}/modules`, { shown: member, completed: `${member}:safeguarding`, ...dateParts('completedOn', ['1', '11', '2026']) }],
      [`/programme/cohorts/${cohortId}/accreditation`, { advocateId: member, ...dateParts('accreditedOn', ['1', '11', '2026']) }],
      ['/programme/supervision/new', { kind: 'one_to_one', ...dateParts('heldOn', ['1', '11', '2026']), attendees: member }],
    ]
    const state = async () => ({
      cohorts: (await t.database.db.selectFrom('training_cohort').select('id').execute()).length,
      members: await t.database.db.selectFrom('cohort_member').select('advocate_id').where('cohort_id', '=', cohortId).execute(),
      attendance: (await t.database.db.selectFrom('session_attendance').select('advocate_id').execute()).length,
      modules: (await t.database.db.selectFrom('module_completion').select('module').where('advocate_id', '=', member).execute()).length,
      supervision: (await t.database.db.selectFrom('supervision_session').select('id').execute()).length,
      accredited: (await t.database.db.selectFrom('advocate').select('accredited_on').where('id', '=', member).executeTakeFirstOrThrow()).accredited_on,
    })
    const before = await state()

    for (const who of ['referrer', 'admin', 'manager', 'advocate', 'analyst', 'sysadmin'] as const satisfies readonly StaffKey[]) {
      const browser = await signedIn(t, who)
      for (const page of pages) assert.equal((await browser.get(page)).status, 403, `${who} GET ${page}`)
      for (const [url, body] of posts) assert.equal((await browser.post(url, body)).status, 403, `${who} POST ${url}`)
    }

    const elsewhereEmail = `coordinator.${t.world.elsewhere.authorityId.slice(0, 8)}@test.alongside.example`
    await insertUser(t.database.db, {
      authorityId: t.world.elsewhere.authorityId,
      email: elsewhereEmail,
      displayName: 'Cy Elsewhere',
      roles: ['coordinator'],
      passwordHash: await hashPassword(PASSWORD),
    })
    const elsewhere = new Browser(t.app)
    assert.equal((await elsewhere.signIn(elsewhereEmail, PASSWORD)).status, 303)
    for (const page of pages) {
      const shown = await elsewhere.get(page)
      if (page.includes(cohortId)) assert.equal(shown.status, 404, `elsewhere GET ${page}`)
      else {
        assert.equal(shown.status, 200, `elsewhere GET ${page} is their own authority's page`)
        assert.doesNotMatch(shown.html, /Access 2026|Mia Member/, `elsewhere GET ${page} shows nothing of ours`)
      }
    }
    for (const [url, body] of posts) {
      const posted = await elsewhere.post(url, body)
      if (url.includes(cohortId)) assert.ok(posted.status === 404 || posted.status === 403, `elsewhere POST ${url}: ${posted.status}`)
      else if (url === '/programme/supervision/new') {
        assert.deepEqual(
          errorSummary((await elsewhere.open(posted.location ?? '')).html),
          ['Select people from the list'],
          'our advocate cannot be supervised by them',
        )
      }
    }
    const after = await state()
    assert.deepEqual({ ...after, cohorts: after.cohorts - 1 }, before, 'nothing of ours changed (the other authority made a cohort of its own)')
    const theirs = await t.database.db.selectFrom('training_cohort').select('authority_id').where('name', '=', 'Intruders 2027').execute()
    assert.deepEqual(theirs, [{ authority_id: t.world.elsewhere.authorityId }])
  })
})

describe(`the programme at a glance (${engine})`, () => {
  let t: TestApp
  const ids: Record<string, string> = {}
  before(async () => {
    t = await startTestApp()
    const add = async (key: string, given: string, family: string, fields: Partial<AdvocateFields> & { stage: string }) => {
      ids[key] = await advocate(t, { given_name: given, family_name: family, ...fields })
    }
    await add('app1', 'Alex', 'Applying', { stage: 'application' })
    await add('app2', 'Ash', 'Applying', { stage: 'application' })
    await add('conv', 'Cam', 'Conversing', { stage: 'conversation' })
    await add('train', 'Tia', 'Training', { stage: 'training' })
    await add('overdue', 'Olive', 'Overdue', { stage: 'active' })
    await add('soon', 'Dana', 'Duesoon', { stage: 'active' })
    await add('fine', 'Uma', 'Uptodate', { stage: 'active' })
    await add('short', 'Gina', 'Groupshort', { stage: 'active' })
    await add('expired', 'Ed', 'Expired', { stage: 'active', kind: 'professional_advocate', dbs_checked_on: '2023-01-01' })
    await add('rest', 'Rae', 'Resting', { stage: 'resting' })
    await add('left', 'Lee', 'Leaver', { stage: 'left' })
    for (const key of ['overdue', 'soon', 'fine', 'short']) await completeAllModules(t, ids[key] ?? '')
    const id = (key: string) => ids[key] ?? ''
    // Default rules: a one-to-one every 8 weeks; 2 of the group sessions held in the last 12 weeks.
    await supervisionOn(t, 'one_to_one', '2026-09-01', [id('overdue')]) // due by 27 October: overdue
    await supervisionOn(t, 'one_to_one', '2026-10-13', [id('soon')]) // due by 8 December: within 14 days
    await supervisionOn(t, 'one_to_one', '2026-11-20', [id('fine')])
    await supervisionOn(t, 'one_to_one', '2026-11-19', [id('short')])
    await supervisionOn(t, 'group', '2026-10-01', [id('overdue'), id('soon'), id('fine')])
    await supervisionOn(t, 'group', '2026-11-05', [id('overdue'), id('soon'), id('fine')])
  })
  after(async () => t.close())

  test('the overview shows the pipeline, who is due or overdue for supervision, and who cannot be offered work and why', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const page = await coordinator.get('/programme')
    assert.equal(page.status, 200)

    const counts = [...section(page.html, 'pipeline').matchAll(/data-stage="([a-z]+)">(\d+)</g)].map((match) => `${match[1]} ${match[2]}`)
    assert.deepEqual(counts, ['application 2', 'conversation 1', 'references 0', 'dbs 0', 'training 1', 'accreditation 0', 'active 5', 'resting 1', 'left 1'])
    assert.match(textOf(section(page.html, 'pipeline')), /11 advocates, by stage/)

    const due = textOf(section(page.html, 'supervision-due'))
    assert.match(due, /Olive Overdue Overdue Last on 1 September 2026; was due by 27 October 2026 Attended 2 of the 2 needed in the last 12 weeks/)
    assert.match(due, /Dana Duesoon Due soon Last on 13 October 2026; due by 8 December 2026/)
    assert.match(due, /Gina Groupshort Up to date Last on 19 November 2026; due by 14 January 2027 Short Attended 0 of the 2 needed in the last 12 weeks/)
    assert.doesNotMatch(due, /Uma Uptodate/)
    assert.doesNotMatch(due, /Ed Expired/, 'professional advocates are not in the programme’s supervision')
    assert.ok(due.indexOf('Olive Overdue') < due.indexOf('Dana Duesoon'), 'the overdue come first')

    const cannot = section(page.html, 'cannot-be-offered')
    const cannotText = textOf(cannot)
    assert.match(cannotText, /Ed Expired DBS check expired on 1 January 2026/)
    assert.match(cannotText, /Olive Overdue Has had no one-to-one supervision in the last 8 weeks/)
    assert.match(cannotText, /Gina Groupshort Attended 0 of the 2 group supervision sessions needed in the last 12 weeks/)
    assert.doesNotMatch(cannotText, /Uma Uptodate|Dana Duesoon|Rae Resting|Tia Training/, 'only active advocates who cannot be offered work')
    assert.match(cannot, new RegExp(`href="/advocates/${ids['expired']}"`))

    for (const key of Object.keys(ids)) assert.match(page.html, new RegExp(`href="/advocates/${ids[key]}"`), `${key} links to their page`)
    assert.match(textOf(page.html), /Application \(2\) Alex Applying Ash Applying/)
    assert.match(page.html, /href="\/programme\/cohorts"/)
    assert.match(page.html, /href="\/programme\/supervision"/)

    const supervision = await coordinator.get('/programme/supervision')
    assert.match(textOf(section(supervision.html, 'supervision-due')), /Olive Overdue Overdue/)
  })

  test('recording a one-to-one takes an advocate off the overdue list', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    await coordinator.get('/programme/supervision/new')
    await coordinator.submit('/programme/supervision/new', { kind: 'one_to_one', ...dateParts('heldOn', ['24', '11', '2026']), attendees: ids['overdue'] })
    const page = await coordinator.get('/programme')
    assert.doesNotMatch(textOf(section(page.html, 'supervision-due')), /Olive Overdue/)
    assert.doesNotMatch(textOf(section(page.html, 'cannot-be-offered')), /Olive Overdue/)
  })
})
