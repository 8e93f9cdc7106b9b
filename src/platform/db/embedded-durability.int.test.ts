import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { root } from '../../../test/support/app.ts'
import { formToken } from '../../../test/support/browser.ts'
import { DEMO_PASSWORD } from '../../features/demo/demo-data.ts'

/**
 * The embedded database, as `npm start` runs it: a second process cannot open the same folder, and
 * a change the service has acknowledged survives the process being killed outright (SIGKILL, no
 * chance to close cleanly) and started again.
 */

const dataDir = mkdtempSync(join(tmpdir(), 'alongside-durability-'))
const children: ChildProcess[] = []

function startServer(port: number): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = ''
  const child = spawn(process.execPath, [join(root, 'src/server.ts')], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO: 'true', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  child.stdout?.on('data', (chunk) => (output += String(chunk)))
  child.stderr?.on('data', (chunk) => (output += String(chunk)))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

/** A port nothing on this machine listens on (a random one once met the machine's MariaDB on 3306). */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/**
 * Waits for the service to answer, or to end. A first start migrates a new folder and adds the demo
 * data, which on a machine busy with the other test processes took over a minute: the limit (four
 * minutes) is a guard against a hang, not a measure of speed.
 */
async function waitUntilUp(port: number, server: { child: ChildProcess; output: () => string }): Promise<void> {
  for (let attempt = 0; attempt < 960; attempt += 1) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`the service ended before it answered:\n${server.output()}`)
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the service did not start:\n${server.output()}`)
}

/** A browser of the simplest kind: one cookie, and the form token from the last page. */
class Client {
  cookie = ''
  token = ''
  readonly base: string

  constructor(base: string) {
    this.base = base
  }

  async request(path: string, form?: Record<string, string>): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: this.cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: new URLSearchParams({ _csrf: this.token, ...form }).toString() } : {}),
    })
    const set = response.headers.get('set-cookie')
    if (set) this.cookie = set.split(';')[0] ?? ''
    const text = await response.clone().text()
    const token = formToken(text)
    if (token) this.token = token
    return response
  }

  async signIn(email: string): Promise<void> {
    await this.request('/sign-in')
    const response = await this.request('/sign-in', { email, password: DEMO_PASSWORD })
    assert.equal(response.status, 303, 'signed in')
    await this.request('/')
  }
}

describe('the embedded database (PGlite, in a folder)', () => {
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('one process per folder, and an acknowledged change survives SIGKILL and a restart', async () => {
    const port = await freePort()
    const first = startServer(port)
    await waitUntilUp(port, first)

    const second = startServer(await freePort())
    assert.notEqual(await second.exited, 0, 'a second process on the same folder stops')
    assert.match(second.output(), /already open in another process/)

    const client = new Client(`http://127.0.0.1:${port}`)
    await client.signIn('referrer@demo.alongside.test')
    const started = await client.request('/referrals', {})
    assert.equal(started.status, 303, 'the service acknowledged the new referral')
    const referralId = /\/referrals\/([0-9a-f-]{36})\//.exec(started.headers.get('location') ?? '')?.[1]
    assert.ok(referralId)

    first.child.kill('SIGKILL')
    assert.equal(await first.exited, null, 'killed, not exited')

    const thirdPort = await freePort()
    const third = startServer(thirdPort)
    await waitUntilUp(thirdPort, third)
    const again = new Client(`http://127.0.0.1:${thirdPort}`)
    await again.signIn('referrer@demo.alongside.test')
    const page = await again.request(`/referrals/${referralId}`)
    assert.equal(page.status, 200, 'the referral is still there after the kill and restart')
    third.child.kill('SIGTERM')
    assert.equal(await third.exited, 0, 'a signal closes the service cleanly')
  })
})
