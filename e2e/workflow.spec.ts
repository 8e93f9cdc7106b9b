import { AdvocacyPersonPage } from './pages/advocacy-person-page.ts'
import { DecisionPage } from './pages/decision-page.ts'
import { MatchesPage } from './pages/matches-page.ts'
import { MyPeoplePage } from './pages/my-people-page.ts'
import { OfferPage } from './pages/offer-page.ts'
import { OutcomePage } from './pages/outcome-page.ts'
import { PassToManagerPage } from './pages/pass-to-manager-page.ts'
import { ReferralPage } from './pages/referral-page.ts'
import { RequestSentPage } from './pages/request-sent-page.ts'
import { SignOffPage } from './pages/sign-off-page.ts'
import { SignOffRequestPage } from './pages/sign-off-request-page.ts'
import { WithdrawPage } from './pages/withdraw-page.ts'
import { MyWorkPage, TeamWorkPage } from './pages/worktray-page.ts'
import { CheckAnswersPage } from './pages/check-answers-page.ts'
import { demoAccount, signOut } from './support/accounts.ts'
import { expect, test } from './support/fixtures.ts'
import { addDays, fullName, longDate, newReferral, ukToday } from './support/referral-data.ts'
import { addChild, addMeeting, addNewParent, completeSectionOne, findPersonThroughPeople, referrerSendsReferral, signIn } from './support/referral-journey.ts'

/**
 * The Advocacy Workflow as each role walks it in a browser, signing in as each demo account in turn:
 * the referrer (social worker), FGC Advocacy Admin, the FGC Service Manager and the advocate. Each test makes a
 * referral of its own, for a parent nobody else has.
 */

const managerName = demoAccount('manager').displayName
/** The demo advocate account signs in as Maria Lopez, from the demo's advocate pool. */
const advocateName = 'Maria Lopez'

// Each journey crosses 30 to 50 pages, with axe on every one: more than the default minute.
test.describe.configure({ timeout: 900_000 })

test('Advocacy Completed: referral, request, decision, an offer the advocate accepts, outcome and sign-off, each by its own role', async ({ page }) => {
  const referral = newReferral()
  const person = fullName(referral.parent)

  await test.step('the referrer completes Section 1 and sends the request', async () => {
    await signIn(page, 'referrer')
    await referrerSendsReferral(page, referral)
    await signOut(page)
  })

  await test.step("FGC Advocacy Admin finds it in the team's work and passes it to a service manager", async () => {
    const myWork = await signIn(page, 'admin')
    await myWork.goToTeamWork()
    const teamWork = await TeamWorkPage.verifyOnPage(page)
    await expect(teamWork.row(person)).toContainText('Pass to FGC Service Manager')
    await expect(teamWork.row(person)).not.toContainText('Late referral')
    await teamWork.openReferral(person)

    const referralPage = await ReferralPage.verifyOnPage(page, person)
    await referralPage.takeAction('Pass to FGC Service Manager')
    const pass = await PassToManagerPage.verifyOnPage(page)
    await expect(pass.lateWarning).toHaveCount(0)
    await pass.passTo(managerName, 'Please decide: the conference is in three weeks.')

    const after = await TeamWorkPage.verifyOnPage(page)
    await expect(after.successBanner('Passed to the service manager')).toBeVisible()
    await expect(after.row(person), 'it now waits on the manager, not the team').toHaveCount(0)
    await signOut(page)
  })

  await test.step("the service manager records the Advocacy Manager's Decision: progress", async () => {
    const myWork = await signIn(page, 'manager')
    await expect(myWork.row(person)).toContainText("Advocacy Manager's Decision")
    await myWork.openReferral(person)

    const referralPage = await ReferralPage.verifyOnPage(page, person)
    await expect(referralPage.tag("Awaiting manager's decision")).toBeVisible()
    await expect(referralPage.tag('Late referral')).toHaveCount(0)
    await referralPage.takeAction("Record the Advocacy Manager's Decision")

    const decision = await DecisionPage.verifyOnPage(page)
    await decision.decide({
      nextAction: 'progress',
      advocateType: 'Parent peer advocate',
      priority: 'High',
      reasons: 'The parent would benefit from an advocate who shares her language. The conference is soon.',
    })

    const decided = await ReferralPage.verifyOnPage(page, person)
    await expect(decided.successBanner('Child Protection Advocacy Review assigned to FGC Advocacy Admin')).toBeVisible()
    await expect(decided.tag('Child Protection Advocacy Review')).toBeVisible()
    await expect(decided.tag('High priority')).toBeVisible()
    await expect(decided.summaryValue("Section 2: Advocacy Manager's Decision", 'Type of advocate')).toHaveText('Parent peer advocate')
    await signOut(page)
  })

  await test.step('FGC Advocacy Admin finds an advocate and offers the referral to Maria Lopez', async () => {
    const myWork = await signIn(page, 'admin')
    await myWork.goToTeamWork()
    const teamWork = await TeamWorkPage.verifyOnPage(page)
    await expect(teamWork.row(person)).toContainText('Child Protection Advocacy Review')
    await expect(teamWork.row(person)).toContainText('High priority')
    await teamWork.openReferral(person)

    const referralPage = await ReferralPage.verifyOnPage(page, person)
    await expect(referralPage.action('Record the advocate'), 'the advocate is no longer typed in').toHaveCount(0)
    await referralPage.takeAction('Find an advocate')

    const matches = await MatchesPage.verifyOnPage(page)
    await expect(matches.need(person, 'Language'), "the person's needs are shown while choosing").toHaveText('Spanish')
    await expect(matches.need(person, 'Advocate')).toHaveText('A woman')
    await expect(matches.need(person, 'Kind of advocate'), "the manager's choice of advocate type").toHaveText('Parent peer advocate')
    const maria = matches.candidate(advocateName)
    await expect(matches.reasons(maria)).toContainText(['speaks Spanish', 'woman, as asked', 'trained in dyslexia awareness'])
    await matches.offerTo(advocateName)

    const offered = await ReferralPage.verifyOnPage(page, person)
    await expect(offered.successBanner('Offer sent')).toBeVisible()
    await expect(offered.tag('Offered to an advocate')).toBeVisible()
    await expect(offered.summaryValue('Child Protection Advocacy Review', 'Advocate')).toHaveText('Offered, waiting for an answer')
    await expect(offered.summaryValue('Offers and allocations', advocateName)).toContainText('Offered, waiting for an answer')
    await signOut(page)
  })

  await test.step('the advocate, Maria Lopez, sees the offer in her work and accepts it', async () => {
    const myWork = await signIn(page, 'advocate')
    await expect(myWork.row(person)).toContainText('Answer the offer')
    await myWork.goToMyPeople()

    const myPeople = await MyPeoplePage.verifyOnPage(page)
    await expect(myPeople.offer(person)).toContainText('Initial child protection conference')
    await myPeople.openOffer(person)
    const offer = await OfferPage.verifyOnPage(page, person)
    await expect(page.getByText(referral.sectionOne.preferenceDetails), 'she reads what helps them before answering').toBeVisible()
    await offer.accept()

    const personPage = await AdvocacyPersonPage.verifyOnPage(page, person)
    await expect(personPage.successBanner('Thank you for accepting')).toBeVisible()
    await personPage.goToMyPeople()
    const after = await MyPeoplePage.verifyOnPage(page)
    await expect(after.offer(person)).toHaveCount(0)
    await expect(after.person(person)).toBeVisible()
    await signOut(page)
  })

  await test.step('FGC Advocacy Admin records the Advocacy Outcome, and sends it for sign-off', async () => {
    const myWork = await signIn(page, 'admin')
    await myWork.goToTeamWork()
    const teamWork = await TeamWorkPage.verifyOnPage(page)
    await expect(teamWork.row(person)).toContainText('Child Protection Advocacy Review')
    await teamWork.openReferral(person)

    let referralPage = await ReferralPage.verifyOnPage(page, person)
    await expect(referralPage.summaryValue('Child Protection Advocacy Review', 'Advocate')).toHaveText(advocateName)
    await expect(referralPage.summaryValue('Offers and allocations', advocateName)).toContainText('Accepted')
    await referralPage.takeAction('Complete the Advocacy Outcome form')

    const outcome = await OutcomePage.verifyOnPage(page)
    await outcome.record({
      contacts: '4',
      contactSummary: 'Two home visits and two phone calls, in Spanish',
      attended: 'Yes',
      viewsHeard: 'Yes, fully',
      meetingOutcome: 'Child protection plan made',
      hours: '6.5',
      notes: 'The parent spoke for herself at the conference.',
    })

    referralPage = await ReferralPage.verifyOnPage(page, person)
    await expect(referralPage.successBanner('Advocacy Outcome recorded')).toBeVisible()
    await expect(referralPage.summaryValue('Advocacy Outcome', 'Hours of advocacy')).toHaveText('6.5')
    await referralPage.takeAction('Send to FGC Service Manager for sign-off')

    const signOffRequest = await SignOffRequestPage.verifyOnPage(page)
    await expect(signOffRequest.manager(managerName), 'the deciding manager is offered first').toBeChecked()
    await signOffRequest.send(managerName)

    const after = await TeamWorkPage.verifyOnPage(page)
    await expect(after.successBanner('Sent for sign-off')).toBeVisible()
    await expect(after.row(person)).toHaveCount(0)
    await signOut(page)
  })

  await test.step('the service manager signs it off: Advocacy Completed', async () => {
    const myWork = await signIn(page, 'manager')
    await expect(myWork.row(person)).toContainText('Sign off: Advocacy Completed')
    await myWork.openReferral(person)

    const referralPage = await ReferralPage.verifyOnPage(page, person)
    await referralPage.takeAction('Sign off the advocacy')
    const signOff = await SignOffPage.verifyOnPage(page)
    await signOff.complete()

    const completed = await ReferralPage.verifyOnPage(page, person)
    await expect(completed.successBanner('Advocacy Completed')).toBeVisible()
    await expect(completed.tag('Advocacy Completed')).toBeVisible()
    await expect(completed.action('Sign off the advocacy'), 'an ended workflow offers no more steps').toHaveCount(0)
    await signOut(page)
  })

  await test.step('the referrer sees it completed, with its timeline', async () => {
    const myWork = await signIn(page, 'referrer')
    await expect(myWork.endedHeading).toBeVisible()
    await expect(myWork.ending(person)).toContainText('Advocacy Completed')
    await myWork.openEnding(person)

    const completed = await ReferralPage.verifyOnPage(page, person)
    await expect(completed.tag('Advocacy Completed')).toBeVisible()
    await expect(page.getByText(`Advocacy Completed on ${longDate(ukToday())}`)).toBeVisible()
    await expect(completed.summaryValue('Child Protection Advocacy Review', 'Advocate')).toHaveText(advocateName)
    await expect(completed.summaryValue('Advocacy Outcome', 'Hours of advocacy')).toHaveText('6.5')
    await expect(completed.timeline, 'the timeline, newest first').toHaveText([
      'Advocacy Completed',
      'Advocacy Outcome sent to FGC Service Manager for sign-off',
      'Advocacy Outcome recorded',
      'Offer accepted: advocate allocated',
      'Offered to an advocate',
      "Advocacy Manager's Decision: Child Protection Advocacy Review, assigned to FGC Advocacy Admin",
      'Passed to FGC Service Manager',
      "Section 1 completed and 'Pass to FGC Service Manager' request sent to FGC Advocacy Admin",
      'Child Protection Advocacy Referral started',
    ])
    await signOut(page)
  })
})

test('No Further Action: a late referral is flagged, the manager ends it, and the referrer reads why', async ({ page }) => {
  const lateReason = 'The review conference was brought forward at short notice by the chair.'
  const referral = newReferral({
    familyName: 'Okoro',
    meeting: { type: 'Review child protection conference', date: addDays(ukToday(), 5) },
    lateReason,
  })
  const person = fullName(referral.parent)
  const reasons = 'The parent already has an advocate from a local charity, who will go to the conference with her.'

  await test.step('the referrer is asked why the referral is late before it can be sent', async () => {
    await signIn(page, 'referrer')
    await addNewParent(page, referral)
    await addChild(page, referral)
    await addMeeting(page, referral)
    await completeSectionOne(page, referral)

    const check = await CheckAnswersPage.verifyOnPage(page)
    await expect(page.getByText('This referral is late. It is needed at least 14 days before the meeting, and the meeting is in 5 days.')).toBeVisible()
    await expect(check.lateReason).toBeVisible()
    await check.send()

    const refused = await CheckAnswersPage.verifyOnPage(page)
    await expect(page).toHaveTitle(/^Error: /)
    await expect(refused.errorSummary.getByRole('link')).toHaveText(['Say why the referral is being made late'])
    await refused.lateReason.fill(lateReason)
    await refused.note.fill(referral.note)
    await refused.send()

    const sent = await RequestSentPage.verifyOnPage(page)
    await expect(page.getByText('The referral was late, so the service manager will see the reason you gave.')).toBeVisible()
    await sent.viewTheReferral()
    const referralPage = await ReferralPage.verifyOnPage(page, person)
    await expect(referralPage.tag('Late referral')).toBeVisible()
    await signOut(page)
  })

  await test.step('FGC Advocacy Admin sees the flag and passes it on', async () => {
    const myWork = await signIn(page, 'admin')
    await myWork.goToTeamWork()
    const teamWork = await TeamWorkPage.verifyOnPage(page)
    await expect(teamWork.row(person)).toContainText('Late referral')
    await teamWork.openReferral(person)
    const referralPage = await ReferralPage.verifyOnPage(page, person)
    await referralPage.takeAction('Pass to FGC Service Manager')
    const pass = await PassToManagerPage.verifyOnPage(page)
    await expect(pass.lateWarning).toBeVisible()
    await pass.passTo(managerName, 'Late: please look today.')
    await TeamWorkPage.verifyOnPage(page)
    await signOut(page)
  })

  await test.step('the service manager sees the "Late referral" flag and chooses No Further Action', async () => {
    const myWork = await signIn(page, 'manager')
    await expect(myWork.row(person)).toContainText('Late referral')
    await myWork.openReferral(person)

    const referralPage = await ReferralPage.verifyOnPage(page, person)
    await expect(referralPage.tag('Late referral')).toBeVisible()
    await expect(page.getByText(`The referrer said why: ${lateReason}`)).toBeVisible()
    await referralPage.takeAction("Record the Advocacy Manager's Decision")

    const decision = await DecisionPage.verifyOnPage(page)
    await expect(decision.lateWarning(lateReason)).toBeVisible()
    await decision.decide({ nextAction: 'no further action', reasons })

    const ended = await ReferralPage.verifyOnPage(page, person)
    await expect(ended.successBanner('No Further Action recorded')).toBeVisible()
    await expect(ended.tag('No Further Action')).toBeVisible()
    await signOut(page)
  })

  await test.step('the referrer sees it under "Referrals that have ended" and reads the reasons', async () => {
    const myWork = await signIn(page, 'referrer')
    await expect(myWork.endedHeading).toBeVisible()
    await expect(myWork.ending(person)).toContainText('No Further Action')
    await myWork.openEnding(person)

    const ended = await ReferralPage.verifyOnPage(page, person)
    await expect(ended.tag('No Further Action')).toBeVisible()
    await expect(page.getByText('The service manager decided not to progress this referral. Their reasons:')).toBeVisible()
    await expect(ended.summaryValue("Section 2: Advocacy Manager's Decision", 'Reasons')).toHaveText(reasons)
    await expect(ended.timeline.first()).toHaveText("Advocacy Manager's Decision: No Further Action")

    await ended.goToMyWork()
    const again = await MyWorkPage.verifyOnPage(page)
    await expect(again.ending(person), 'once read, it leaves the list').toHaveCount(0)
    await signOut(page)
  })
})

test("Withdrawal: a referral the referrer withdraws (meeting cancelled) leaves the admin team's work", async ({ page }) => {
  const referral = newReferral({ familyName: 'Novak' })
  const person = fullName(referral.parent)
  let reference = ''

  await test.step('the referrer sends the request', async () => {
    await signIn(page, 'referrer')
    reference = (await referrerSendsReferral(page, referral)).reference
    await signOut(page)
  })

  await test.step("it is in FGC Advocacy Admin's team work", async () => {
    const myWork = await signIn(page, 'admin')
    await myWork.goToTeamWork()
    const teamWork = await TeamWorkPage.verifyOnPage(page)
    await expect(teamWork.row(person)).toContainText('Pass to FGC Service Manager')
    await signOut(page)
  })

  await test.step('the referrer finds it through People and withdraws it: the meeting was cancelled', async () => {
    const myWork = await signIn(page, 'referrer')
    const personPage = await findPersonThroughPeople(page, myWork, referral.parent)
    await expect(personPage.referral(reference)).toContainText('Sent to FGC Advocacy Admin')
    await personPage.openReferral(reference)

    const referralPage = await ReferralPage.verifyOnPage(page, person)
    await referralPage.takeAction('Withdraw this referral')
    const withdraw = await WithdrawPage.verifyOnPage(page)
    await withdraw.withdraw('The meeting was cancelled')

    const after = await MyWorkPage.verifyOnPage(page)
    await expect(after.successBanner('Referral withdrawn')).toBeVisible()
    await expect(after.ending(person)).toContainText('Withdrawn')
    await signOut(page)
  })

  await test.step("it has gone from the admin team's work, and its record says why", async () => {
    const myWork = await signIn(page, 'admin')
    await myWork.goToTeamWork()
    const teamWork = await TeamWorkPage.verifyOnPage(page)
    await expect(teamWork.row(person)).toHaveCount(0)

    const personPage = await findPersonThroughPeople(page, teamWork, referral.parent)
    await expect(personPage.referral(reference)).toContainText('Withdrawn')
    await personPage.openReferral(reference)
    const withdrawn = await ReferralPage.verifyOnPage(page, person)
    await expect(withdrawn.tag('Withdrawn')).toBeVisible()
    await expect(page.getByText('The meeting was cancelled', { exact: true })).toBeVisible()
    await signOut(page)
  })
})
