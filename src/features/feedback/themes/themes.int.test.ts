import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, fieldValue, heading, tableRows } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { crewOf, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/** The themes the service keeps: a starting list, added, renamed, retired; versioned; one authority's own. */
describe(`the themes the service keeps (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  const idOf = async (name: string) =>
    (
      await t.database.db
        .selectFrom('feedback_theme')
        .select('id')
        .where('authority_id', '=', t.world.authorityId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('the first time, the service starts with a list, once', async () => {
    const page = await crew.admin.get('/feedback/themes')
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'Themes for the participation group')
    const names = tableRows(page.document, 'The service’s themes').map((row) => row[0])
    assert.ok(names.includes('Reports late') && names.includes('Felt listened to') && names.includes('Jargon') && names.includes('Chair met me first'))
    await crew.manager.get('/feedback/themes')
    assert.equal(tableRows((await crew.admin.get('/feedback/themes')).document, 'The service’s themes').length, names.length)
  })

  test('adding one; a name already there (in any case) is refused; an empty name too', async () => {
    await crew.admin.get('/feedback/themes')
    assert.equal((await crew.admin.post('/feedback/themes', { name: '  Too   many people  ' })).location, '/feedback/themes')
    assert.ok(tableRows((await crew.admin.get('/feedback/themes')).document).some((row) => row[0] === 'Too many people'))
    for (const [name, message] of [
      ['too MANY people', 'There is already a theme with that name'],
      ['', 'Enter the name of the theme'],
      ['x'.repeat(81), 'The name of the theme must be 80 characters or fewer'],
    ]) {
      const posted = await crew.admin.post('/feedback/themes', { name })
      assert.deepEqual(errorSummary((await crew.admin.get(posted.location ?? '')).document), [message])
    }
    assert.equal((await crew.admin.post('/feedback/themes', { name: 'No token' }, { withToken: false })).status, 403)
  })

  test('renaming and retiring; a second window is told someone saved first', async () => {
    const id = await idOf('Jargon')
    const first = await crew.admin.get(`/feedback/themes/${id}`)
    const second = await crew.manager.get(`/feedback/themes/${id}`)
    assert.equal(fieldValue(first.document, 'name'), 'Jargon')
    assert.equal(
      (
        await crew.admin.post(`/feedback/themes/${id}`, {
          name: 'Jargon and long words',
          status: 'in_use',
          version: fieldValue(first.document, 'version') ?? '',
        })
      ).location,
      '/feedback/themes',
    )
    const late = await crew.manager.post(`/feedback/themes/${id}`, {
      name: 'Hard words',
      status: 'retired',
      version: fieldValue(second.document, 'version') ?? '',
    })
    assert.equal(late.location, `/feedback/themes/${id}`)
    const shown = await crew.manager.get(late.location)
    assert.match(errorSummary(shown.document)[0] ?? '', /after you opened this page/)
    assert.equal(fieldValue(shown.document, 'name'), 'Hard words', 'their answer is kept')
    const retired = await crew.manager.post(`/feedback/themes/${id}`, {
      name: 'Jargon and long words',
      status: 'retired',
      version: fieldValue(shown.document, 'version') ?? '',
    })
    assert.equal(retired.location, '/feedback/themes')
    const row = tableRows((await crew.admin.get('/feedback/themes')).document).find((cells) => cells[0] === 'Jargon and long words')
    assert.equal(row?.[2], 'Retired')
    const audit = await t.database.db.selectFrom('audit_event').select('action').where('record_id', '=', id).execute()
    assert.deepEqual(
      audit.map((event) => event.action),
      ['feedback.theme-changed', 'feedback.theme-changed'],
    )
  })

  test('only the advocacy admins and managers keep them; another authority’s theme is not found', async () => {
    const id = await idOf('Reports late')
    for (const key of ['referrer', 'advocate', 'coordinator', 'analyst', 'sysadmin'] as const) {
      assert.equal((await (await signedInAs(t, t.world.staff[key])).get('/feedback/themes')).status, 403, key)
    }
    const elsewhere = await signedInAs(t, t.world.elsewhere.admin)
    assert.equal((await elsewhere.get(`/feedback/themes/${id}`)).status, 404)
    assert.equal((await crew.admin.get('/feedback/themes/nope')).status, 404)
  })
})
