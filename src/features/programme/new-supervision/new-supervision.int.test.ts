import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { advocate, bannerOf, coordinatorElsewhere, dateParts, LONG, NOT_COORDINATORS, refusesHostileInput } from '../../../../test/support/programme-steps.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

describe(`recording a supervision session (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('a one-to-one is with exactly one person, the date is not in the future, and what is saved is listed', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const kay = await advocate(t, { given_name: 'Kay', family_name: 'Supervised', stage: 'active' })
    const lou = await advocate(t, { given_name: 'Lou', family_name: 'Trainee', stage: 'training' })
    const applicant = await advocate(t, { given_name: 'Ann', family_name: 'Applicant', stage: 'application' })

    const form = await coordinator.get('/programme/supervision/new')
    const offered = [...form.document.querySelectorAll('input[name="attendees"]')].map((input) => input.getAttribute('value'))
    assert.ok(offered.includes(kay) && offered.includes(lou))
    assert.ok(!offered.includes(applicant), 'applicants do not come to supervision yet')
    assert.equal(form.document.querySelector<HTMLInputElement>('input[name="heldOn-day"]')?.value, '24', 'today, unless changed')

    const two = await coordinator.submit('/programme/supervision/new', {
      kind: 'one_to_one',
      ...dateParts('heldOn', ['20', '11', '2026']),
      attendees: [kay, lou],
      notes: 'Talked about the first referral.',
    })
    assert.deepEqual(errorSummary(two.document), ['A one-to-one is with one person: select only one, or record a group session'])
    assert.equal(textOf(two.document.querySelector('textarea[name="notes"]')), 'Talked about the first referral.', 'the answers are kept')
    const future = await coordinator.submit('/programme/supervision/new', { kind: 'one_to_one', ...dateParts('heldOn', ['25', '11', '2026']), attendees: kay })
    assert.deepEqual(errorSummary(future.document), ['The date of the session must be today or in the past'])
    const empty = await coordinator.submit('/programme/supervision/new', {})
    assert.deepEqual(errorSummary(empty.document), ['Select whether it was a one-to-one or a group session', 'Enter the date of the session'])
    const nobodyInGroup = await coordinator.submit('/programme/supervision/new', { kind: 'group', ...dateParts('heldOn', ['20', '11', '2026']) })
    assert.deepEqual(errorSummary(nobodyInGroup.document), ['Select who came to the group session'])
    const nobodyOneToOne = await coordinator.submit('/programme/supervision/new', { kind: 'one_to_one', ...dateParts('heldOn', ['20', '11', '2026']) })
    assert.deepEqual(errorSummary(nobodyOneToOne.document), ['Select who had the one-to-one'])
    const notSupervised = await coordinator.submit('/programme/supervision/new', {
      kind: 'one_to_one',
      ...dateParts('heldOn', ['20', '11', '2026']),
      attendees: applicant,
    })
    assert.deepEqual(errorSummary(notSupervised.document), ['Select people from the list'])
    assert.equal((await t.database.db.selectFrom('supervision_session').select('id').execute()).length, 0, 'nothing refused was saved')

    const oneToOne = await coordinator.submit('/programme/supervision/new', {
      kind: 'one_to_one',
      ...dateParts('heldOn', ['20', '11', '2026']),
      attendees: kay,
      notes: 'Talked about the first referral.',
    })
    assert.match(bannerOf(oneToOne), /One-to-one supervision recorded Held on 20 November 2026, with 1 person/)
    const group = await coordinator.submit('/programme/supervision/new', { kind: 'group', ...dateParts('heldOn', ['18', '11', '2026']), attendees: [kay, lou] })
    assert.match(bannerOf(group), /Group supervision recorded Held on 18 November 2026, with 2 people/)
    assert.match(
      textOf(group.document.getElementById('recent-supervision')),
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

  test('hostile input gets a GOV.UK error summary, never a 500; a forged form is refused', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const member = await advocate(t, { given_name: 'Hal', family_name: 'Hostile', stage: 'training' })
    await refusesHostileInput(
      coordinator,
      {
        url: '/programme/supervision/new',
        valid: { kind: 'group', ...dateParts('heldOn', ['1', '11', '2026']), attendees: member, notes: 'Fine' },
        fields: ['kind', 'heldOn-day', 'attendees', 'notes'],
      },
      member,
    )
    const notes = await coordinator.submit('/programme/supervision/new', {
      kind: 'group',
      ...dateParts('heldOn', ['1', '11', '2026']),
      attendees: member,
      notes: LONG,
    })
    assert.deepEqual(errorSummary(notes.document), ['Notes must be 2,000 characters or fewer'])
    const before = (await t.database.db.selectFrom('supervision_session').select('id').execute()).length
    const forged = await coordinator.post(
      '/programme/supervision/new',
      { kind: 'group', ...dateParts('heldOn', ['1', '11', '2026']), attendees: member },
      { token: 'forged' },
    )
    assert.equal(forged.status, 403)
    assert.equal((await t.database.db.selectFrom('supervision_session').select('id').execute()).length, before)
  })

  test('only the coordinator records supervision, and only of their own authority’s advocates', async () => {
    const member = await advocate(t, { given_name: 'Mia', family_name: 'Member', stage: 'training' })
    const body = { kind: 'one_to_one', ...dateParts('heldOn', ['1', '11', '2026']), attendees: member }
    const count = async () => (await t.database.db.selectFrom('supervision_attendance').select('session_id').where('advocate_id', '=', member).execute()).length
    for (const who of NOT_COORDINATORS) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/programme/supervision/new')).status, 403, who)
      assert.equal((await browser.post('/programme/supervision/new', body)).status, 403, who)
    }
    const elsewhere = await coordinatorElsewhere(t)
    const theirForm = await elsewhere.get('/programme/supervision/new')
    assert.equal(theirForm.document.querySelector(`input[value="${member}"]`), null, 'our advocates are not offered to them')
    const posted = await elsewhere.post('/programme/supervision/new', body)
    assert.deepEqual(
      errorSummary((await elsewhere.open(posted.location ?? '')).document),
      ['Select people from the list'],
      'our advocate cannot be supervised by them',
    )
    assert.equal(await count(), 0)
  })
})
