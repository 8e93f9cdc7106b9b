import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, heading, summaryValue, tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { referralSent, signedIn, versionOn } from '../../../../test/support/referral-steps.ts'
import { signedInAs } from '../../../../test/support/workflow-steps.ts'

/** The advocacy service reads an enquiry from the public pages, and closes it with what it did. */
describe(`an enquiry, as the advocacy service answers it (${engine})`, () => {
  let t: TestApp
  let count = 0
  before(async () => {
    t = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1' })
  })
  after(async () => t.close())

  /** A member of the public asks; returns the enquiry's id. */
  async function enquiryFrom(name: string, authorityId = t.world.authorityId): Promise<string> {
    count += 1
    const browser = new Browser(t.app, { forwardedFor: `192.0.2.${count}` })
    await browser.get('/advocacy/ask')
    const sent = await browser.post('/advocacy/ask', {
      authorityId,
      asker: 'myself',
      name,
      contactWay: 'email',
      email: 'parent@example.org',
      safeToLeaveMessage: 'yes',
    })
    assert.equal(sent.location, '/advocacy/ask/sent', JSON.stringify(errorSummary(sent.html)))
    const row = await t.database.db.selectFrom('advocacy_enquiry').select('id').where('name', '=', name).executeTakeFirstOrThrow()
    return row.id
  }

  test('only the advocacy admins and service managers of its own council read enquiries', async () => {
    const id = await enquiryFrom('Private Parent')
    for (const who of ['referrer', 'advocate', 'coordinator', 'analyst', 'sysadmin'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/enquiries')).status, 403, `${who}: the list`)
      assert.equal((await browser.get(`/enquiries/${id}`)).status, 403, `${who}: the enquiry`)
      assert.equal((await browser.post(`/enquiries/${id}`, { outcome: 'answered', note: 'x', version: '1' })).status, 403, `${who}: closing it`)
      assert.ok(!(await browser.get('/')).html.includes('Private Parent'), `${who}: not in their worktray`)
    }
    const manager = await signedIn(t, 'manager')
    assert.equal((await manager.get(`/enquiries/${id}`)).status, 200)
    assert.match(textOf((await manager.get('/')).document.querySelector('.app-enquiries-waiting')), /from the public (is|are) waiting/)
    const elsewhere = await signedInAs(t, t.world.elsewhere.admin)
    assert.equal((await elsewhere.get(`/enquiries/${id}`)).status, 404, 'another council’s admin finds nothing')
    assert.ok(!(await elsewhere.get('/enquiries')).html.includes('Private Parent'))
    assert.ok(!(await elsewhere.get('/team-work')).html.includes('Private Parent'))
    const nobody = new Browser(t.app)
    assert.equal((await nobody.get(`/enquiries/${id}`)).location?.startsWith('/sign-in'), true)
    const admin = await signedIn(t, 'admin')
    assert.equal((await admin.get('/enquiries/not-an-id')).status, 404)
  })

  test('the list shows what waits, overdue first, and what it showed is audited', async () => {
    const id = await enquiryFrom('Listed Parent')
    const admin = await signedIn(t, 'admin')
    const page = await admin.get('/enquiries')
    assert.equal(heading(page.document), 'Enquiries from the public')
    assert.ok(tableRows(page.document, 'Waiting for an answer').some((cells) => cells[0] === 'Listed Parent'))
    const listed = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'enquiry.listed')
      .where('actor_id', '=', t.world.staff.admin.id)
      .execute()
    assert.ok(listed.some((event) => JSON.stringify(event.details).includes(id)))
  })

  test('answered and closed with a note, which is needed; then it says how and by whom', async () => {
    const id = await enquiryFrom('Answered Parent')
    const admin = await signedIn(t, 'admin')
    const page = await admin.get(`/enquiries/${id}`)
    const version = versionOn(page.html)
    const noNote = await admin.submit(`/enquiries/${id}`, { outcome: 'answered', note: '', version })
    assert.deepEqual(errorSummary(noNote.document), ['Enter a note: who you asked to refer, or what you told the person'])
    const nothing = await admin.submit(`/enquiries/${id}`, { version })
    assert.deepEqual(errorSummary(nothing.document), ['Select what you did'])
    const closed = await admin.post(`/enquiries/${id}`, { outcome: 'answered', note: 'Explained Family Group Conferences; she will call back.', version })
    assert.equal(closed.location, '/enquiries')
    const after = await admin.get(`/enquiries/${id}`)
    assert.equal(summaryValue(after.document, 'Outcome'), 'Answered and closed')
    assert.match(summaryValue(after.document, 'Closed by') ?? '', /^Ada Admin, /)
    assert.equal(after.document.querySelector('form[action^="/enquiries/"]'), null, 'nothing left to close')
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('record_id', '=', id)
      .where('action', '=', 'enquiry.closed')
      .execute()
    assert.deepEqual(
      audit.map((event) => event.details),
      [{ outcome: 'answered' }],
    )
    assert.ok(!(await admin.get('/team-work')).html.includes('Answered Parent'), 'gone from the worktray')
  })

  test('linked to the referral the social worker made, by its reference, within the council', async () => {
    const id = await enquiryFrom('Linked Parent')
    const referrer = await signedIn(t, 'referrer')
    const referralId = await referralSent(referrer, { familyName: 'Linked' })
    const { reference } = await t.database.db.selectFrom('referral').select('reference').where('id', '=', referralId).executeTakeFirstOrThrow()
    const admin = await signedIn(t, 'admin')
    const version = versionOn((await admin.get(`/enquiries/${id}`)).html)
    const none = await admin.submit(`/enquiries/${id}`, { outcome: 'linked_to_referral', version })
    assert.deepEqual(errorSummary(none.document), ['Enter the reference of the referral, like ADV-00012'])
    for (const wrong of ['ADV-99999', "ADV-1' or 1=1 --", 'x'.repeat(31)]) {
      const refused = await admin.submit(`/enquiries/${id}`, { outcome: 'linked_to_referral', referralReference: wrong, version })
      assert.equal(errorSummary(refused.document).length, 1, wrong)
    }
    const closed = await admin.post(`/enquiries/${id}`, { outcome: 'linked_to_referral', referralReference: reference.toLowerCase(), version })
    assert.equal(closed.location, '/enquiries')
    const after = await admin.get(`/enquiries/${id}`)
    assert.equal(summaryValue(after.document, 'Referral'), reference)
    assert.equal(after.document.querySelector(`a[href="/referrals/${referralId}"]`)?.textContent, reference)
  })

  test('two admins closing it at once: the second is told who did, and nothing of theirs is saved', async () => {
    const id = await enquiryFrom('Raced Parent')
    const admin = await signedIn(t, 'admin')
    const manager = await signedIn(t, 'manager')
    const version = versionOn((await admin.get(`/enquiries/${id}`)).html)
    assert.equal(versionOn((await manager.get(`/enquiries/${id}`)).html), version)
    const [first, second] = await Promise.all([
      admin.post(`/enquiries/${id}`, { outcome: 'referral_requested', note: 'Asked Sam in the North team to refer.', version }),
      manager.post(`/enquiries/${id}`, { outcome: 'answered', note: 'Told her about the drop-in.', version }),
    ])
    const outcomes = [first.location, second.location]
    assert.equal(outcomes.filter((location) => location === '/enquiries').length, 1, 'exactly one closes it')
    const loser = first.location === '/enquiries' ? manager : admin
    const winnerName = first.location === '/enquiries' ? 'Ada Admin' : 'Manny Manager'
    const told = await loser.get(`/enquiries/${id}`)
    assert.deepEqual(errorSummary(told.document), [`${winnerName} closed this enquiry after you opened it. What you entered was not saved.`])
    const row = await t.database.db.selectFrom('advocacy_enquiry').select(['outcome', 'version']).where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(row.outcome, first.location === '/enquiries' ? 'referral_requested' : 'answered')
    assert.equal(row.version, Number(version) + 1)
    const stale = await loser.post(`/enquiries/${id}`, { outcome: 'answered', note: 'Again', version })
    assert.equal(stale.status, 303)
    const closings = await t.database.db.selectFrom('audit_event').select('id').where('record_id', '=', id).where('action', '=', 'enquiry.closed').execute()
    assert.equal(closings.length, 1)
  })

  test('a close without its token is refused', async () => {
    const id = await enquiryFrom('Token Parent')
    const admin = await signedIn(t, 'admin')
    const version = versionOn((await admin.get(`/enquiries/${id}`)).html)
    assert.equal((await admin.post(`/enquiries/${id}`, { outcome: 'answered', note: 'x', version }, { withToken: false })).status, 403)
    const row = await t.database.db.selectFrom('advocacy_enquiry').select('state').where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(row.state, 'open')
  })
})
