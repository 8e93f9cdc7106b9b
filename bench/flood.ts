/**
 * What a flood of cheap requests does to everyone else: signed-in people open their work while
 * (a) an anonymous client posts 60,000-field forms to the sign-in page, and (b) a signed-in client
 * posts refused forms with large answers to many pages. Prints other users' p50/p99 with no flood
 * and under each, on the embedded database (the one that serves one query at a time). Figures only:
 * nothing here fails on a timing.
 */
import { spawn } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { createApplication } from '../src/application.ts'
import { loadConfig } from '../src/config.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { systemClock } from '../src/platform/time/clock.ts'
import { root } from '../test/support/app.ts'
import { createWorld, PASSWORD } from '../test/support/world.ts'

const SECONDS = Number(process.env['FLOOD_SECONDS'] ?? 8)

class Client {
  cookie = ''
  token = ''
  readonly base: string

  constructor(base: string) {
    this.base = base
  }

  async request(path: string, body?: string): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }) },
      ...(body === undefined ? {} : { body }),
    })
    const set = response.headers.get('set-cookie')
    if (set) this.cookie = set.split(';')[0] ?? ''
    const text = await response.text()
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1]
    if (token) this.token = token
    return response
  }

  async signIn(email: string): Promise<void> {
    await this.request('/sign-in')
    await this.request('/sign-in', new URLSearchParams({ _csrf: this.token, email, password: PASSWORD }).toString())
    await this.request('/')
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

/** Signed-in people opening their work, one page after another, until `until`. */
async function otherUsers(clients: readonly Client[], until: number): Promise<number[]> {
  const times: number[] = []
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < until) {
        const started = performance.now()
        await client.request('/team-work')
        times.push(performance.now() - started)
      }
    }),
  )
  return times.sort((a, b) => a - b)
}

/**
 * The flood, from a process of its own (as an attacker's would be), so it does not share this
 * process's event loop with the service: `kind` is 'fields' or 'refused-forms'.
 */
function flood(kind: string, seconds: number, cookie: string, token: string): Promise<number> {
  const script = `
    const until = Date.now() + ${seconds * 1000}
    const huge = Array.from({ length: 60000 }, (_, i) => 'f' + i + '=').join('&')
    const big = 'reason=nonsense&details=' + 'x'.repeat(200000)
    let sent = 0, page = 0
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (Date.now() < until) {
        page += 1
        const path = ${JSON.stringify(kind)} === 'fields' ? '/sign-in' : '/referrals/00000000-0000-4000-8000-' + String(page).padStart(12, '0') + '/withdraw'
        const body = '_csrf=' + ${JSON.stringify(token)} + '&' + (${JSON.stringify(kind)} === 'fields' ? huge : big)
        await fetch(${JSON.stringify(base)} + path, { method: 'POST', redirect: 'manual', body,
          headers: { cookie: ${JSON.stringify(cookie)}, 'content-type': 'application/x-www-form-urlencoded' } }).then((r) => r.arrayBuffer()).catch(() => undefined)
        sent += 1
      }
    }))
    console.log(sent)`
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)))
    child.on('exit', () => resolve(Number(output.trim())))
  })
}

const config = loadConfig({ SESSION_SECRET: 'a bench secret that is long enough to be accepted', VIEW_CACHE: 'true' })
const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' })
const { app } = await createApplication({ database, clock: systemClock, config, root, logger: false })
await app.listen({ host: '127.0.0.1', port: 0 })
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
const world = await createWorld(database.db)

const staff = [world.staff.admin, world.staff.referrer, world.staff.manager, world.staff.otherReferrer]
const clients = staff.map(() => new Client(base))
await Promise.all(clients.map((client, i) => client.signIn(staff[i]?.email ?? '')))

const anonymous = new Client(base)
await anonymous.request('/sign-in')
const insider = new Client(base)
await insider.signIn(world.staff.coordinator.email)

const rows: [string, number[], number][] = []
rows.push(['no flood', await otherUsers(clients, Date.now() + SECONDS * 1000), 0])
for (const [name, kind, client] of [
  ['60,000-field forms to /sign-in', 'fields', anonymous],
  ['refused forms to many pages, signed in', 'refused-forms', insider],
] as const) {
  const [times, sent] = await Promise.all([otherUsers(clients, Date.now() + SECONDS * 1000), flood(kind, SECONDS, client.cookie, client.token)])
  rows.push([name, times, sent])
}
const flash = await database.db.selectFrom('user_session').select('flash').where('user_id', '=', world.staff.coordinator.id).execute()

console.log(`\nflood (embedded database, ${clients.length} signed-in people opening "My team's work", ${SECONDS}s each)`)
console.log('  '.padEnd(44) + 'requests   p50 ms   p99 ms   flood sent')
for (const [name, times, sent] of rows) {
  console.log(
    `  ${name.padEnd(42)}${String(times.length).padStart(8)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 99).toFixed(1).padStart(8)} ${String(sent).padStart(12)}`,
  )
}
console.log(`  the insider's session row afterwards: ${Math.round(JSON.stringify(flash.map((row) => row.flash)).length / 1024)} KB`)
await app.close()
await database.close()
