import type { Page } from '@playwright/test'
import { CheckAnswersPage } from '../pages/check-answers-page.ts'
import { ChildrenPage } from '../pages/children-page.ts'
import { FindPersonPage } from '../pages/find-person-page.ts'
import { MeetingPage } from '../pages/meeting-page.ts'
import { NewChildPage } from '../pages/new-child-page.ts'
import { NewPersonPage } from '../pages/new-person-page.ts'
import { FindAPersonPage } from '../pages/find-a-person-page.ts'
import { PersonPage } from '../pages/person-page.ts'
import { ReferralPage } from '../pages/referral-page.ts'
import { RequestSentPage } from '../pages/request-sent-page.ts'
import { SectionOnePage } from '../pages/section-one-page.ts'
import { StartPage } from '../pages/start-page.ts'
import { MyWorkPage } from '../pages/worktray-page.ts'
import { signInAs, type DemoRole } from './accounts.ts'
import { expect } from './fixtures.ts'
import { dateParts, fullName, longDate, type PersonDetails, type ReferralDetails } from './referral-data.ts'

/**
 * The referrer's part of the Advocacy Workflow, one page at a time, as steps a journey can run in
 * order or put its own checks between. Each step starts on the page the last one left.
 */

/** From any page with the menu: People, search for the person (whole name and date of birth), open their page. */
export async function findPersonThroughPeople(page: Page, from: { goToPeople(): Promise<void> }, person: PersonDetails): Promise<PersonPage> {
  await from.goToPeople()
  const find = await FindAPersonPage.verifyOnPage(page)
  await find.search(person)
  const results = await FindAPersonPage.verifyOnPage(page)
  await results.open(fullName(person))
  return PersonPage.verifyOnPage(page, fullName(person))
}

/** Signs in through the sign-in page and lands on "My work". */
export async function signIn(page: Page, role: DemoRole): Promise<MyWorkPage> {
  await signInAs(page, role)
  return MyWorkPage.landedOn(page)
}

/** From "My work": Start a referral → Start now → a search that finds nobody → a new parent. */
export async function addNewParent(page: Page, referral: ReferralDetails): Promise<void> {
  const myWork = await MyWorkPage.landedOn(page)
  await myWork.startAReferral()
  const start = await StartPage.verifyOnPage(page)
  await start.startNow()

  const find = await FindPersonPage.verifyOnPage(page)
  await find.search(referral.parent)
  const results = await FindPersonPage.verifyOnPage(page)
  await expect(results.resultsHeading('0 people found')).toBeVisible()
  await results.addNewPerson()

  const newPerson = await NewPersonPage.verifyOnPage(page)
  // The name and date of birth searched for are carried over.
  await expect(newPerson.givenName).toHaveValue(referral.parent.givenName)
  await expect(newPerson.familyName).toHaveValue(referral.parent.familyName)
  await expect(page.getByRole('group', { name: 'Date of birth (optional)' }).getByRole('textbox', { name: 'Year' })).toHaveValue(
    dateParts(referral.parent.dateOfBirth).year,
  )
  await newPerson.fillIn(referral.parent)
  await newPerson.saveAndContinue()
}

/** The children page (empty for a new family) → Add a child → back, with the child ticked. */
export async function addChild(page: Page, referral: ReferralDetails): Promise<void> {
  const children = await ChildrenPage.verifyOnPage(page, { withChildren: false })
  await expect(page.getByText(`No children are recorded in ${fullName(referral.parent)}'s family yet.`)).toBeVisible()
  await children.addAChild()

  const newChild = await NewChildPage.verifyOnPage(page)
  await newChild.fillIn(referral.child)
  await newChild.addChild()

  const chosen = await ChildrenPage.verifyOnPage(page, { withChildren: true })
  await expect(chosen.child(fullName(referral.child))).toBeChecked()
  await chosen.saveAndContinue()
}

export async function addMeeting(page: Page, referral: ReferralDetails): Promise<void> {
  const meeting = await MeetingPage.verifyOnPage(page)
  await meeting.fillIn(referral.meeting)
  await meeting.saveAndContinue()
}

export async function completeSectionOne(page: Page, referral: ReferralDetails): Promise<void> {
  const sectionOne = await SectionOnePage.verifyOnPage(page)
  await sectionOne.answerAll(referral.sectionOne)
  await sectionOne.saveAndContinue()
}

/** Check answers shows what was typed; the request is sent (with the reason, for a late referral). */
export async function checkAndSend(page: Page, referral: ReferralDetails): Promise<{ sent: RequestSentPage; reference: string }> {
  const check = await CheckAnswersPage.verifyOnPage(page)
  await expect(check.summaryValue('Parent or carer', 'Name')).toHaveText(fullName(referral.parent))
  await expect(check.summaryValue('Children', fullName(referral.child))).toBeVisible()
  await expect(check.summaryValue('Meeting', 'Type')).toHaveText(referral.meeting.type)
  await expect(check.summaryValue('Meeting', 'Date')).toContainText(longDate(referral.meeting.date))
  const sectionOne = 'Section 1: Child Protection Advocacy Referral'
  await expect(check.summaryValue(sectionOne, 'Has the person consented to the referral?')).toContainText(
    `Yes: ${referral.sectionOne.consentMethod.toLowerCase()}`,
  )
  await expect(check.summaryValue(sectionOne, "Preference about the advocate's gender, cultural heritage or spoken language")).toContainText(
    `Languages: ${referral.sectionOne.preferredLanguages}`,
  )
  for (const adjustment of referral.sectionOne.adjustments) {
    await expect(check.summaryValue(sectionOne, 'Disability, including learning needs')).toContainText(adjustment)
  }
  if (referral.lateReason) {
    await check.lateReason.fill(referral.lateReason)
  } else {
    await expect(check.lateReason, 'an on-time referral is not asked why it is late').toHaveCount(0)
  }
  await check.note.fill(referral.note)
  await check.send()

  const sent = await RequestSentPage.verifyOnPage(page)
  return { sent, reference: await sent.reference() }
}

/** The whole of the referrer's part, from "My work" to the sent referral's page. */
export async function referrerSendsReferral(page: Page, referral: ReferralDetails): Promise<{ reference: string }> {
  await addNewParent(page, referral)
  await addChild(page, referral)
  await addMeeting(page, referral)
  await completeSectionOne(page, referral)
  const { sent, reference } = await checkAndSend(page, referral)
  await sent.viewTheReferral()
  const referralPage = await ReferralPage.verifyOnPage(page, fullName(referral.parent))
  await expect(referralPage.tag('Sent to FGC Advocacy Admin')).toBeVisible()
  await expect(referralPage.summary('Waiting on')).toHaveText('FGC Advocacy Admin')
  return { reference }
}
