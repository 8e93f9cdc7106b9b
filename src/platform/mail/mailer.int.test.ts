import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { parseMail, startMailServer, type MailServer } from '../../../test/support/mail.ts'
import { createMailer } from './mailer.ts'
import type { MailProblem } from './message.ts'

describe('the mailer', () => {
  let server: MailServer
  let outbox: string
  before(async () => {
    server = await startMailServer()
    outbox = await mkdtemp(join(tmpdir(), 'alongside-outbox-'))
  })
  after(async () => {
    await server.close()
    await rm(outbox, { recursive: true, force: true })
  })

  test('with SMTP_URL, a message goes to the SMTP server, from MAIL_FROM, as plain text that survives long lines and accents', async () => {
    const mailer = createMailer({ smtpUrl: server.url, from: 'Alongside <alongside@council.example>', outboxDir: outbox }, () =>
      assert.fail('nothing to report'),
    )
    const link = `https://alongside.council.example/sign-in/link/${'x'.repeat(43)}`
    mailer.send({ to: 'lucia@council.example', subject: 'Your link', text: `Hola Lucía,\n\n${link}\n` })
    await mailer.close()
    const message = await server.next()
    assert.equal(message.from, 'alongside@council.example')
    assert.deepEqual(message.to, ['lucia@council.example'])
    assert.equal(message.subject, 'Your link')
    assert.equal(message.text, `Hola Lucía,\n\n${link}`)
    assert.deepEqual(await readdir(outbox), [], 'nothing written to the outbox')
  })

  test('a message that cannot be sent is reported by its code, never its address or content', async () => {
    const problems: MailProblem[] = []
    const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'a@council.example', outboxDir: outbox }, (problem) => problems.push(problem))
    mailer.send({ to: 'private.person@council.example', subject: 'Secret', text: 'https://link/token' })
    await mailer.settled()
    assert.equal(problems.length, 1)
    assert.doesNotMatch(JSON.stringify(problems), /private|Secret|token/)
    assert.equal(problems[0]?.code, 'ESOCKET')
  })

  test('without SMTP_URL, each message is a file in the outbox that only the service can read, and nothing is sent', async () => {
    const before = server.received.length
    const mailer = createMailer({ smtpUrl: undefined, from: 'Alongside <alongside@localhost>', outboxDir: join(outbox, 'outbox') }, () =>
      assert.fail('nothing to report'),
    )
    mailer.send({ to: 'sam@council.example', subject: 'Your link to sign in to Alongside', text: 'Hello Sam,\n\nhttps://localhost:3000/sign-in/link/abc' })
    await mailer.close()
    const files = await readdir(join(outbox, 'outbox'))
    assert.equal(files.length, 1)
    const file = join(outbox, 'outbox', files[0] ?? '')
    assert.match(files[0] ?? '', /\.eml$/)
    assert.equal((await stat(file)).mode & 0o777, 0o600)
    const message = parseMail(await readFile(file, 'utf8'), { to: [], from: '' })
    assert.equal(message.subject, 'Your link to sign in to Alongside')
    assert.equal(message.text, 'Hello Sam,\n\nhttps://localhost:3000/sign-in/link/abc')
    assert.equal(server.received.length, before)
  })
})
