import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { tableRows } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { localService } from '../../../../test/support/pool.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

describe(`the directory of local services (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('lists each service with its contact, languages and specialisms, and says which are not taking referrals', async () => {
    await localService(t, { name: 'Deaf Advocacy', languages: ['BSL'], specialisms: ['deaf'] })
    await localService(t, { name: 'Closed Service', languages: [], active: false })
    await localService(t, { name: 'Elsewhere Advocacy', authorityId: t.world.elsewhere.authorityId })
    const coordinator = await signedIn(t, 'coordinator')
    const page = await coordinator.get('/local-services')
    assert.equal(page.status, 200)
    assert.deepEqual(tableRows(page.document, 'Local services'), [
      ['Closed Service (not taking referrals) hello@local-service.example', 'English', 'None listed'],
      ['Deaf Advocacy hello@local-service.example', 'BSL', 'Deaf people (BSL)'],
    ])
  })

  test('the advocacy admins, managers and the coordinator keep it; nobody else sees it', async () => {
    for (const who of ['admin', 'manager', 'coordinator'] as const) assert.equal((await (await signedIn(t, who)).get('/local-services')).status, 200, who)
    for (const who of ['referrer', 'advocate', 'analyst', 'sysadmin'] as const) {
      assert.equal((await (await signedIn(t, who)).get('/local-services')).status, 403, who)
    }
  })
})
