import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import type { Browser } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { codeIssued, familySignedIn } from '../../../test/support/family-steps.ts'
import { advocateUser, crewOf, referralAt, type Crew } from '../../../test/support/workflow-steps.ts'

/**
 * A family session is its own kind (ADR 17): it opens that person's pages and nothing else. Every
 * staff route, walked from the app's own list, refuses it; a staff session opens no family page;
 * and nothing of the other parent (their referral, their advocate) ever reaches the person's pages.
 */
describe(`a family session reaches its own pages and nothing else (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  let family: Browser
  let ids: { referralId: string; personId: string; allocationId: string; advocateId: string }
  const secrets = {
    safety: 'SAFETYNOTE-never-for-the-family',
    otherReason: 'OTHERPARENT-reason-never-shown',
    otherAdvocate: 'Ottoline Otheradvocate',
    otherParent: 'Otherparent',
  }

  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    const { advocateId } = await advocateUser(t, 'mine', 'Avery Mine')
    const other = await advocateUser(t, 'theirs', secrets.otherAdvocate)
    const referralId = await referralAt(t, crew, 'advocate_recorded', 'Garcia', { advocateId })
    const otherReferralId = await referralAt(t, crew, 'advocate_recorded', secrets.otherParent, { advocateId: other.advocateId })
    const db = t.database.db
    // The two parents of one child: the other parent's referral is for the same child.
    const child = await db.selectFrom('referral_child').select(['person_id', 'authority_id']).where('referral_id', '=', referralId).executeTakeFirstOrThrow()
    await db.deleteFrom('referral_child').where('referral_id', '=', otherReferralId).execute()
    await db.insertInto('referral_child').values({ referral_id: otherReferralId, person_id: child.person_id, authority_id: child.authority_id }).execute()
    await db
      .updateTable('section_one')
      .set({ safety_notes: secrets.safety, domestic_abuse_between_parents: true })
      .where('referral_id', '=', referralId)
      .execute()
    await db.updateTable('section_one').set({ reason: secrets.otherReason, safety_notes: secrets.safety }).where('referral_id', '=', otherReferralId).execute()
    await db
      .insertInto('person_views')
      .values({ referral_id: otherReferralId, authority_id: child.authority_id, views: 'OTHERPARENT-views-never-shown', updated_at: new Date() })
      .execute()

    const referral = await db.selectFrom('referral').select('person_id').where('id', '=', referralId).executeTakeFirstOrThrow()
    const allocation = await db
      .selectFrom('allocation')
      .select('id')
      .where('referral_id', '=', referralId)
      .where('status', '=', 'accepted')
      .executeTakeFirstOrThrow()
    ids = { referralId, personId: referral.person_id ?? '', allocationId: allocation.id, advocateId }
    family = await familySignedIn(t, (await codeIssued(crew.admin, referralId)).code)
    // The other parent has their own way in too.
    await familySignedIn(t, (await codeIssued(crew.admin, otherReferralId)).code, 'green window')
  })
  after(async () => t.close())

  function withIds(url: string): string {
    return url
      .replace(':referralId', ids.referralId)
      .replace(':personId', ids.personId)
      .replace(':allocationId', ids.allocationId)
      .replace(':advocateId', ids.advocateId)
      .replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000')
      .replace('*', 'x')
  }

  test('every family route is under /your-advocacy, and every route there is a family route', () => {
    const familyRoutes = t.routes.filter((route) => route.config.family)
    assert.ok(familyRoutes.length >= 10, `the family routes are found (${familyRoutes.length})`)
    for (const route of t.routes) {
      const under = route.url === '/your-advocacy' || route.url.startsWith('/your-advocacy/')
      assert.equal(Boolean(route.config.family), under, `${route.method} ${route.url}`)
    }
  })

  test('a family session is refused on every staff route: sent to the staff sign-in, or refused, never shown data', async () => {
    const staffRoutes = t.routes.filter(
      (route) => !route.config.family && !route.url.startsWith('/assets') && route.method !== 'HEAD' && route.method !== 'OPTIONS',
    )
    assert.ok(staffRoutes.length > 60, `the staff routes are found (${staffRoutes.length})`)
    console.log(`# ${engine}: a family session tried on ${staffRoutes.length} staff routes`)
    await family.get('/your-advocacy')
    for (const route of staffRoutes) {
      const url = withIds(route.url)
      const page = route.method === 'GET' ? await family.get(url) : await family.post(url, {})
      const what = `${route.method} ${route.url} answered ${page.status} ${page.location ?? ''}`
      for (const secret of ['Maria', 'Garcia', 'Avery', secrets.safety, 'The parent is experiencing barriers']) {
        assert.ok(!page.html.includes(secret), `${what}: nothing of the record`)
      }
      if (route.config.public || route.url === '/health' || route.url.startsWith('/health')) continue
      const refused = (page.status === 303 && (page.location ?? '').startsWith('/sign-in')) || [401, 403, 404, 405].includes(page.status)
      assert.ok(refused, `${what}: refused`)
    }
  })

  test('a staff session opens no family page, not even the advocate’s own person’s', async () => {
    const familyRoutes = t.routes.filter((route) => route.config.family && !route.config.public && route.method === 'GET')
    for (const staff of [crew.admin, crew.manager, crew.referrer]) {
      for (const route of familyRoutes) {
        const page = await staff.get(route.url)
        assert.equal(page.status, 303, `${route.url} for staff`)
        assert.match(page.location ?? '', /^\/your-advocacy\/sign-in/)
      }
    }
  })

  test('nothing of the other parent, nor the safety notes, reaches the person’s pages', async () => {
    const pages = [
      '/your-advocacy',
      '/your-advocacy/advocate',
      '/your-advocacy/meeting',
      '/your-advocacy/views',
      '/your-advocacy/rights',
      '/your-advocacy/what-the-referral-says',
    ]
    let everything = ''
    for (const url of pages) {
      const page = await family.get(url)
      assert.equal(page.status, 200, url)
      everything += page.html
    }
    assert.match(everything, /Avery Mine/, 'their own advocate is there')
    for (const secret of [secrets.safety, secrets.otherReason, secrets.otherAdvocate, 'Ottoline', secrets.otherParent, 'OTHERPARENT-views', 'domestic abuse']) {
      assert.ok(!everything.includes(secret), `the family's pages do not contain "${secret}"`)
    }
    const calendar = await family.get('/your-advocacy/meeting.ics')
    assert.match(String(calendar.response.headers['content-type']), /text\/calendar/)
    assert.ok(!calendar.html.includes('Garcia') && !calendar.html.includes('Maria'), 'the calendar names no one')
  })
})
