import assert from 'node:assert/strict'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { after, before, describe, test } from 'node:test'
import { root, startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { engine, openTestDatabase } from '../../../../test/support/database.ts'
import { startMailServer, type MailServer } from '../../../../test/support/mail.ts'
import { crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * The proof issue 12 asks for (ADR 20): scheduled work runs once across processes, and a message
 * queued survives its process. Each process is a child process of its own (`test/support/job-process.ts`)
 * with the service's own settings, against the same database and a real SMTP server.
 */

const SECRET = 'a test secret that is long enough to be accepted'

interface Child {
  readonly process: ChildProcessWithoutNullStreams
  /** The next line the process says. */
  line(): Promise<string>
  exited: Promise<number | null>
}

function startChild(mode: string, environment: Record<string, string>): Child {
  const child = spawn(process.execPath, [join(root, 'test/support/job-process.ts'), mode], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', SESSION_SECRET: SECRET, LOG_LEVEL: 'silent', ...environment },
  })
  const lines: string[] = []
  const waiting: ((line: string) => void)[] = []
  let errors = ''
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')))
  createInterface({ input: child.stdout }).on('line', (line) => {
    const next = waiting.shift()
    if (next) next(line)
    else lines.push(line)
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    process: child,
    line: () => {
      const ready = lines.shift()
      if (ready !== undefined) return Promise.resolve(ready)
      return Promise.race([
        new Promise<string>((resolve) => waiting.push(resolve)),
        exited.then((code) => Promise.reject(new Error(`The ${mode} process ended (${code}) without a word: ${errors.slice(0, 2000)}`))),
      ])
    },
    exited,
  }
}

describe(`scheduled work across processes (${engine})`, () => {
  let mail: MailServer
  before(async () => {
    mail = await startMailServer()
  })
  after(async () => mail.close())

  test(`a message queued, then its process killed, is sent once after a restart (${engine})`, async () => {
    // Its own database: on PGlite a data folder (one process at a time, as in production on the embedded database).
    const folder = await mkdtemp(join(tmpdir(), 'alongside-restart-'))
    const database = engine === 'PostgreSQL' ? await openTestDatabase() : undefined
    try {
      const where = database?.url ? { DATABASE_URL: database.url } : { DATA_DIR: folder }
      const settings = { ...where, SMTP_URL: mail.url, CLOCK: '2026-11-27T09:00:00Z' }
      const before = mail.received.length
      const first = startChild('queue-and-hang', settings)
      assert.equal(await first.line(), 'queued')
      first.process.kill('SIGKILL')
      await first.exited
      assert.equal(mail.received.length, before, 'nothing was sent before the crash')

      const restarted = startChild('tick', settings)
      const said = JSON.parse(await restarted.line()) as { ticked: { job: string; done: number }[] }
      assert.equal(await restarted.exited, 0)
      assert.deepEqual(
        said.ticked.find((report) => report.job === 'send-mail'),
        { job: 'send-mail', done: 1 },
      )
      const sent = mail.received.slice(before)
      assert.deepEqual(
        sent.map((message) => [message.to, message.subject]),
        [[['after.restart@example.com'], 'Queued before a crash']],
      )
      // And a second restart sends nothing more.
      const again = startChild('tick', settings)
      await again.line()
      assert.equal(mail.received.length, before + 1)
    } finally {
      await database?.close()
      await rm(folder, { recursive: true, force: true })
    }
  })

  describe('the reminder job in two processes at once', () => {
    let t: TestApp
    let crew: Crew
    before(async () => {
      t = await startTestApp()
      crew = await crewOf(t)
    })
    after(async () => t.close())

    test(`in one process, run twice at once, queues each reminder once (${engine})`, async () => {
      const ids = [await referralAt(t, crew, 'in_review', 'Oneprocessone'), await referralAt(t, crew, 'in_review', 'Oneprocesstwo')]
      for (const [index, id] of ids.entries()) {
        await crew.admin.get(`/referrals/${id}/way-in/reminders`)
        await crew.admin.post(`/referrals/${id}/way-in/reminders`, { wants: 'email', email: `in.process.${index}@example.com`, version: '0' })
      }
      t.clock.set('2026-12-13T09:00:00Z')
      const [a, b] = await Promise.all([t.services.family.reminders.remindFamiliesOfMeetings(), t.services.family.reminders.remindFamiliesOfMeetings()])
      assert.equal(a + b, 2)
      const queued = await t.database.db.selectFrom('outbox_message').select('dedupe_key').where('dedupe_key', 'like', 'meeting-reminder:%').execute()
      assert.equal(queued.length, 2)
    })

    // Two processes need a database two processes can open: PostgreSQL. On PGlite (one process per data folder, ADR 4) this part does not run.
    test(
      `in two child processes on PostgreSQL, finds each email exactly once, naming no family (${engine})`,
      {
        skip: engine === 'PGlite' ? 'PGlite: one process per data folder, so two processes cannot share it; it runs on PostgreSQL (TEST_DATABASE_URL)' : false,
      },
      async () => {
        assert.ok(t.database.url, 'a database two processes can open')
        // Back before the meetings, signed in afresh.
        t.clock.set('2026-11-24T10:00:00Z')
        crew = await crewOf(t)
        const families = ['Alvarez', 'Bennett', 'Chowdhury', 'Dlamini', 'Evans', 'Fraser']
        const ids: string[] = []
        for (const [index, family] of families.entries()) {
          const id = await referralAt(t, crew, 'in_review', family)
          ids.push(id)
          await crew.admin.get(`/referrals/${id}/way-in/reminders`)
          const posted = await crew.admin.post(`/referrals/${id}/way-in/reminders`, { wants: 'email', email: `family.${index}@example.com`, version: '0' })
          assert.equal(posted.status, 303)
        }
        const before = mail.received.length
        const settings = { DATABASE_URL: t.database.url, SMTP_URL: mail.url, CLOCK: '2026-12-13T09:00:00Z' }
        const children = [startChild('remind', settings), startChild('remind', settings)]
        for (const child of children) assert.equal(await child.line(), 'ready')
        for (const child of children) child.process.stdin.write('go\n')
        const said = await Promise.all(children.map(async (child) => JSON.parse(await child.line()) as { queued: number; sent: number }))
        for (const child of children) assert.equal(await child.exited, 0)

        const ours = mail.received.slice(before).filter((message) => message.to.some((to) => /^family\.\d@example\.com$/.test(to)))
        const recipients = ours.flatMap((message) => message.to).sort()
        assert.deepEqual(recipients, families.map((_, index) => `family.${index}@example.com`).sort(), 'each family’s email exactly once')
        assert.equal(
          said.reduce((total, one) => total + one.sent, 0),
          families.length + 2,
          'between them, the two processes sent each message once (the two queued in one process above among them)',
        )
        assert.equal(
          said.reduce((total, one) => total + one.queued, 0),
          (await t.database.db.selectFrom('outbox_message').select('id').where('dedupe_key', 'like', 'meeting-reminder:%').execute()).length - 2,
          'between them, the two processes queued each reminder once (the two in-process ones were queued before)',
        )
        for (const message of ours) {
          for (const family of families) assert.ok(!message.raw.includes(family), `no family name (${family}) in any email`)
          assert.doesNotMatch(message.raw, /Maria|child|protection/i)
        }
      },
    )
  })
})
