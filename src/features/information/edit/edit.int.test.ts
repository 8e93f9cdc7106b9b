import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { auditEventsOf } from '../../../platform/audit/audit-repository.ts'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, fieldError, heading, summaryValue, tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'
import { addStaff, signedInAs } from '../../../../test/support/workflow-steps.ts'

const plainPage = {
  title: 'What an advocate does',
  body: '## Who we are\n\nWe are on your side. We help you speak up.\n\n- We listen\n- We explain the core group',
  writtenWithParents: 'yes',
}

describe(`editing the information pages (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('a coordinator sees every page in every language, shipped with Alongside, with its reading age', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const list = await coordinator.get('/information/edit')
    assert.equal(list.status, 200)
    const rows = tableRows(list.document, 'Every page in every language')
    assert.equal(rows.length, 12)
    assert.deepEqual(rows[0]?.slice(0, 3), ['What an advocate does', 'English', 'First version, shipped with Alongside'])
    const englishAges = rows.filter((row) => row[1] === 'English').map((row) => Number(row[5]))
    assert.ok(
      englishAges.every((age) => age >= 5 && age <= 11),
      `each shipped English page reads at 11 or under: ${englishAges.join(', ')}`,
    )
    assert.deepEqual(
      rows.filter((row) => row[1] !== 'English').map((row) => row[5]),
      Array.from({ length: 8 }, () => 'English only'),
    )
    assert.equal((await coordinator.get('/information/rights/edit')).location, '/information/rights/edit/en')
  })

  test('an admin previews with the plain-language check, then publishes a new version families see', async () => {
    const admin = await signedIn(t, 'admin')
    const editor = await admin.get('/information/advocates/edit/en')
    assert.equal(heading(editor.document), 'What an advocate does')
    assert.equal(versionOn(editor.html), '0', 'opened on the shipped version')
    assert.match(editor.document.querySelector<HTMLTextAreaElement>('textarea[name="body"]')?.textContent ?? '', /^An advocate is someone who is on your side/)

    const hard =
      'The local authority will facilitate a multi-agency strategy discussion prior to the initial child protection conference in order to ensure that all relevant professionals are able to participate meaningfully in the decision-making process.'
    const preview = await admin.submit('/information/advocates/edit/en', {
      ...plainPage,
      body: `## Who we are\n\n${hard}\n\n- We listen\n- We explain the core group`,
      version: '0',
      action: 'preview',
    })
    assert.equal(textOf(preview.document.querySelector('.app-preview .govuk-heading-xl')), 'What an advocate does')
    assert.equal(textOf(preview.document.querySelector('.app-preview h2')), 'Who we are')
    assert.equal(preview.document.querySelectorAll('.app-preview ul > li').length, 2)
    assert.ok(preview.document.querySelector('.app-preview details'), 'the preview explains glossary words as families will see them')
    assert.match(summaryValue(preview.document, 'Long sentences') ?? '', /^1$/)
    assert.match(textOf(preview.document.querySelector('main')), /Try “the council” instead of “local authority”/)
    assert.match(textOf(preview.document.querySelector('.govuk-warning-text')), /reads above a reading age of 11/)
    assert.equal(
      preview.document.querySelector<HTMLTextAreaElement>('textarea[name="body"]')?.textContent?.includes('decision-making process.'),
      true,
      'the text is kept',
    )
    assert.equal((await t.services.information.readPage(t.world.authorityId, 'advocates', 'en')).version, 0, 'a preview publishes nothing')

    const published = await admin.post('/information/advocates/edit/en', { ...plainPage, version: '0', action: 'publish' })
    assert.equal(published.location, '/information/edit')
    const list = await admin.get('/information/edit')
    assert.match(
      textOf(list.document.querySelector('.govuk-notification-banner')),
      /What an advocate does \(English\) published This is version 1\. Families see it now\./,
    )
    assert.deepEqual(tableRows(list.document)[0]?.slice(2, 5), ['Version 1', '24 November 2026 by Ada Admin', 'Yes'])

    // With two authorities in the database, a reader not signed in sees the shipped pages: this one is of the authority.
    const reader = await (await signedIn(t, 'referrer')).get('/information/advocates')
    assert.equal(heading(reader.document), 'What an advocate does')
    assert.match(textOf(reader.document.querySelector('main')), /Last checked on 24 November 2026 Written with parents Who we are We are on your side/)

    const events = await auditEventsOf(t.database.db, t.world.authorityId, 'information_page', (await latestId(t)) ?? '')
    assert.deepEqual(
      events.map((event) => [event.action, event.details]),
      [['information.published', { page: 'advocates', language: 'en', version: 1, writtenWithParents: true }]],
    )
    const again = await admin.get('/information/advocates/edit/en')
    assert.equal(versionOn(again.html), '1')
    assert.deepEqual(tableRows(again.document, 'Versions published in English')[0], ['1', '24 November 2026 at 10am', 'Ada Admin', 'Yes'])
    const spanish = await (await signedIn(t, 'referrer')).get('/information/advocates?language=es')
    assert.equal(heading(spanish.document), 'Qué hace un defensor', 'the Spanish page stays as it was')
  })

  test('each problem with the form is said, and nothing is published', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    await coordinator.get('/information/plan/edit/es')
    const empty = await coordinator.submit('/information/plan/edit/es', { title: ' ', body: '\n## \n- \n', version: '0', action: 'publish' })
    assert.deepEqual(errorSummary(empty.document), ['Enter a title', 'Enter the page’s text'])
    assert.equal(fieldError(empty.document, 'title'), 'Enter a title')
    const long = await coordinator.submit('/information/plan/edit/es', { title: 'x'.repeat(121), body: 'y '.repeat(5001), version: '0', action: 'publish' })
    assert.deepEqual(errorSummary(long.document), ['Title must be 120 characters or fewer', 'Text must be 10,000 characters or fewer'])
    assert.equal((await t.services.information.readPage(t.world.authorityId, 'plan', 'es')).version, 0)
    assert.equal((await coordinator.post('/information/plan/edit/es', { ...plainPage, version: '0', action: 'publish' }, { withToken: false })).status, 403)
    assert.equal((await t.services.information.readPage(t.world.authorityId, 'plan', 'es')).version, 0, 'no form token, nothing published')
    assert.equal((await coordinator.get('/information/plan/edit/xx')).status, 404)
    assert.equal((await coordinator.get('/information/nothing/edit/en')).status, 404)
  })

  test('what an editor types is shown to families as words, never as HTML', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    await coordinator.get('/information/rights/edit/ar')
    const hostile = {
      title: '<script>alert(1)</script>',
      body: '## <img src=x onerror=alert(1)>\n\n<script>alert(2)</script> "quoted" & more\n\n- <a href="javascript:alert(3)">link</a>',
      writtenWithParents: '',
      version: '0',
      action: 'publish',
    }
    assert.equal((await coordinator.post('/information/rights/edit/ar', hostile)).status, 303)
    const page = await (await signedIn(t, 'referrer')).get('/information/rights?language=ar')
    assert.equal(page.document.querySelectorAll('main script, main img, main a[href^="javascript"]').length, 0)
    assert.equal(heading(page.document), '<script>alert(1)</script>')
    assert.equal(textOf(page.document.querySelector('main h2')), '<img src=x onerror=alert(1)>')
    assert.match(page.html, /&lt;script&gt;alert\(2\)&lt;\/script&gt; &quot;quoted&quot; &amp; more/)
  })

  test('of two editors who opened one version, the second to publish is told who went first, their words kept', async () => {
    const first = await signedIn(t, 'coordinator')
    const second = await signedInAs(t, await addStaff(t, 'secondAdmin', 'Sasha Secondadmin', ['advocacy_admin']))
    const version = versionOn((await first.get('/information/conference/edit/en')).html)
    assert.equal(versionOn((await second.get('/information/conference/edit/en')).html), version)
    assert.equal((await first.post('/information/conference/edit/en', { ...plainPage, title: 'First title', version, action: 'publish' })).status, 303)
    const refused = await second.submit('/information/conference/edit/en', { ...plainPage, title: 'Second title', version, action: 'publish' })
    assert.match(errorSummary(refused.document)[0] ?? '', /^Cora Coordinator saved a change at .*, after you opened this page\./)
    assert.equal(refused.document.querySelector<HTMLInputElement>('input[name="title"]')?.value, 'Second title', 'their words are kept')
    assert.equal((await t.services.information.readPage(t.world.authorityId, 'conference', 'en')).title, 'First title')
    const newer = versionOn(refused.html)
    assert.equal(newer, String(Number(version) + 1), 'the form now carries the newer version')
    assert.equal((await second.post('/information/conference/edit/en', { ...plainPage, title: 'Second title', version: newer, action: 'publish' })).status, 303)
    assert.equal((await t.services.information.readPage(t.world.authorityId, 'conference', 'en')).title, 'Second title')

    const forged = await second.submit('/information/conference/edit/en', { ...plainPage, title: 'Forged', version: '99', action: 'publish' })
    assert.match(errorSummary(forged.document)[0] ?? '', /after you opened this page/, 'a version that never was publishes nothing')
  })

  test('two publishes from one version at once: one is published, the other is told', async () => {
    const one = await signedIn(t, 'coordinator')
    const other = await signedIn(t, 'admin')
    const versions = await Promise.all([one.get('/information/plan/edit/en'), other.get('/information/plan/edit/en')]).then((pages) =>
      pages.map((page) => versionOn(page.html)),
    )
    await Promise.all([
      one.post('/information/plan/edit/en', { ...plainPage, title: 'One', version: versions[0], action: 'publish' }),
      other.post('/information/plan/edit/en', { ...plainPage, title: 'Other', version: versions[1], action: 'publish' }),
    ])
    const pages = await Promise.all([one.get('/information/plan/edit/en'), other.get('/information/plan/edit/en')])
    assert.equal(pages.filter((page) => /after you opened this page/.test(errorSummary(page.document)[0] ?? '')).length, 1, 'exactly one is told')
    assert.equal((await t.services.information.readPage(t.world.authorityId, 'plan', 'en')).version, Number(versions[0]) + 1)
  })

  test('a referrer, an advocate or a service manager cannot edit; someone not signed in is asked to sign in', async () => {
    for (const who of ['referrer', 'advocate', 'manager', 'analyst'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/information/edit')).status, 403, who)
      assert.equal((await browser.get('/information/advocates/edit/en')).status, 403, who)
      assert.equal((await browser.post('/information/advocates/edit/en', { ...plainPage, version: '1', action: 'publish' })).status, 403, who)
    }
    const anyone = new Browser(t.app)
    assert.match((await anyone.get('/information/advocates/edit/en')).location ?? '', /^\/sign-in\?returnTo=/)
    assert.ok([303, 403].includes((await anyone.post('/information/advocates/edit/en', { ...plainPage, version: '1', action: 'publish' })).status))
    assert.equal((await t.services.information.readPage(t.world.authorityId, 'advocates', 'en')).title, plainPage.title)
  })

  test('each authority has its own pages', async () => {
    const elsewhere = await signedInAs(t, t.world.elsewhere.admin)
    const list = await elsewhere.get('/information/edit')
    assert.equal(tableRows(list.document)[0]?.[2], 'First version, shipped with Alongside', 'another authority’s publish is not theirs')
    const shown = await t.services.information.readPage(t.world.elsewhere.authorityId, 'advocates', 'en')
    assert.equal(shown.version, 0)
  })
})

async function latestId(t: TestApp): Promise<string | undefined> {
  const row = await t.database.db
    .selectFrom('information_page_version')
    .select('id')
    .where('authority_id', '=', t.world.authorityId)
    .where('page', '=', 'advocates')
    .where('language', '=', 'en')
    .orderBy('version', 'desc')
    .executeTakeFirst()
  return row?.id
}
