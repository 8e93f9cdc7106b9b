import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, heading, summaryValue, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { familyReading } from '../../../../test/support/family-steps.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * Their rights and how to complain: one definition, the information page "Your rights" as the
 * service edits it, shown inside their own pages in their language; and the authority's contacts.
 */
describe(`your rights (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('the rights are the information page’s, word for word, with the glossary words explained', async () => {
    const family = await familyReading(t, crew, await referralAt(t, crew, 'awaiting_admin', 'Rights'))
    const own = await family.get('/your-advocacy/rights')
    assert.equal(own.status, 200)
    assert.equal(heading(own.document), 'Your rights, and how to complain')
    const shared = await new Browser(t.app).get('/information/rights?language=en')
    const textOfRights = (document: Document) => [...document.querySelectorAll('main li, main p.govuk-body')].map((element) => textOf(element))
    const rights = textOfRights(shared.document).filter((line) => line.startsWith('You can have an advocate'))
    assert.equal(rights.length, 1)
    assert.ok(
      textOfRights(own.document).some((line) => line.startsWith('You can have an advocate')),
      'the same right, in the same words',
    )
    assert.ok(own.document.querySelector('main details.app-glossary-explanation'), 'a glossary word is explained where it appears')
    assert.match(textOf(own.document), /Ask your advocate or your social worker how to contact the advocacy service\./)
    assert.equal(own.document.querySelector('.govuk-service-navigation__item--active a')?.getAttribute('href'), '/your-advocacy/rights')
  })

  test('what the service publishes is what the family reads, in their own language', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    await coordinator.get('/information/rights/edit/es')
    const published = await coordinator.post('/information/rights/edit/es', {
      title: 'Sus derechos',
      body: 'Puede tener un defensor. Es gratis.\n\n- Puede pedir un intérprete.',
      writtenWithParents: 'yes',
      version: '0',
      action: 'publish',
    })
    assert.equal(published.status, 303)
    const family = await familyReading(t, crew, await referralAt(t, crew, 'awaiting_admin', 'Derechos'))
    const spanish = await family.get('/your-advocacy/rights?language=es')
    assert.equal(heading(spanish.document), 'Sus derechos')
    assert.match(textOf(spanish.document.querySelector('[data-rights]')), /Puede pedir un intérprete ?\./)
    const english = await family.get('/your-advocacy/rights?language=en')
    assert.equal(heading(english.document), 'Your rights, and how to complain', 'English keeps its own version')
  })

  test('how to complain, to the contacts the authority keeps', async () => {
    const family = await familyReading(t, crew, await referralAt(t, crew, 'awaiting_admin', 'Contacts'))
    await t.database.db
      .insertInto('authority_setting')
      .values([
        { authority_id: t.world.authorityId, key: 'contactEmail', value: 'advocacy@council.example', updated_at: new Date() },
        { authority_id: t.world.authorityId, key: 'contactPhone', value: '020 7974 0000', updated_at: new Date() },
      ])
      .execute()
    const after = await family.get('/your-advocacy/rights')
    assert.equal(summaryValue(after.document, 'Email'), 'advocacy@council.example')
    assert.equal(summaryValue(after.document, 'Phone'), '020 7974 0000')
    assert.match(textOf(after.document), /Local Government and Social Care Ombudsman/)
  })

  test('every family page links to the information pages and the words explained, in the page’s language', async () => {
    const family = await familyReading(t, crew, await referralAt(t, crew, 'awaiting_admin', 'Links'))
    for (const path of [
      '/your-advocacy',
      '/your-advocacy/advocate',
      '/your-advocacy/meeting',
      '/your-advocacy/views',
      '/your-advocacy/rights',
      '/your-advocacy/what-the-referral-says',
    ]) {
      const page = await family.get(`${path}?language=ar`)
      const links = [...page.document.querySelectorAll('[data-more-to-read] a')].map((link) => link.getAttribute('href'))
      assert.deepEqual(links, ['/information?language=ar', '/words?language=ar'], path)
    }
  })
})
