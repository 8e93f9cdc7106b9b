import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { engine } from './database.ts'
import { openFixture, type Fixture } from './fixture.ts'
import { hostilePosts, noProblems } from './hostile.ts'
import { routesOf, type Area } from './routes.ts'

/**
 * The hostile-input matrix for one area: every POST route of the area in `test/support/routes.ts`,
 * posted every hostile shape in every field of its form, as the person who may use it. Each area's
 * file in `test/matrices/` calls this once.
 */
export function hostileInputMatrix(area: Area, title: string): void {
  describe(`hostile input on every form: ${title} (${engine})`, () => {
    let fixture: Fixture
    before(async () => {
      fixture = await openFixture()
    })
    after(async () => fixture.close())

    const forms = routesOf(area, 'POST')
    test('the area has forms to try', () => {
      assert.ok(forms.length > 0, `${area} has POST routes in test/support/routes.ts`)
    })

    for (const route of forms) {
      test(`${route.route}, as the ${route.who}: never a 500, a refusal with the service's page, nothing shown unescaped, no post without its token`, async () => {
        const { problems, posted, fields } = await hostilePosts(fixture, route)
        assert.ok(posted >= 5, `${posted} posts`)
        // A form that is a button (on another page), an upload, or a link's page for a token no link has, has no fields to read.
        const fieldless = route.formOn !== undefined || route.multipart === true || (route.open === 'token' && !route.route.startsWith('/set-password/'))
        assert.ok(fieldless || fields > 0, `the form's fields were found (${fields})`)
        assert.equal(problems.length, 0, noProblems(problems))
      })
    }
  })
}
