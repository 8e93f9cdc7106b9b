import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, beforeEach, describe, test } from 'node:test'
import { TestClock } from '../../../test/support/clock.ts'
import { engine, openTestDatabase } from '../../../test/support/database.ts'
import { startMailServer, type MailServer } from '../../../test/support/mail.ts'
import { startNotifyServer, TEST_EMAIL_TEMPLATE, TEST_NOTIFY_KEY, TEST_SMS_TEMPLATE, type NotifyServer } from '../../../test/support/notify.ts'
import type { Database } from '../db/database.ts'
import { createMailer } from './mailer.ts'
import type { MailProblem } from './message.ts'
import { createNotifyClient } from './notify.ts'
import { MAX_ATTEMPTS, queueMessage, retryDelayMinutes, sendQueuedMessages } from './outbox.ts'

/** ADR 20: a message queued is sent once, tried again while it may pass, given up and reported by its code alone. */
describe(`the outbox (${engine})`, () => {
  let database: Database
  let server: MailServer
  let notify: NotifyServer
  let folder: string
  const clock = new TestClock('2026-11-27T09:00:00Z')
  before(async () => {
    database = await openTestDatabase()
    server = await startMailServer()
    notify = await startNotifyServer()
    folder = await mkdtemp(join(tmpdir(), 'alongside-outbox-'))
  })
  after(async () => {
    await database.close()
    await server.close()
    await notify.close()
    await rm(folder, { recursive: true, force: true })
  })
  beforeEach(async () => {
    // Each test starts with an empty outbox.
    await database.db.deleteFrom('outbox_message').execute()
  })

  const smtp = (problems: MailProblem[] = []) =>
    createMailer({ smtpUrl: server.url, from: 'Alongside <alongside@council.example>', outboxDir: folder }, (problem) => problems.push(problem))
  const noProblem = (problem: MailProblem) => assert.fail(`nothing to report: ${problem.code ?? ''}`)
  const outboxRows = () => database.db.selectFrom('outbox_message').selectAll().execute()

  test('waits between attempts longer each time, at most an hour', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8].map(retryDelayMinutes), [1, 2, 4, 8, 16, 32, 60, 60])
  })

  test('a message queued is sent once through SMTP, and its row then keeps neither the address nor the text', async () => {
    const before = server.received.length
    await queueMessage(database.db, clock, { channel: 'email', to: 'sam@council.example', subject: 'Something needs you', text: 'Sign in to see it.' })
    const mailer = smtp()
    const [first, second] = await Promise.all([
      sendQueuedMessages(database.db, clock, mailer, noProblem),
      sendQueuedMessages(database.db, clock, mailer, noProblem),
    ])
    assert.equal((first?.sent ?? 0) + (second?.sent ?? 0), 1, 'two senders at once: sent once')
    assert.equal(server.received.length, before + 1)
    const mail = server.received.at(-1)
    assert.deepEqual(mail?.to, ['sam@council.example'])
    assert.equal(mail?.text, 'Sign in to see it.')
    const [row] = await outboxRows()
    assert.equal(row?.recipient, '')
    assert.equal(row?.body, '')
    assert.ok(row?.sent_at)
    assert.deepEqual(await sendQueuedMessages(database.db, clock, mailer, noProblem), { sent: 0, retrying: 0, givenUp: 0 })
    await mailer.close()
  })

  test('a message with a key already queued is not queued again', async () => {
    const message = { channel: 'email', to: 'sam@council.example', subject: 'A reminder', text: 'Once.', dedupeKey: 'reminder:1' } as const
    assert.equal(await queueMessage(database.db, clock, message), true)
    assert.equal(await queueMessage(database.db, clock, message), false)
    assert.equal((await outboxRows()).length, 1)
  })

  test('a message that cannot go yet is tried again with growing waits, then given up and reported by its code alone', async () => {
    const problems: MailProblem[] = []
    const down = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'a@council.example', outboxDir: folder }, (problem) => problems.push(problem))
    await queueMessage(database.db, clock, { channel: 'email', to: 'private.person@council.example', subject: 'Secret', text: 'https://link/token' })
    assert.deepEqual(await sendQueuedMessages(database.db, clock, down, (problem) => problems.push(problem)), { sent: 0, retrying: 1, givenUp: 0 })
    assert.deepEqual(
      await sendQueuedMessages(database.db, clock, down, (problem) => problems.push(problem)),
      { sent: 0, retrying: 0, givenUp: 0 },
      'not before its wait',
    )
    let row = (await outboxRows())[0]
    assert.equal(row?.attempts, 1)
    assert.equal(row?.last_error, 'ESOCKET')
    assert.equal(row?.next_attempt_at.toISOString(), '2026-11-27T09:01:00.000Z')

    // The server comes back: the next attempt goes.
    clock.advanceMinutes(1)
    const up = smtp()
    const before = server.received.length
    assert.deepEqual(await sendQueuedMessages(database.db, clock, up, noProblem), { sent: 1, retrying: 0, givenUp: 0 })
    assert.equal(server.received.length, before + 1)
    await up.close()

    // A server that never comes back: given up after the last attempt.
    await queueMessage(database.db, clock, { channel: 'email', to: 'private.person@council.example', subject: 'Secret', text: 'https://link/token' })
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await sendQueuedMessages(database.db, clock, down, (problem) => problems.push(problem))
      clock.advanceMinutes(60)
    }
    row = (await outboxRows()).find((each) => each.sent_at === null)
    assert.equal(row?.attempts, MAX_ATTEMPTS)
    assert.ok(row?.given_up_at)
    assert.equal(row?.recipient, '')
    assert.equal(problems.length, 1)
    assert.equal(problems[0]?.code, 'ESOCKET')
    assert.doesNotMatch(JSON.stringify(problems), /private|Secret|token/)
    await down.close()
  })

  test('with GOV.UK Notify switched on, email and texts go through its API with a signed token, and a refusal is given up at once', async () => {
    const client = createNotifyClient({ apiKey: TEST_NOTIFY_KEY, emailTemplateId: TEST_EMAIL_TEMPLATE, smsTemplateId: TEST_SMS_TEMPLATE, baseUrl: notify.url })
    const problems: MailProblem[] = []
    const mailer = createMailer({ smtpUrl: undefined, from: 'a@council.example', outboxDir: folder }, (problem) => problems.push(problem), client)
    await queueMessage(database.db, clock, { channel: 'email', to: 'sam@council.example', subject: 'Something needs you', text: 'Sign in to see it.' })
    await queueMessage(database.db, clock, { channel: 'sms', to: '07700900123', subject: 'Your meeting', text: 'You have a meeting on Tuesday.' })
    assert.deepEqual(await sendQueuedMessages(database.db, clock, mailer, (problem) => problems.push(problem)), { sent: 2, retrying: 0, givenUp: 0 })
    const byPath = Object.fromEntries(notify.received.map((request) => [request.path, request.body]))
    assert.deepEqual(byPath['/v2/notifications/email'], {
      email_address: 'sam@council.example',
      template_id: TEST_EMAIL_TEMPLATE,
      personalisation: { subject: 'Something needs you', body: 'Sign in to see it.' },
    })
    assert.deepEqual(byPath['/v2/notifications/sms'], {
      phone_number: '07700900123',
      template_id: TEST_SMS_TEMPLATE,
      personalisation: { body: 'You have a meeting on Tuesday.' },
    })

    // Notify busy: tried again. Notify refusing the number: given up at once.
    notify.answerWith(500)
    await queueMessage(database.db, clock, { channel: 'sms', to: '07700900124', subject: 'Your meeting', text: 'Again.' })
    assert.deepEqual(await sendQueuedMessages(database.db, clock, mailer, (problem) => problems.push(problem)), { sent: 0, retrying: 1, givenUp: 0 })
    notify.answerWith(400)
    clock.advanceMinutes(2)
    assert.deepEqual(await sendQueuedMessages(database.db, clock, mailer, (problem) => problems.push(problem)), { sent: 0, retrying: 0, givenUp: 1 })
    assert.deepEqual(problems, [{ code: 'NOTIFY_REFUSED', responseCode: 400 }])
    notify.answerWith(201)

    // A key Notify does not know is refused by the server, and told as Notify's 403.
    const wrong = createNotifyClient({
      apiKey: TEST_NOTIFY_KEY.replace(/.$/, '1'),
      emailTemplateId: TEST_EMAIL_TEMPLATE,
      smsTemplateId: TEST_SMS_TEMPLATE,
      baseUrl: notify.url,
    })
    await assert.rejects(wrong.email({ channel: 'email', to: 'sam@council.example', subject: 's', text: 't' }), { code: 'NOTIFY_REFUSED', responseCode: 403 })
  })

  test('without Notify, a text cannot go out where SMTP is set: it is given up, said as NO_TEXT_SERVICE', async () => {
    const problems: MailProblem[] = []
    await queueMessage(database.db, clock, { channel: 'sms', to: '07700900125', subject: 'Your meeting', text: 'Hello.' })
    assert.deepEqual(await sendQueuedMessages(database.db, clock, smtp(), (problem) => problems.push(problem)), { sent: 0, retrying: 0, givenUp: 1 })
    assert.deepEqual(problems, [{ code: 'NO_TEXT_SERVICE', responseCode: undefined }])
  })
})
