import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { familyReading } from '../../../../test/support/family-steps.ts'
import { crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'
import { FAMILY_CONCERNS_PER_HOUR, FAMILY_POSTS_PER_HOUR } from '../concerns-service.ts'

/** Issue 11: "tell someone now" from a person's own pages: the numbers to call first, then that it was received and what happens. */
describe(`a person tells someone now from their own pages (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  const concernsOf = (referralId: string) =>
    t.database.db.selectFrom('concern').selectAll().where('referral_id', '=', referralId).orderBy('raised_at').orderBy('id').execute()

  test('every page of theirs offers it; the form shows 999 and where to find the local number before anything else', async () => {
    const family = await familyReading(t, crew, await referralAt(t, crew, 'advocate_recorded', 'Tellform'))
    const status = await family.get('/your-advocacy')
    assert.equal(status.document.querySelector('[data-tell-someone] a')?.getAttribute('href'), '/your-advocacy/concern')
    const page = await family.get('/your-advocacy/concern')
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'Tell someone now')
    const main = page.document.querySelector('main')
    assert.ok(main?.querySelector('[data-emergency]'), 'the numbers are on the form page')
    assert.equal(main?.querySelector('.govuk-grid-column-two-thirds')?.firstElementChild?.getAttribute('data-emergency'), '', 'before anything else')
    assert.equal(textOf(page.document.querySelector('[data-emergency-999]')), 'If you or a child are in danger now, call 999.')
    assert.equal(textOf(page.document.querySelector('[data-emergency-local]')), "To talk to children's services, call the phone number on your letter.")
  })

  test('she sends it: received, what happens next in plain words, 999 first; it goes to every service manager when no list is set, audited, and nothing personal in the notice', async () => {
    const referralId = await referralAt(t, crew, 'advocate_recorded', 'Tellsent')
    const family = await familyReading(t, crew, referralId)
    await family.get('/your-advocacy/concern')
    const sent = await family.post('/your-advocacy/concern', { about: 'child', words: 'He shouted at my son and I am scared.' })
    assert.equal(sent.status, 303)
    assert.equal(sent.location, '/your-advocacy/concern/sent')
    const page = await family.get('/your-advocacy/concern/sent')
    assert.equal(page.status, 200)
    const column = page.document.querySelector('main .govuk-grid-column-two-thirds')
    assert.equal(column?.firstElementChild?.getAttribute('data-emergency'), '', 'the numbers come before anything else')
    assert.equal(textOf(page.document.querySelector('h1')), 'We have your message')
    assert.deepEqual([...page.document.querySelectorAll('[data-next]')].map(textOf), [
      'Your message has gone to the people who keep families safe.',
      'Someone must read it within 4 working hours.',
      'If they do not, it goes to the next person. It will not be lost.',
      'They will decide what to do. They may get in touch with you.',
    ])
    assert.deepEqual([...page.document.querySelectorAll('[data-your-concerns] [data-concern-state]')].map(textOf), ['We have it. Someone will read it soon.'])

    const [concern] = await concernsOf(referralId)
    assert.equal(concern?.about, 'child')
    assert.equal(concern?.words, 'He shouted at my son and I am scared.')
    assert.equal(concern?.raised_by_kind, 'family')
    assert.equal(concern?.with_every_manager, true, 'no list: every service manager')
    const notices = await t.database.db
      .selectFrom('notification')
      .select(['user_id', 'about', 'link'])
      .where('kind', '=', 'concern_raised')
      .where('link', '=', `/concerns/${concern?.id}`)
      .orderBy('user_id')
      .execute()
    assert.deepEqual(notices.map((row) => row.user_id).sort(), [t.world.staff.manager.id, t.world.staff.otherManager.id].sort())
    assert.ok(
      notices.every((row) => row.about === 'A safeguarding concern needs acknowledging'),
      'no name, no words',
    )
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_id', 'details'])
      .where('action', '=', 'concern.raised')
      .where('record_id', '=', concern?.id ?? '')
      .execute()
    assert.equal(audit.length, 1)
    assert.equal(audit[0]?.actor_id, null)
    assert.ok(!JSON.stringify(audit[0]?.details).includes('scared'), 'the words are not in the audit trail')
  })

  test('in Spanish and Arabic, with the authority’s own children’s services number', async () => {
    const manager = crew.manager
    const settings = await manager.get('/admin/settings/concerns')
    const version = settings.document.querySelector<HTMLInputElement>('input[name="version"]')?.value ?? '0'
    await manager.submit('/admin/settings/concerns', { acknowledgeHours: '4', childrenServicesPhone: '0161 496 0000', version })
    const family = await familyReading(t, crew, await referralAt(t, crew, 'advocate_recorded', 'Tellspanish'))
    const spanish = await family.get('/your-advocacy/concern?language=es')
    assert.equal(heading(spanish.document), 'Dígalo ahora')
    assert.equal(textOf(spanish.document.querySelector('[data-emergency-999]')), 'Si usted o un niño están en peligro ahora, llame al 999.')
    assert.equal(textOf(spanish.document.querySelector('[data-emergency-local]')), 'Para hablar con los servicios para niños, llame al 0161 496 0000.')
    await family.post('/your-advocacy/concern', { about: 'me', words: 'Tengo miedo' })
    const sent = await family.get('/your-advocacy/concern/sent')
    assert.equal(textOf(sent.document.querySelector('h1')), 'Tenemos su mensaje')
    const arabic = await family.get('/your-advocacy/concern/sent?language=ar')
    assert.equal(arabic.document.querySelector('body')?.getAttribute('dir'), 'rtl')
    assert.match(textOf(arabic.document.querySelector('[data-emergency-999]')), /999/)
    const stored = await t.database.db.selectFrom('concern').select('language').where('words', '=', 'Tengo miedo').executeTakeFirstOrThrow()
    assert.equal(stored.language, 'es', 'staff see which language it was written in')
  })

  test('each error shows in the summary, in their words, and nothing is sent; a post without its token is refused', async () => {
    const referralId = await referralAt(t, crew, 'advocate_recorded', 'Tellerrors')
    const family = await familyReading(t, crew, referralId)
    await family.get('/your-advocacy/concern')
    const missing = await family.post('/your-advocacy/concern', { words: 'Something' })
    assert.equal(missing.status, 400)
    assert.deepEqual(errorSummary(missing.document), ['Choose who you are worried about'])
    assert.ok(missing.document.querySelector('[data-emergency]'), 'the numbers are still shown')
    assert.equal(missing.document.querySelector<HTMLTextAreaElement>('textarea[name="words"]')?.value, 'Something', 'what she wrote is kept')
    const long = await family.post('/your-advocacy/concern', { about: 'me', words: 'x'.repeat(2001) })
    assert.deepEqual(errorSummary(long.document), ['Write 2,000 letters or fewer'])
    const hostile = await family.post('/your-advocacy/concern', { about: ['me', 'child'], words: '<script>alert(1)</script>\u0000' })
    assert.equal(hostile.status, 400)
    assert.ok(!hostile.html.includes('<script>alert(1)</script>'), 'nothing shown unescaped')
    assert.equal((await family.post('/your-advocacy/concern', { about: 'me' }, { withToken: false })).status, 403)
    assert.deepEqual(await concernsOf(referralId), [])
  })

  test('a flood from one way in: a few concerns, then words added to the newest, then the numbers only; nobody else is slowed', async () => {
    const referralId = await referralAt(t, crew, 'advocate_recorded', 'Tellflood')
    const family = await familyReading(t, crew, referralId)
    await family.get('/your-advocacy/concern')
    for (let sent = 0; sent < FAMILY_CONCERNS_PER_HOUR; sent++)
      assert.equal((await family.post('/your-advocacy/concern', { about: 'me', words: `Message ${sent}` })).status, 303)
    const added = await family.post('/your-advocacy/concern', { about: 'me', words: 'One more' })
    assert.equal(added.status, 200)
    assert.ok(added.document.querySelector('[data-note="added"]'))
    for (let sent = FAMILY_CONCERNS_PER_HOUR + 1; sent < FAMILY_POSTS_PER_HOUR; sent++)
      await family.post('/your-advocacy/concern', { about: 'me', words: `More ${sent}` })
    const refused = await family.post('/your-advocacy/concern', { about: 'me', words: 'Too many' })
    assert.equal(refused.status, 429)
    assert.ok(refused.document.querySelector('[data-note="too-many"]'))
    assert.equal(
      refused.document.querySelector('main .govuk-grid-column-two-thirds')?.firstElementChild?.getAttribute('data-emergency'),
      '',
      'the numbers first',
    )
    const concerns = await concernsOf(referralId)
    assert.equal(concerns.length, FAMILY_CONCERNS_PER_HOUR)
    const more = await t.database.db
      .selectFrom('concern_step')
      .select('note')
      .where('step', '=', 'more_words')
      .where(
        'concern_id',
        'in',
        concerns.map((concern) => concern.id),
      )
      .orderBy('id')
      .execute()
    assert.equal(more.length, FAMILY_POSTS_PER_HOUR - FAMILY_CONCERNS_PER_HOUR)
    assert.ok(
      more.some((step) => step.note === 'One more'),
      'nothing she wrote is lost',
    )

    const someoneElse = await familyReading(t, crew, await referralAt(t, crew, 'advocate_recorded', 'Tellother'))
    await someoneElse.get('/your-advocacy/concern')
    assert.equal((await someoneElse.post('/your-advocacy/concern', { about: 'me' })).location, '/your-advocacy/concern/sent', 'another family is not slowed')

    // An hour on (her session kept alive meanwhile, as her reading would), she is heard again.
    for (let quarter = 0; quarter < 4; quarter++) {
      t.clock.advanceMinutes(16)
      assert.equal((await family.get('/your-advocacy/concern')).status, 200)
    }
    const later = await family.post('/your-advocacy/concern', { about: 'child' })
    assert.equal(later.location, '/your-advocacy/concern/sent', 'an hour later she is heard again')
    crew = await crewOf(t) // staff signed in again: an hour on, their sessions have timed out
  })

  test('she sees only her own concerns, never one her advocate raised or another family’s; staff sessions open none of it', async () => {
    const referralId = await referralAt(t, crew, 'advocate_recorded', 'Tellown')
    const family = await familyReading(t, crew, referralId)
    await family.get('/your-advocacy/concern')
    await family.post('/your-advocacy/concern', { about: 'me' })
    const otherReferral = await referralAt(t, crew, 'advocate_recorded', 'Tellnotmine')
    const other = await familyReading(t, crew, otherReferral)
    await other.get('/your-advocacy/concern')
    await other.post('/your-advocacy/concern', { about: 'both' })
    // Her advocate's concern about her is not hers to see.
    const person = await t.database.db.selectFrom('referral').select('person_id').where('id', '=', referralId).executeTakeFirstOrThrow()
    await t.database.db
      .insertInto('concern')
      .values({
        authority_id: t.world.authorityId,
        referral_id: referralId,
        person_id: person.person_id,
        raised_by_kind: 'advocate',
        raised_by: t.world.staff.advocate.id,
        about: 'child',
        words: 'ADVOCATE-ONLY words',
        raised_at: t.clock.now(),
        with_every_manager: true,
      })
      .execute()
    const page = await family.get('/your-advocacy/concern')
    assert.equal(page.document.querySelectorAll('[data-your-concerns] li').length, 1)
    assert.ok(!page.html.includes('ADVOCATE-ONLY'))
    assert.equal((await crew.manager.get('/your-advocacy/concern')).status, 303, 'a staff session is sent to the family sign-in')
    assert.equal((await crew.manager.get('/your-advocacy/concern')).location, '/your-advocacy/sign-in')
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'family.page-viewed')
      .where('record_id', '=', referralId)
      .execute()
    assert.ok(
      audit.some((row) => (row.details as { page?: string }).page === 'concern'),
      'her view is audited',
    )
  })
})
