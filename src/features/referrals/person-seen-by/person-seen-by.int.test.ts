import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { heading, tableRows, type Page } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { crewOf, draftWithPerson, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

function whoDidWhat(page: Page): string[][] {
  return tableRows(page.document).map(([who = '', what = '']) => [who, what])
}

describe(`who has seen a person (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  let referralId: string
  let reference: string
  let personId: string
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    referralId = await referralAt(t, crew, 'awaiting_admin', 'Seenperson')
    const row = await t.database.db.selectFrom('referral').select(['person_id', 'reference']).where('id', '=', referralId).executeTakeFirstOrThrow()
    personId = row.person_id ?? ''
    reference = row.reference
    // A search finds her, her page is opened, and her referral is opened and listed.
    await crew.manager.get('/people?givenName=Maria&familyName=Seenperson&dateOfBirth-day=3&dateOfBirth-month=4&dateOfBirth-year=1990')
    await crew.referrer.get(`/people/${personId}`)
    await crew.admin.get(`/referrals/${referralId}`)
    await crew.admin.get('/team-work')
  })
  after(async () => t.close())

  test('a service manager sees who found, opened or was shown the person, and their referrals, newest first', async () => {
    const page = await crew.manager.get(`/people/${personId}/seen-by`)
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'Who has seen this record')
    const rows = whoDidWhat(page)
    // My team's work lists it twice, in the team's list and among meetings not ready for the family
    // yet: the page is one event, told by its own list.
    assert.deepEqual(rows.slice(0, 4), [
      ['Ada Admin', `Saw referral ${reference} listed in My team’s work`],
      ['Ada Admin', `Opened referral ${reference} and its advocacy record`],
      ['Rita Referrer', 'Opened their page'],
      ['Manny Manager', 'Found them in a search'],
    ])
    assert.ok(rows.some(([who, what]) => who === 'Rita Referrer' && what === 'Added them'))
    assert.ok(rows.some(([who, what]) => who === 'Rita Referrer' && what === `Started referral ${reference}`))
  })

  test('looking is itself recorded', async () => {
    await crew.manager.get(`/people/${personId}/seen-by`)
    const again = await crew.manager.get(`/people/${personId}/seen-by`)
    assert.deepEqual(whoDidWhat(again)[0], ['Manny Manager', 'Looked at who has seen them'])
    const events = await t.database.db
      .selectFrom('audit_event')
      .select('actor_id')
      .where('action', '=', 'person.seen-by-viewed')
      .where('record_id', '=', personId)
      .execute()
    assert.ok(events.length >= 2 && events.every((event) => event.actor_id === t.world.staff.manager.id))
  })

  test('only a service manager who may see the person; the person page links to it for them', async () => {
    for (const who of ['referrer', 'admin', 'analyst', 'coordinator'] as const) {
      const browser = who === 'referrer' ? crew.referrer : who === 'admin' ? crew.admin : await signedIn(t, who)
      assert.equal((await browser.get(`/people/${personId}/seen-by`)).status, 403, who)
    }
    const draft = await draftWithPerson(crew.referrer, 'Onlyadraft')
    const draftPerson = await t.database.db.selectFrom('referral').select('person_id').where('id', '=', draft).executeTakeFirstOrThrow()
    assert.equal((await crew.manager.get(`/people/${draftPerson.person_id ?? ''}/seen-by`)).status, 404, 'nobody has referred them to the service')
    assert.equal((await (await signedInAs(t, t.world.elsewhere.manager)).get(`/people/${personId}/seen-by`)).status, 404)

    assert.ok((await crew.manager.get(`/people/${personId}`)).document.querySelector(`a[href="/people/${personId}/seen-by"]`))
    assert.equal((await crew.admin.get(`/people/${personId}`)).document.querySelector(`a[href="/people/${personId}/seen-by"]`), null)
  })
})
