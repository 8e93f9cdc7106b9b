import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { engine } from '../../../test/support/database.ts'
import { crewOf, referralAt, type Crew } from '../../../test/support/workflow-steps.ts'

/**
 * The one reminder of feedback that waits (issue 11): a few days after the meeting, by the way the
 * person chose, in their language, naming no one; once; and none for someone who answered, said
 * no, or asked for no reminders.
 */
describe(`a reminder of feedback that waits (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  const ids = { email: '', text: '', none: '', answered: '', declined: '', spanish: '' }
  const remind = () => t.services.feedback.remindLaterFeedback()
  const queued = () => t.database.db.selectFrom('outbox_message').selectAll().where('dedupe_key', 'like', 'feedback-reminder:%').orderBy('recipient').execute()

  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    for (const key of Object.keys(ids) as (keyof typeof ids)[]) ids[key] = await referralAt(t, crew, 'advocate_recorded', `Remind${key}`)
    const wants: Record<keyof typeof ids, Record<string, string>> = {
      email: { wants: 'email', email: 'later.family@example.com' },
      text: { wants: 'sms', phone: '07700 900456' },
      none: { wants: 'no' },
      answered: { wants: 'email', email: 'answered.family@example.com' },
      declined: { wants: 'email', email: 'declined.family@example.com' },
      spanish: { wants: 'email', email: 'spanish.family@example.com' },
    }
    for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
      await crew.admin.get(`/referrals/${ids[key]}/way-in/reminders`)
      const saved = await crew.admin.post(`/referrals/${ids[key]}/way-in/reminders`, { ...wants[key], version: '0' })
      assert.equal(saved.status, 303, `${key}'s choice is saved`)
    }
    await t.database.db
      .updateTable('section_one')
      .set({ preferred_languages: ['English'] })
      .where('referral_id', '!=', ids.spanish)
      .execute()
    await t.database.db
      .updateTable('section_one')
      .set({ preferred_languages: ['Spanish'] })
      .where('referral_id', '=', ids.spanish)
      .execute()
    // The meeting was on 15 December; on the 17th each says they will answer later.
    t.clock.set('2026-12-17T10:00:00Z')
    crew = await crewOf(t)
    for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
      await crew.admin.get(`/referrals/${ids[key]}/feedback`)
      assert.equal((await crew.admin.post(`/referrals/${ids[key]}/feedback/choice`, { state: 'later', version: '0' })).status, 303)
    }
  })
  after(async () => t.close())

  test('not before three days after the meeting; then one each, by the way they chose; nothing once answered or declined; never twice', async () => {
    assert.equal(await remind(), 0, 'two days after: not yet')
    // One answers on paper, one says no.
    await crew.admin.get(`/referrals/${ids.answered}/feedback`)
    assert.equal((await crew.admin.post(`/referrals/${ids.answered}/feedback/answers`, { listened: 'yes' })).status, 303)
    await crew.admin.get(`/referrals/${ids.declined}/feedback`)
    assert.equal((await crew.admin.post(`/referrals/${ids.declined}/feedback/choice`, { state: 'declined', version: '1' })).status, 303)

    t.clock.set('2026-12-18T07:00:00Z')
    assert.equal(await remind(), 0, 'not in the night, nor before nine')
    t.clock.set('2026-12-18T10:00:00Z')
    assert.equal(await remind(), 3, 'email, text and Spanish: those who asked and still have it waiting')
    assert.equal(await remind(), 0, 'run again: nothing more')
    t.clock.set('2026-12-19T10:00:00Z')
    assert.equal(await remind(), 0, 'the next day: nothing more')

    const messages = await queued()
    assert.deepEqual(
      messages.map((message) => [message.channel, message.recipient]),
      [
        ['sms', '07700900456'],
        ['email', 'later.family@example.com'],
        ['email', 'spanish.family@example.com'],
      ],
    )
    const english = messages.find((message) => message.recipient === 'later.family@example.com')
    assert.equal(english?.subject, 'A message from Alongside')
    assert.equal(
      english?.body,
      `You said you would tell us how your meeting went. Sign in to Alongside to answer, or to say no.\n\n${t.config.baseUrl}/your-advocacy`,
    )
    assert.match(messages.find((message) => message.recipient === 'spanish.family@example.com')?.body ?? '', /^Usted dijo que nos contaría/)
    for (const message of messages) assert.doesNotMatch(`${message.subject} ${message.body}`, /Remind|Maria|child|protection|conference/i, 'naming no one')
    const audit = await t.database.db.selectFrom('audit_event').select(['record_id', 'details']).where('action', '=', 'feedback.reminder-queued').execute()
    assert.equal(audit.length, 3)
    assert.doesNotMatch(JSON.stringify(audit), /example\.com|07700/, 'the audit trail holds no address')
  })

  test('a meeting long past is not reminded of (so feedback from before this reminder existed is left alone)', async () => {
    t.clock.set('2027-01-05T10:00:00Z')
    await t.database.db.deleteFrom('outbox_message').where('dedupe_key', 'like', 'feedback-reminder:%').execute()
    assert.equal(await remind(), 0)
  })
})
