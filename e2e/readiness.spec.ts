import { ReadinessPage } from './pages/readiness-page.ts'
import { ReferralPage } from './pages/referral-page.ts'
import { TeamWorkPage } from './pages/worktray-page.ts'
import { signOut } from './support/accounts.ts'
import { expect, test } from './support/fixtures.ts'
import { addDays, fullName, newReferral, ukToday } from './support/referral-data.ts'
import { referrerSendsReferral, signIn } from './support/referral-journey.ts'

/**
 * Issue 12: FGC Advocacy Admin works a meeting to "ready"; the referrer then sees that the report
 * reached the family late. The conference is two days away, so the report (due 3 working days
 * before it, by the default local rule) is already late.
 */
test.describe.configure({ timeout: 900_000 })

test('an admin works a meeting to ready, and the referrer sees the report item late', async ({ page }) => {
  const today = ukToday()
  const referral = newReferral({ familyName: 'Readiness', meeting: { date: addDays(today, 2) }, lateReason: 'The conference was called at short notice.' })
  const person = fullName(referral.parent)
  let readinessAddress = ''

  await test.step('the referrer sends the referral', async () => {
    await signIn(page, 'referrer')
    await referrerSendsReferral(page, referral)
    await signOut(page)
  })

  await test.step('FGC Advocacy Admin opens the meeting’s readiness from the referral and records each item', async () => {
    const myWork = await signIn(page, 'admin')
    await myWork.goToTeamWork()
    const teamWork = await TeamWorkPage.verifyOnPage(page)
    await teamWork.openReferral(person)
    await ReferralPage.verifyOnPage(page, person)
    await page.getByRole('link', { name: 'Is the meeting ready for the family?' }).click()

    const readiness = await ReadinessPage.verifyOnPage(page)
    readinessAddress = new URL(page.url()).pathname
    await expect(readiness.tag('Not ready yet')).toBeVisible()
    await expect(readiness.item('Social worker’s report')).toContainText('Late')
    await expect(readiness.item('Advocate has met the person')).toBeVisible()

    await readiness.fillDate('reportSharedOn', today)
    await readiness.fillDate('chairMetOn', today)
    await readiness.choose('fgcStatus', 'not_possible')
    await page.getByLabel('If there will be none, why not?').fill('The conference is in two days: there is no time.')
    await readiness.choose('fgcPlan', 'no')
    await readiness.choose('interpreterBooked', 'yes')
    await readiness.choose('adjustmentsInPlace', 'yes')
    await readiness.fillDate('advocateMetOn', today)
    await readiness.choose('venueConfirmed', 'yes')
    await readiness.choose('askedCommunityVenue', 'no')
    await readiness.choose('askedAnotherTime', 'no')
    await readiness.save()

    const saved = await ReadinessPage.verifyOnPage(page)
    await expect(saved.successBanner('Readiness saved')).toBeVisible()
    await expect(saved.tag('Ready')).toBeVisible()
    await expect(saved.item('Social worker’s report')).toContainText('Done late')
    await signOut(page)
  })

  await test.step('the referrer sees the report was shared late, and nothing of the advocate’s meeting with the person', async () => {
    await signIn(page, 'referrer')
    await page.goto(readinessAddress)
    const readiness = await ReadinessPage.verifyOnPage(page)
    await expect(readiness.item('Social worker’s report')).toContainText('Done late')
    await expect(readiness.item('Advocate has met the person')).toHaveCount(0)
    await expect(readiness.items).toHaveCount(6)
    await signOut(page)
  })
})
