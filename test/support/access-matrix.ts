import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from './browser.ts'
import { engine } from './database.ts'
import { formFields } from './hostile.ts'
import { openFixture, type Fixture } from './fixture.ts'
import { members, namesARecord, routes, type Area, type Member } from './routes.ts'
import { isServicePage } from './workflow-steps.ts'

/**
 * The access matrix for one area: every route of the area in `test/support/routes.ts` that names a
 * record, tried by every member of staff (both authorities, every role). Those it is open to get the
 * page (or their form is taken up); everyone else gets the service's 403 or 404 page, never the page,
 * a redirect into it, or a 500. A refused post is sent with a good token of the poster's own, so only
 * who they are refuses it. (The referral's own matrix, `access-referrals`, goes further: it tries each
 * point of the workflow, and checks nothing changed.)
 */
export function accessMatrix(area: Area, title: string): void {
  describe(`who may open or post to each record: ${title} (${engine})`, () => {
    let fixture: Fixture
    before(async () => {
      fixture = await openFixture()
    })
    after(async () => fixture.close())

    const tried = routes.filter((route) => route.area === area && namesARecord(route.route) && Array.isArray(route.open))
    test('the area has routes that name a record', () => {
      assert.ok(tried.length > 0)
    })

    for (const route of tried) {
      const open = route.open as readonly Member[]
      test(`${route.method} ${route.route}: open to ${open.join(', ')}; refused to everyone else with a 403 or 404 page`, async () => {
        const problems: string[] = []
        // One record for everyone refused (a refusal changes nothing), and one of their own for each person it is open to.
        const shared = await fixture.pathOf(route)
        for (const member of members) {
          const { path, formOn } = open.includes(member) ? await fixture.pathOf(route) : shared
          const browser = await fixture.as(member)
          let page: Page
          if (route.method === 'GET') page = await browser.get(path)
          else {
            // The form as the person it is for would send it, so only who posts it can refuse it.
            const form = formFields((await (await fixture.as(route.who === 'anyone' ? 'referrer' : route.who)).get(formOn)).html, path, formOn) ?? {}
            await browser.get('/')
            page = await browser.post(path, form)
          }
          const what = `${member} ${route.method} ${route.route}: ${page.status} ${page.location ?? ''}`
          if (open.includes(member)) {
            const works = route.method === 'GET' ? page.status === (route.sendsOn ? 303 : 200) : page.status < 500 && ![403, 404].includes(page.status)
            if (!works) problems.push(`${what}, but it is open to them`)
          } else if (![403, 404].includes(page.status) || !isServicePage(page)) problems.push(`${what}, but it is not open to them`)
        }
        assert.deepEqual(problems, [])
      })
    }
  })
}
