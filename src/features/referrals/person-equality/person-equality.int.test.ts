import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, summaryValue, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { referralSent, signedIn, versionOn } from '../../../../test/support/referral-steps.ts'

const answers = {
  relationshipToChild: 'father',
  ethnicity: 'black_caribbean',
  firstLanguage: 'another',
  otherLanguage: 'Portuguese',
  disability: 'prefer_not_to_say',
}

describe(`the equality questions on a parent's record (${engine})`, () => {
  let t: TestApp
  let personId: string
  before(async () => {
    t = await startTestApp()
    const referralId = await referralSent(await signedIn(t, 'referrer'), { familyName: 'Equalities' })
    const row = await t.database.db.selectFrom('referral').select('person_id').where('id', '=', referralId).executeTakeFirstOrThrow()
    personId = row.person_id ?? ''
  })
  after(async () => t.close())

  test('unanswered at first; the referrer records the answers, which the person’s page shows; the change is audited without the answers', async () => {
    const referrer = await signedIn(t, 'referrer')
    const record = await referrer.get(`/people/${personId}`)
    assert.equal(summaryValue(record.document, 'Relationship to the child'), 'Not asked yet')
    const page = await referrer.get(`/people/${personId}/equality`)
    assert.equal(page.status, 200)
    const saved = await referrer.post(`/people/${personId}/equality`, { ...answers, version: versionOn(page.html) })
    assert.equal(saved.location, `/people/${personId}`)
    const shown = await referrer.open(saved.location ?? '')
    assert.match(textOf(shown.document.querySelector('.govuk-notification-banner')), /Equality answers saved/)
    assert.equal(summaryValue(shown.document, 'Relationship to the child'), 'Father')
    assert.equal(summaryValue(shown.document, 'Ethnic group'), 'Black, Black British, Black Welsh, Caribbean or African: Caribbean')
    assert.equal(summaryValue(shown.document, 'First language'), 'Portuguese')
    assert.equal(summaryValue(shown.document, 'Disabled'), 'Prefer not to say')
    const row = await t.database.db
      .selectFrom('person')
      .select(['relationship_to_child', 'ethnicity', 'first_language', 'disability', 'version'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow()
    assert.deepEqual(row, {
      relationship_to_child: 'father',
      ethnicity: 'black_caribbean',
      first_language: 'Portuguese',
      disability: 'prefer_not_to_say',
      version: 2,
    })
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'person.equality-updated')
      .where('record_id', '=', personId)
      .execute()
    assert.deepEqual(
      audit.map((event) => event.details),
      [{ changed: ['relationshipToChild', 'ethnicity', 'firstLanguage', 'disability'] }],
    )
    const reopened = await referrer.get(`/people/${personId}/equality`)
    assert.equal(
      reopened.document.querySelector('input[name="firstLanguage"][value="another"]')?.hasAttribute('checked'),
      true,
      'the form starts from what is saved',
    )
    assert.equal(reopened.document.querySelector<HTMLInputElement>('input[name="otherLanguage"]')?.value, 'Portuguese')
  })

  test('each wrong answer is an error on its question, and nothing is saved', async () => {
    const admin = await signedIn(t, 'admin')
    const page = await admin.get(`/people/${personId}/equality`)
    const version = versionOn(page.html)
    const refused = await admin.submit(`/people/${personId}/equality`, {
      relationshipToChild: 'uncle',
      ethnicity: 'martian',
      firstLanguage: 'another',
      otherLanguage: '',
      disability: 'maybe',
      version,
    })
    assert.deepEqual(errorSummary(refused.document), [
      'Select their relationship to the child from the list',
      'Select their ethnicity from the list',
      'Select whether they are disabled from the list',
    ])
    const missingLanguage = await admin.submit(`/people/${personId}/equality`, { firstLanguage: 'another', otherLanguage: ' ', version })
    assert.deepEqual(errorSummary(missingLanguage.document), ['Enter their first language'])
    const row = await t.database.db.selectFrom('person').select('relationship_to_child').where('id', '=', personId).executeTakeFirstOrThrow()
    assert.equal(row.relationship_to_child, 'father')
  })

  test('two people answering at once: the second is told, and loses nothing', async () => {
    const first = await signedIn(t, 'admin')
    const second = await signedIn(t, 'manager')
    const version = versionOn((await first.get(`/people/${personId}/equality`)).html)
    await second.get(`/people/${personId}/equality`)
    assert.equal((await first.post(`/people/${personId}/equality`, { ...answers, relationshipToChild: 'mother', version })).status, 303)
    const conflict = await second.submit(`/people/${personId}/equality`, { ...answers, relationshipToChild: 'other_carer', version })
    assert.match(errorSummary(conflict.document)[0] ?? '', /saved a change.*after you opened this page/)
    assert.equal(
      conflict.document.querySelector('input[name="relationshipToChild"][value="other_carer"]')?.hasAttribute('checked'),
      true,
      'their answers are kept',
    )
    const row = await t.database.db.selectFrom('person').select('relationship_to_child').where('id', '=', personId).executeTakeFirstOrThrow()
    assert.equal(row.relationship_to_child, 'mother', 'the first save stands')
  })

  test('a post without its token is refused; the analyst and others with no relationship to the person cannot open it', async () => {
    const admin = await signedIn(t, 'admin')
    const version = versionOn((await admin.get(`/people/${personId}/equality`)).html)
    assert.equal((await admin.post(`/people/${personId}/equality`, { ...answers, version }, { withToken: false })).status, 403)
    for (const who of ['analyst', 'advocate', 'coordinator', 'otherReferrer'] as const) {
      const browser = await signedIn(t, who)
      assert.ok([403, 404].includes((await browser.get(`/people/${personId}/equality`)).status), who)
    }
    const child = await t.database.db.selectFrom('referral_child').select('person_id').where('authority_id', '=', t.world.authorityId).executeTakeFirst()
    assert.ok(child, 'the referral names a child')
    assert.equal((await admin.get(`/people/${child.person_id}/equality`)).status, 404, 'a child has no such questions')
  })
})
