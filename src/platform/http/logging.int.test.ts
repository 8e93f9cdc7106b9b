import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Browser } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { referralSent, signedIn } from '../../../test/support/referral-steps.ts'
import { logOptions } from './logging.ts'

describe(`logs hold nothing personal (${engine})`, () => {
  let t: TestApp
  const lines: string[] = []
  before(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      },
    })
    t = await startTestApp({}, { logger: { ...logOptions('trace'), stream } })
  })
  after(async () => t.close())

  test('a whole referral, a failed sign-in, a search and a refused form leave no names, emails, searches or session ids in the logs', async () => {
    const referrer = await signedIn(t, 'referrer')
    await referralSent(referrer, { familyName: 'Quuxworthy' })
    await referrer.get('/people?name=Quuxworthy&dateOfBirth-day=3&dateOfBirth-month=4&dateOfBirth-year=1990')
    await referrer.post('/referrals', {}, { withToken: false })
    const stranger = new Browser(t.app)
    await stranger.signIn('someone.private@example.org', 'a secret password')
    // One-time links are bearer tokens: whoever reads one in a log could take the account.
    const setPasswordToken = 'SetPasswordTokenThatMustNotBeLogged0123456'
    const setupToken = 'SetupTokenThatMustNotBeLoggedAnywhere012345'
    await stranger.get(`/set-password/${setPasswordToken}`)
    await stranger.post(`/set-password/${setPasswordToken}`, { password: 'x' })
    await stranger.get(`/setup/${setupToken}`)
    await stranger.get(`/no-such-page/${setupToken}?q=${setPasswordToken}`)
    const signInToken = 'SignInLinkTokenThatMustNotBeLoggedAnywhere0'
    await stranger.get(`/sign-in/link/${signInToken}`)
    await stranger.post(`/sign-in/link/${signInToken}`, {})
    await stranger.get('/sign-in/link')
    await stranger.post('/sign-in/link', { email: 'someone.private@example.org' })
    // A family member's code and word sign in: neither may reach a log, whatever the answer.
    await stranger.get('/your-advocacy/sign-in')
    await stranger.post('/your-advocacy/sign-in', { code: 'QWXY-KMNP-FAMC', word: 'familywordsecret' })
    await stranger.post('/your-advocacy/sign-in/word', { code: 'QWXY-KMNP-FAMC', word: 'familywordsecret', confirmation: 'familywordsecret' })
    await stranger.get('/your-advocacy/sign-in?code=QWXY-KMNP-FAMC')

    const log = lines.join('')
    assert.ok(lines.length > 20, 'requests were logged')
    for (const secret of [
      'Quuxworthy',
      'Maria',
      'someone.private',
      'a secret password',
      t.world.staff.referrer.email,
      'Spanish',
      'Dyslexia',
      'dateOfBirth-year',
      'SetPasswordTokenThatMustNotBeLogged',
      'SetupTokenThatMustNotBeLogged',
      'SignInLinkTokenThatMustNotBeLogged',
      'QWXY',
      'KMNP-FAMC',
      'familywordsecret',
    ]) {
      assert.ok(!log.includes(secret), `the logs do not contain "${secret}"`)
    }
    assert.doesNotMatch(log, /alongside-session=/, 'no session cookie')
    assert.match(log, /"route":"\/referrals\/:referralId\/section-1"/, 'routes are logged by their pattern')
    assert.match(log, /"route":"\/set-password\/:token"/, 'a one-time link is logged by its pattern alone')
    assert.match(log, /"route":"\/sign-in\/link\/:token"/, 'and so is a link to sign in')
    assert.match(log, /"route":"\/your-advocacy\/sign-in"/, 'a family sign-in is logged by its route alone')
  })
})
