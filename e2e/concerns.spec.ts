import { ConcernPage, ConcernRulesPage } from './pages/concern-pages.ts'
import { FamilyPage, LetterPage, WayInPage } from './pages/family-pages.ts'
import { ReferralPage } from './pages/referral-page.ts'
import { MyWorkPage, TeamWorkPage } from './pages/worktray-page.ts'
import { demoAccount, signOut } from './support/accounts.ts'
import { expect, expectAccessible, test } from './support/fixtures.ts'
import { fullName, newReferral } from './support/referral-data.ts'
import { referrerSendsReferral, signIn } from './support/referral-journey.ts'
import { advanceServiceClock, resetServiceClock } from './support/service-clock.ts'

/**
 * Issue 11, ADR 25: concerns that are never lost. The service manager puts herself first on the list
 * and the advocacy admin as her deputy. A parent, on her own pages, tells someone now and sees 999
 * before anything else; nobody acknowledges it in working hours (the service's clock is moved on a
 * week), so it goes to the deputy, at the top of her work, and she acknowledges it. Axe checks every
 * page, at 320 pixels too.
 */

test.describe.configure({ timeout: 900_000 })

// The journeys share one service: the week this journey lets pass is given back when it ends, pass or fail.
test.afterEach(({ baseURL }) => resetServiceClock(baseURL ?? 'http://127.0.0.1:3100'))

test('a parent tells someone now; not acknowledged in time, it escalates to the deputy, who acknowledges it', async ({ page, browser, baseURL }) => {
  const referral = newReferral({ familyName: 'Concern' })
  const person = fullName(referral.parent)
  const manager = demoAccount('manager').displayName
  const deputy = demoAccount('admin').displayName
  let code = ''

  await test.step('the service manager puts herself first on the list, and the advocacy admin as her deputy', async () => {
    await signIn(page, 'manager')
    await page.goto('/admin/settings/concerns')
    const rules = await ConcernRulesPage.verifyOnPage(page)
    await rules.choose('First to receive a concern', `${manager} (service manager)`)
    await rules.choose('Deputy (told at once, and next if it is not acknowledged)', `${deputy} (advocacy admin)`)
    await rules.save()
    const saved = await ConcernRulesPage.verifyOnPage(page)
    await expect(saved.successBanner('Rules for concerns saved')).toBeVisible()
    await signOut(page)
  })

  await test.step('the referrer sends the referral, and the admin gives the parent a way in', async () => {
    await signIn(page, 'referrer')
    await referrerSendsReferral(page, referral)
    await signOut(page)
    const myWork = await signIn(page, 'admin')
    await myWork.goToTeamWork()
    const teamWork = await TeamWorkPage.verifyOnPage(page)
    await teamWork.openReferral(person)
    await ReferralPage.verifyOnPage(page, person)
    await page.getByRole('link', { name: 'Give them a way in, or change it' }).click()
    const wayIn = await WayInPage.verifyOnPage(page)
    await wayIn.issue()
    const letter = await LetterPage.verifyOnPage(page, 'Cómo entrar para ver su apoyo en internet')
    code = await letter.code()
    await signOut(page)
  })

  await test.step('on her own pages she tells someone now, and sees the numbers to call before anything else', async () => {
    const context = await browser.newContext(baseURL ? { baseURL } : {})
    const family = await context.newPage()
    try {
      await family.goto('/your-advocacy')
      await FamilyPage.verifyOnPage(family, 'Sign in to see your advocacy')
      await family.getByLabel('Your code').fill(code)
      await family.getByRole('button', { name: 'Sign in' }).click()
      await FamilyPage.verifyOnPage(family, 'Choose your word or PIN')
      await family.getByLabel('Your word or PIN', { exact: true }).fill('blue kettle')
      await family.getByLabel('Type it again').fill('blue kettle')
      await family.getByRole('button', { name: 'Save and sign in' }).click()
      await FamilyPage.verifyOnPage(family, 'Cómo va todo')
      await family.getByRole('link', { name: 'English' }).click()
      await FamilyPage.verifyOnPage(family, 'Where things stand')

      await family.getByRole('link', { name: 'Tell someone now' }).click()
      await FamilyPage.verifyOnPage(family, 'Tell someone now')
      const numbers = family.locator('[data-emergency]')
      await expect(numbers).toContainText('If you or a child are in danger now, call 999.')
      await expect(numbers).toContainText("To talk to children's services, call the phone number on your letter.")
      await family.getByRole('button', { name: 'Send it now' }).click()
      const refused = await FamilyPage.verifyOnPage(family, 'Tell someone now')
      await expect(refused.errorSummary).toContainText('Choose who you are worried about')
      await family.getByLabel('A child', { exact: true }).check()
      await family.getByLabel('What is worrying you?').fill('My ex came to the house last night and shouted at my son.')
      await family.getByRole('button', { name: 'Send it now' }).click()

      await FamilyPage.verifyOnPage(family, 'We have your message')
      const first = family.locator('main .govuk-grid-column-two-thirds > *').first()
      await expect(first).toHaveAttribute('data-emergency', '')
      await expect(first).toContainText('call 999')
      await expect(family.getByText('Someone must read it within 4 working hours.')).toBeVisible()
      await expect(family.getByText('If they do not, it goes to the next person. It will not be lost.')).toBeVisible()
      await expect(family.locator('[data-your-concerns]')).toContainText('We have it. Someone will read it soon.')
    } finally {
      await context.close()
    }
  })

  await test.step('nobody acknowledges it in working hours: a week passes, and it goes to the deputy', async () => {
    advanceServiceClock(baseURL ?? 'http://127.0.0.1:3100', 7 * 24 * 60)
    const myWork = await signIn(page, 'admin')
    // The escalate-concerns job runs at the service's next tick (every 15 seconds): look again until
    // it has. The deputy was told at once, so the concern is in her work before then: wait until it is with her.
    await expect(async () => {
      await page.reload()
      await expectAccessible(page)
      await expect(page.locator('#concerns-waiting').getByRole('link', { name: person })).toBeVisible({ timeout: 1_000 })
      await expect(page.locator('#concerns-waiting')).toContainText(deputy, { timeout: 1_000 })
    }).toPass({ timeout: 60_000 })
    await MyWorkPage.verifyOnPage(page)
    await expect(myWork.heading).toBeVisible()
    await expect(page.locator('main h1 + *')).toHaveAttribute('id', 'concerns-waiting')
    await expect(page.locator('#concerns-waiting')).toContainText('To acknowledge')
  })

  await test.step('the deputy reads it and acknowledges it, saying what she will do', async () => {
    await page.locator('#concerns-waiting').getByRole('link', { name: person }).click()
    const concern = await ConcernPage.verifyOnPage(page)
    await expect(concern.value('With')).toHaveText(deputy)
    await expect(concern.value('What they said')).toHaveText('My ex came to the house last night and shouted at my son.')
    await expect(concern.steps).toContainText([
      /Raised/,
      new RegExp(`Sent to ${escape(manager)}`),
      new RegExp(`Deputy told ${escape(deputy)}`),
      new RegExp(`passed to ${escape(deputy)}`),
    ])
    await concern.acknowledge('I will call her this morning and speak to her social worker.')
    const acknowledged = await ConcernPage.verifyOnPage(page)
    await expect(acknowledged.successBanner('Concern acknowledged')).toBeVisible()
    await expect(acknowledged.state).toHaveText('Acknowledged')
    await expect(acknowledged.steps.last()).toContainText(`Acknowledged by ${deputy}`)
    await signOut(page)
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
