import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { checkedValues, errorSummary, fieldValue, heading, textOf, type Browser } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { crewOf, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/** Coding a free-text answer with themes, and whether (and how) its words may be quoted. */
describe(`coding what families wrote (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  let responseId: string
  let silentId: string
  const themeId = async (name: string) =>
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
    const referral = await referralAt(t, crew, 'advocate_recorded', 'Wordsone')
    const silent = await referralAt(t, crew, 'advocate_recorded', 'Wordstwo')
    t.clock.set('2026-12-20T10:00:00Z')
    crew = await crewOf(t)
    await crew.admin.get(`/referrals/${referral}/feedback`)
    await crew.admin.post(`/referrals/${referral}/feedback/answers`, {
      listened: 'no',
      better: 'The reports came late. Jo my social worker used long words.',
      mayQuote: 'yes',
    })
    await crew.admin.get(`/referrals/${silent}/feedback`)
    await crew.admin.post(`/referrals/${silent}/feedback/answers`, { listened: 'yes' })
    const rows = await t.database.db.selectFrom('feedback_response').select(['id', 'referral_id', 'may_quote']).execute()
    responseId = rows.find((row) => row.referral_id === referral)?.id ?? ''
    silentId = rows.find((row) => row.referral_id === silent)?.id ?? ''
    assert.equal(rows.find((row) => row.referral_id === referral)?.may_quote, 'yes', 'the questionnaire keeps their answer about quoting')
  })
  after(async () => t.close())

  test('the page shows their words and the service’s starting themes; their own “yes” starts the quote', async () => {
    const page = await crew.admin.get(`/feedback/words/${responseId}`)
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'Code what they wrote')
    assert.match(textOf(page.document.querySelector('[data-words]')), /Jo my social worker/)
    const themes = [...page.document.querySelectorAll('input[name="themes"]')].map((input) => input.parentElement?.textContent?.trim())
    assert.ok(themes.includes('Reports late') && themes.includes('Jargon') && themes.includes('Chair met me first'), themes.join(', '))
    assert.deepEqual(checkedValues(page.document, 'mayQuote'), ['yes'])
    assert.equal(fieldValue(page.document, 'quote'), 'The reports came late. Jo my social worker used long words.')
  })

  test('coding saves themes and the quote without the name; the words page shows the themes; audited', async () => {
    await crew.admin.get(`/feedback/words/${responseId}`)
    const saved = await crew.admin.post(`/feedback/words/${responseId}`, {
      themes: [await themeId('Reports late'), await themeId('Jargon')],
      mayQuote: 'yes',
      quote: 'The reports came late. My social worker used long words.',
      version: '0',
    })
    assert.equal(saved.status, 303)
    assert.equal(saved.location, '/feedback')
    const words = await crew.admin.get('/feedback')
    assert.ok([...words.document.querySelectorAll('[data-themes]')].some((line) => textOf(line) === 'Themes: Jargon, Reports late'))
    const coding = await t.database.db.selectFrom('feedback_coding').selectAll().where('response_id', '=', responseId).executeTakeFirstOrThrow()
    assert.equal(coding.quote, 'The reports came late. My social worker used long words.')
    assert.equal(coding.version, 1)
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('actor_id', '=', t.world.staff.admin.id)
      .where('action', 'like', 'feedback.%')
      .execute()
    assert.ok(audit.some((event) => event.action === 'feedback.coded'))
    assert.ok(audit.some((event) => event.action === 'feedback.words-viewed'))
  })

  test('two admins coding at once: the second is told someone saved first, and nothing of theirs is saved', async () => {
    const manager = crew.manager
    const first = await crew.admin.get(`/feedback/words/${responseId}`)
    const second = await manager.get(`/feedback/words/${responseId}`)
    const version = fieldValue(first.document, 'version') ?? ''
    assert.equal(fieldValue(second.document, 'version'), version)
    assert.equal((await crew.admin.post(`/feedback/words/${responseId}`, { themes: await themeId('Felt listened to'), mayQuote: 'no', version })).status, 303)
    const late = await manager.post(`/feedback/words/${responseId}`, { themes: await themeId('Jargon'), mayQuote: 'not_asked', version })
    assert.equal(late.location, `/feedback/words/${responseId}`)
    const shown = await manager.get(late.location)
    assert.match(errorSummary(shown.document)[0] ?? '', /saved a change .* after you opened this page/)
    assert.deepEqual(checkedValues(shown.document, 'mayQuote'), ['not_asked'], 'their answers are kept on the page')
    const coding = await t.database.db
      .selectFrom('feedback_coding')
      .select(['may_quote', 'quote'])
      .where('response_id', '=', responseId)
      .executeTakeFirstOrThrow()
    assert.deepEqual(coding, { may_quote: 'no', quote: null }, 'the first save stands; a "no" keeps no quote')
  })

  test('two first codings at once: the second is refused too', async () => {
    const words = await t.database.db
      .insertInto('feedback_response')
      .values({
        authority_id: t.world.authorityId,
        referral_id: (await t.database.db.selectFrom('feedback_response').select('referral_id').where('id', '=', responseId).executeTakeFirstOrThrow())
          .referral_id,
        meeting_id: (await t.database.db.selectFrom('feedback_response').select('meeting_id').where('id', '=', responseId).executeTakeFirstOrThrow())
          .meeting_id,
        channel: 'paper',
        language: 'en',
        better: 'Another answer',
        days_after: 2,
        given_at: new Date('2026-12-20T10:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await crew.admin.get(`/feedback/words/${words.id}`)
    await crew.manager.get(`/feedback/words/${words.id}`)
    assert.equal((await crew.admin.post(`/feedback/words/${words.id}`, { mayQuote: 'no', version: '0' })).location, '/feedback')
    const late = await crew.manager.post(`/feedback/words/${words.id}`, { mayQuote: 'yes', quote: 'Another answer', version: '0' })
    assert.equal(late.location, `/feedback/words/${words.id}`)
    assert.match(errorSummary((await crew.manager.get(late.location)).document)[0] ?? '', /after you opened this page/)
  })

  test('each error in the summary, and nothing saved', async () => {
    await crew.admin.get(`/feedback/words/${responseId}`)
    const before = await t.database.db.selectFrom('feedback_coding').select('version').where('response_id', '=', responseId).executeTakeFirstOrThrow()
    const cases: [Record<string, string | string[]>, string][] = [
      [{ mayQuote: 'yes', quote: '  ', version: String(before.version) }, 'Enter the words that may be quoted, without names'],
      [{ version: String(before.version) }, 'Select whether they agreed their words may be quoted'],
      [{ mayQuote: 'no', themes: 'not-an-id', version: String(before.version) }, 'Choose themes from the list'],
      [{ mayQuote: 'no', version: String(before.version), themes: '00000000-0000-4000-8000-000000000000' }, 'Choose themes from the list'],
      [{ mayQuote: 'yes', quote: 'x'.repeat(1001), version: String(before.version) }, 'The words to quote must be 1,000 characters or fewer'],
    ]
    for (const [form, message] of cases) {
      const posted = await crew.admin.post(`/feedback/words/${responseId}`, form)
      assert.equal(posted.status, 303)
      assert.deepEqual(errorSummary((await crew.admin.get(posted.location ?? '')).document), [message], message)
    }
    const after = await t.database.db.selectFrom('feedback_coding').select('version').where('response_id', '=', responseId).executeTakeFirstOrThrow()
    assert.equal(after.version, before.version)
  })

  test('a post without its token is refused', async () => {
    const posted = await crew.admin.post(`/feedback/words/${responseId}`, { mayQuote: 'no', version: '9' }, { withToken: false })
    assert.equal(posted.status, 403)
  })

  test('only the advocacy service reads and codes; another authority, an answer without words and a made-up id are not found', async () => {
    for (const key of ['referrer', 'advocate', 'coordinator', 'analyst', 'sysadmin'] as const) {
      const browser: Browser = await signedInAs(t, t.world.staff[key])
      assert.equal((await browser.get(`/feedback/words/${responseId}`)).status, 403, key)
    }
    const elsewhere = await signedInAs(t, t.world.elsewhere.admin)
    assert.equal((await elsewhere.get(`/feedback/words/${responseId}`)).status, 404)
    assert.equal((await crew.admin.get(`/feedback/words/${silentId}`)).status, 404)
    assert.equal((await crew.admin.get('/feedback/words/not-an-id')).status, 404)
  })
})
