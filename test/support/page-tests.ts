import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { TestApp } from './app.ts'
import { Browser, errorSummary, heading, textOf, type FormValue, type Page } from './browser.ts'
import { engine } from './database.ts'
import { openFixture, type Fixture } from './fixture.ts'
import { referralAt, signedInAs, snapshot, stateOf, type Stage } from './workflow-steps.ts'

/**
 * The route tests every page of a referral has beside it (`<page>.int.test.ts`): it opens for the
 * person who uses it; a good answer does its work; each of its errors is shown in the GOV.UK error
 * summary and saves nothing; a post without its form token is refused and changes nothing; and, for
 * a form that changes the referral, a second window posting after the first changes nothing more
 * (never a 500). A page's own cases (its concurrent edits in detail, its rules) sit in its file too.
 */

export type Body = Record<string, FormValue>
export interface Context {
  readonly fixture: Fixture
  readonly id: string
}

export interface PageSpec {
  /** The page's folder and URL segment: `/referrals/:id/<page>`. */
  readonly page: string
  readonly heading: string
  readonly who: 'referrer' | 'admin' | 'manager'
  /** Where the referral is when the page is used. */
  readonly stage: Stage
  /** A good answer. */
  readonly valid: (context: Context) => Promise<Body> | Body
  /** Where a good answer leads, and where it leaves the referral. */
  readonly then: { readonly location: (id: string) => string; readonly state: string }
  /** Answers the page refuses, and the messages its error summary shows for them. */
  readonly errors: readonly {
    readonly label: string
    readonly body: (context: Context) => Promise<Body> | Body
    readonly messages: readonly string[]
    /** The form keeps what was answered as a draft even so (Section 1): only the referral's place is unchanged. */
    readonly keptAsDraft?: boolean
  }[]
  /** Whether a second window may post after the first (a form that changes what others share). */
  readonly secondWindow?: boolean
}

export function pageTests(spec: PageSpec, more?: (get: () => Fixture) => void): void {
  describe(`/referrals/:id/${spec.page} (${engine})`, () => {
    let fixture: Fixture
    before(async () => {
      fixture = await openFixture()
    })
    after(async () => fixture.close())

    const path = (id: string) => `/referrals/${id}/${spec.page}`
    const fresh = () => referralAt(fixture.t, fixture.crew, spec.stage, `Page${spec.page.replace(/[^a-z]/g, '')}`, { advocateId: fixture.avrilId })

    test(`opens for the ${spec.who}, headed "${spec.heading}"`, async () => {
      const id = await fresh()
      const page = await fixture.crew[spec.who].get(path(id))
      assert.equal(page.status, 200)
      assert.equal(heading(page.document).replace(/\s+/g, ' '), spec.heading)
    })

    test('a good answer does its work', async () => {
      const id = await fresh()
      const browser = fixture.crew[spec.who]
      await browser.get(path(id))
      const page = await browser.post(path(id), await spec.valid({ fixture, id }))
      if (page.location !== spec.then.location(id)) assert.fail(`${page.status} ${page.location ?? ''}: ${JSON.stringify(await shownErrors(browser, page))}`)
      assert.equal(await stateOf(fixture.t.database.db, id), spec.then.state)
    })

    for (const error of spec.errors) {
      test(`${error.label}: the error summary says so, and ${error.keptAsDraft ? 'the referral stays where it was' : 'nothing is saved'}`, async () => {
        const id = await fresh()
        const browser = fixture.crew[spec.who]
        await browser.get(path(id))
        const before = await snapshot(fixture.t.database.db, id)
        const page = await browser.post(path(id), await error.body({ fixture, id }))
        assert.equal(page.location, path(id), 'sent back to the form')
        const shown = await browser.get(path(id))
        assert.deepEqual(errorSummary(shown.document), error.messages)
        if (error.keptAsDraft) assert.equal(await stateOf(fixture.t.database.db, id), (before as { referral: { state: string } }).referral.state)
        else assert.deepEqual(await snapshot(fixture.t.database.db, id), before)
      })
    }

    test('a post without its form token, or with a forged one, is refused and changes nothing', async () => {
      const id = await fresh()
      const browser = fixture.crew[spec.who]
      await browser.get(path(id))
      const before = await snapshot(fixture.t.database.db, id)
      const body = await spec.valid({ fixture, id })
      for (const page of [await browser.post(path(id), body, { withToken: false }), await browser.post(path(id), body, { token: 'x'.repeat(43) })]) {
        assert.equal(page.status, 403)
        assert.match(textOf(page.document), /Your form could not be sent/)
      }
      assert.deepEqual(await snapshot(fixture.t.database.db, id), before)
    })

    if (spec.secondWindow !== false) {
      test('posted again from a second window opened before the first was sent: nothing more changes, and never a 500', async () => {
        const id = await fresh()
        const first = fixture.crew[spec.who]
        const person =
          spec.who === 'referrer' ? fixture.t.world.staff.referrer : spec.who === 'admin' ? fixture.t.world.staff.admin : fixture.t.world.staff.manager
        const second = await signedInAs(fixture.t, person)
        await first.get(path(id))
        await second.get(path(id))
        const body = await spec.valid({ fixture, id })
        assert.equal((await first.post(path(id), body)).location, spec.then.location(id), 'the first window does the work')
        const done = await snapshot(fixture.t.database.db, id)
        const page = await second.post(path(id), body)
        assert.ok(page.status < 500, `${page.status}`)
        assert.ok(page.status === 303 || [403, 404, 409].includes(page.status), `${page.status}`)
        assert.deepEqual(await snapshot(fixture.t.database.db, id), done, 'the second window changed nothing')
      })
    }

    more?.(() => fixture)
  })
}

async function shownErrors(browser: Browser, page: Page): Promise<string[]> {
  return page.location ? errorSummary((await browser.get(page.location)).document) : errorSummary(page.document)
}

/**
 * Posts a form without its token, with an empty one, a made-up one and one of the right length, and
 * checks each is refused with the service's 403 page and changes nothing (no referral started either).
 */
export async function refusedWithoutToken(t: TestApp, browser: Browser, path: string, body: Body, id: string | null): Promise<void> {
  await browser.get(path === '/sign-out' || path === '/referrals' ? '/' : path)
  const before = id ? await snapshot(t.database.db, id) : null
  const referralsBefore = await t.database.db.selectFrom('referral').select('id').execute()
  for (const token of [undefined, '', 'not-the-token', 'x'.repeat(43)]) {
    const page =
      token === undefined ? await browser.post(path, body, { withToken: false }) : await browser.post(path, { ...body, _csrf: token }, { withToken: false })
    assert.equal(page.status, 403, `${path} without a good token (${token ?? 'none'})`)
    assert.match(textOf(page.html), /Your form could not be sent/)
    if (id) assert.deepEqual(await snapshot(t.database.db, id), before, `${path} changed nothing`)
    assert.equal((await t.database.db.selectFrom('referral').select('id').execute()).length, referralsBefore.length, 'no referral was started')
  }
}
