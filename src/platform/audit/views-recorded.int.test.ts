import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import sharp from 'sharp'
import { advocateAdded, idOf } from '../../../test/support/advocate-steps.ts'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import type { Browser } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { allocationOn, worldAdvocate } from '../../../test/support/pool.ts'
import { signedIn } from '../../../test/support/referral-steps.ts'
import { crewOf, emptyDraft, referralAt, signedInAs, type Crew } from '../../../test/support/workflow-steps.ts'

/**
 * "Every view and change of personal data is recorded": the views the trail used to miss. A
 * download of a meeting to a calendar, an advocate's photo, and the people a list showed (a
 * worktray, the advocate's own work) each leave an event, the lists naming what they showed.
 */
describe(`views the audit trail records (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  async function eventsOf(userId: string, action: string) {
    return t.database.db
      .selectFrom('audit_event')
      .select(['record_type', 'record_id', 'details'])
      .where('actor_id', '=', userId)
      .where('action', '=', action)
      .orderBy('id')
      .execute()
  }

  /** The referrals a worktray page links to, in order. */
  function listed(page: { document: Document }): string[] {
    return [...page.document.querySelectorAll('main a[href^="/referrals/"]')]
      .map((link) => /^\/referrals\/([0-9a-f-]{36})(\?.*)?$/.exec(link.getAttribute('href') ?? '')?.[1])
      .filter((id): id is string => id !== undefined)
  }

  test('a worktray records which referrals it showed; an empty one records nothing', async () => {
    const sent = await referralAt(t, crew, 'awaiting_admin', 'Listedinteam')
    const draft = await emptyDraft(crew.referrer)
    const onePage = async (browser: Browser, userId: string, path: string, tray: string) => {
      const before = (await eventsOf(userId, 'worktray.viewed')).length
      const page = await browser.get(path)
      const events = await eventsOf(userId, 'worktray.viewed')
      // One event for the page: its own list and the lists beside it (meetings not ready, feedback...), each by name.
      assert.equal(events.length, before + 1, `${path}: one event for the page and every list on it`)
      const details = events.at(-1)?.details ?? {}
      const lists = details['lists'] as Record<string, string[]>
      assert.equal(details['tray'], tray)
      assert.equal(details['page'], 1)
      assert.deepEqual(lists[tray], listed(page), `${path}: its own list, in order`)
      // `shown` is a set: its order is the order the lists were read in, which they are at once, and
      // PostgreSQL keeps a JSON object's keys in an order of its own.
      const shown = details['shown'] as string[]
      assert.equal(new Set(shown).size, shown.length, `${path}: each referral shown once`)
      assert.deepEqual([...shown].sort(), [...new Set(Object.values(lists).flat())].sort(), `${path}: every referral shown`)
      return page
    }
    const team = await onePage(crew.admin, t.world.staff.admin.id, '/team-work', 'team')
    assert.ok(listed(team).includes(sent))
    const mine = await onePage(crew.referrer, t.world.staff.referrer.id, '/', 'mine')
    assert.ok(listed(mine).includes(draft))

    const nobody = await signedIn(t, 'analyst')
    await nobody.get('/')
    assert.deepEqual(await eventsOf(t.world.staff.analyst.id, 'worktray.viewed'), [], 'nothing shown, nothing to record')
  })

  test('downloading a meeting to a calendar is recorded against the referral', async () => {
    const avrilId = await worldAdvocate(t)
    const id = await referralAt(t, crew, 'advocate_recorded', 'Calendared', { advocateId: avrilId })
    const avril: Browser = await signedInAs(t, t.world.staff.advocate)
    const home = await avril.get('/my-people')
    assert.equal(home.status, 200)
    const homeEvent = (await eventsOf(t.world.staff.advocate.id, 'advocacy.home-viewed')).at(-1)
    assert.ok((homeEvent?.details['shown'] as string[] | undefined)?.includes(id), 'the advocate’s own list records whom it showed')

    const allocation = await allocationOn(t, id)
    const file = await avril.get(`/my-people/allocations/${allocation}/meeting.ics`)
    assert.equal(file.status, 200)
    assert.match(String(file.response.headers['content-type']), /text\/calendar/)
    assert.deepEqual(await eventsOf(t.world.staff.advocate.id, 'referral.meeting-downloaded'), [
      { record_type: 'referral', record_id: id, details: { allocationId: allocation } },
    ])
  })

  test('an advocate’s photo, when served, is recorded against the advocate', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Vera', familyName: 'Viewed' })
    await coordinator.get(`${url}/photo/change`)
    const photo = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer()
    const boundary = '----views-boundary'
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${coordinator.csrfToken ?? ''}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="me.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      photo,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const saved = await t.app.inject({
      method: 'POST',
      url: `${url}/photo/change`,
      payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: coordinator.cookieHeader() },
    })
    assert.equal(saved.statusCode, 303)
    assert.deepEqual(await eventsOf(t.world.staff.manager.id, 'advocate.photo-viewed'), [])
    assert.equal((await crew.manager.get(`${url}/photo`)).status, 200)
    assert.deepEqual(await eventsOf(t.world.staff.manager.id, 'advocate.photo-viewed'), [{ record_type: 'advocate', record_id: idOf(url), details: {} }])
  })
})
