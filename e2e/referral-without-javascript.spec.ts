import { MeetingPage } from './pages/meeting-page.ts'
import { ReferralPage } from './pages/referral-page.ts'
import { SectionOnePage } from './pages/section-one-page.ts'
import { TeamWorkPage } from './pages/worktray-page.ts'
import { signOut } from './support/accounts.ts'
import { expect, test } from './support/fixtures.ts'
import { fullName, newReferral } from './support/referral-data.ts'
import { addChild, addNewParent, checkAndSend, signIn } from './support/referral-journey.ts'

/**
 * Progressive enhancement: with JavaScript turned off the referrer can still make a referral. Every
 * form posts and redirects on its own, and the GOV.UK conditional reveals simply show their
 * follow-up questions all the time.
 */

test.describe.configure({ timeout: 900_000 })

test('with JavaScript off, the referrer makes and sends a referral: every form works and every follow-up question is shown', async ({
  pageWithoutJavaScript,
  page,
}) => {
  const referral = newReferral({ familyName: 'Silva' })
  const person = fullName(referral.parent)
  const noScript = pageWithoutJavaScript
  const q = SectionOnePage.questions

  await test.step('sign in, find nobody, add the parent and a child (GET search and POST forms)', async () => {
    await signIn(noScript, 'referrer')
    await addNewParent(noScript, referral)
    await addChild(noScript, referral)
  })

  await test.step('the meeting: the "Another meeting" follow-up is shown without choosing it', async () => {
    const meeting = await MeetingPage.verifyOnPage(noScript)
    await expect(noScript.getByRole('textbox', { name: 'What kind of meeting is it?' })).toBeVisible()
    await meeting.fillIn(referral.meeting)
    await meeting.saveAndContinue()
  })

  await test.step('Section 1: every conditional question is shown before anything is answered', async () => {
    const sectionOne = await SectionOnePage.verifyOnPage(noScript)
    await expect(sectionOne.answer(q.consent, 'Yes')).not.toBeChecked()
    await expect(sectionOne.question(q.consentMethod)).toBeVisible()
    await expect(sectionOne.dayOf(q.consentDate)).toBeVisible()
    await expect(sectionOne.preferenceDetails).toBeVisible()
    await expect(sectionOne.question(q.gender)).toBeVisible()
    await expect(sectionOne.languages).toBeVisible()
    await expect(sectionOne.question(q.interpreter)).toBeVisible()
    await expect(sectionOne.disabilityDetails).toBeVisible()
    await expect(sectionOne.question(q.adjustments)).toBeVisible()
    await expect(sectionOne.otherNeedsDetails).toBeVisible()

    await sectionOne.answerAll(referral.sectionOne)
    await sectionOne.saveAndContinue()
  })

  await test.step('check answers, send the request, and sign out', async () => {
    const { sent } = await checkAndSend(noScript, referral)
    await sent.viewTheReferral()
    const referralPage = await ReferralPage.verifyOnPage(noScript, person)
    await expect(referralPage.tag('Sent to FGC Advocacy Admin')).toBeVisible()
    await expect(referralPage.summaryValue('Section 1: Child Protection Advocacy Referral', 'Disability, including learning needs')).toContainText(
      'Visual aids',
    )
    await signOut(noScript)
  })

  await test.step("it arrives in FGC Advocacy Admin's team work", async () => {
    const myWork = await signIn(page, 'admin')
    await myWork.goToTeamWork()
    const teamWork = await TeamWorkPage.verifyOnPage(page)
    await expect(teamWork.row(person)).toContainText('Pass to FGC Service Manager')
    await signOut(page)
  })
})
