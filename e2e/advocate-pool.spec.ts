import { readFile } from 'node:fs/promises'
import type { Browser, Page } from '@playwright/test'
import { AccountCreatedPage } from './pages/account-created-page.ts'
import { AccreditationPage } from './pages/accreditation-page.ts'
import { AddAdvocatePage, type NewAdvocate } from './pages/add-advocate-page.ts'
import { AdvocacyPersonPage } from './pages/advocacy-person-page.ts'
import { AdvocatePage } from './pages/advocate-page.ts'
import { AdvocatesPage } from './pages/advocates-page.ts'
import { CohortPage } from './pages/cohort-page.ts'
import { ContactPage } from './pages/contact-page.ts'
import { DecisionPage } from './pages/decision-page.ts'
import { GiveSignInPage } from './pages/give-sign-in-page.ts'
import { MatchesPage } from './pages/matches-page.ts'
import { ModulesPage } from './pages/modules-page.ts'
import { MyPeoplePage } from './pages/my-people-page.ts'
import { NewSupervisionPage } from './pages/new-supervision-page.ts'
import { OfferPage } from './pages/offer-page.ts'
import { PassToManagerPage } from './pages/pass-to-manager-page.ts'
import { CohortsPage, ProgrammeOverviewPage, SupervisionPage } from './pages/programme-tabs.ts'
import { ReferralPage } from './pages/referral-page.ts'
import { RegisterPage } from './pages/register-page.ts'
import { SetPasswordPage } from './pages/set-password-page.ts'
import { SignInPage } from './pages/sign-in-page.ts'
import { StagePage } from './pages/stage-page.ts'
import { ViewsPage } from './pages/views-page.ts'
import { MyWorkPage, TeamWorkPage } from './pages/worktray-page.ts'
import { demoAccount, signInWith, signOut, type Credentials } from './support/accounts.ts'
import { expect, test } from './support/fixtures.ts'
import { addDays, fullName, longDate, newReferral, ukToday, uniqueFamilyName, type ReferralDetails } from './support/referral-data.ts'
import { findPersonThroughPeople, referrerSendsReferral, signIn } from './support/referral-journey.ts'

/**
 * The advocate pool, end to end, as the practice guidance's Appendix B example would go: a
 * coordinator trains and accredits a new parent peer advocate (a Spanish-speaking woman, trained in
 * dyslexia awareness); an admin finds her for a Spanish-speaking mother with dyslexia who would
 * prefer a woman and wants to meet first, and offers it; she accepts in the service and records the
 * person's views, which the admin shares with the conference chair. Axe checks every page.
 */

const managerName = demoAccount('manager').displayName

// The longest journeys in the suite: 60 to 90 pages, with axe on every one, on a slow machine.
test.describe.configure({ timeout: 900_000 })

/** A new parent peer advocate with a name nobody else has: the Appendix B mother's match. */
function newPeerAdvocate(): NewAdvocate & { readonly name: string } {
  const familyName = uniqueFamilyName('Alvarez')
  return {
    name: `Carmen ${familyName}`,
    kind: 'Parent peer advocate',
    givenName: 'Carmen',
    familyName,
    email: `carmen.${familyName.toLowerCase()}@advocates.example.org`,
    gender: 'Woman',
    heritage: 'Colombian',
    languages: [
      { language: 'Spanish', level: 'First language' },
      { language: 'English', level: 'Fluent' },
    ],
    specialisms: ['Dyslexia awareness'],
    days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
    capacity: '2',
    dbsCheckedOn: addDays(ukToday(), -30),
    aboutMe: 'I am a mum of two. I have been through a child protection conference, and I speak Spanish and English.',
  }
}

/** The one-time link opened in a browser of its own, as the advocate would: they choose a password. */
async function choosePassword(browser: Browser, baseURL: string | undefined, link: string, password: string): Promise<void> {
  const context = await browser.newContext(baseURL ? { baseURL } : {})
  try {
    const page = await context.newPage()
    await page.goto(link)
    const setPassword = await SetPasswordPage.verifyOnPage(page)
    await setPassword.choose(password)
    const signInPage = await SignInPage.verifyOnPage(page)
    await expect(signInPage.passwordSaved).toBeVisible()
  } finally {
    await context.close()
  }
}

/** FGC Advocacy Admin passes the referral on; the manager decides to progress it, for a parent peer advocate. */
async function passAndProgress(page: Page, person: string): Promise<void> {
  const adminWork = await signIn(page, 'admin')
  await adminWork.goToTeamWork()
  const teamWork = await TeamWorkPage.verifyOnPage(page)
  await teamWork.openReferral(person)
  const sent = await ReferralPage.verifyOnPage(page, person)
  await sent.takeAction('Pass to FGC Service Manager')
  const pass = await PassToManagerPage.verifyOnPage(page)
  await pass.passTo(managerName, 'Please decide: she would like to meet her advocate before the conference.')
  await TeamWorkPage.verifyOnPage(page)
  await signOut(page)

  const managerWork = await signIn(page, 'manager')
  await managerWork.openReferral(person)
  const waiting = await ReferralPage.verifyOnPage(page, person)
  await waiting.takeAction("Record the Advocacy Manager's Decision")
  const decision = await DecisionPage.verifyOnPage(page)
  await decision.decide({
    nextAction: 'progress',
    advocateType: 'Parent peer advocate',
    priority: 'High',
    reasons: 'A Spanish-speaking peer advocate, a woman, who can meet her in person before the conference.',
  })
  const decided = await ReferralPage.verifyOnPage(page, person)
  await expect(decided.tag('Child Protection Advocacy Review')).toBeVisible()
  await signOut(page)
}

/** From "My work" to the referral's page in the admin team's work. */
async function adminOpensReferral(page: Page, person: string): Promise<ReferralPage> {
  const myWork = await signIn(page, 'admin')
  await myWork.goToTeamWork()
  const teamWork = await TeamWorkPage.verifyOnPage(page)
  await teamWork.openReferral(person)
  return ReferralPage.verifyOnPage(page, person)
}

test('a coordinator trains and accredits a peer advocate; an admin matches the Appendix B mother to her; she accepts and records the views the admin shares', async ({
  page,
  browser,
  baseURL,
}) => {
  const advocate = newPeerAdvocate()
  const password = `three words ${advocate.familyName.toLowerCase()}`
  const credentials: Credentials = { email: advocate.email, password, displayName: advocate.name }
  const cohortName = `Cohort ${advocate.familyName}`
  const referral: ReferralDetails = newReferral({ familyName: 'Ramirez' })
  const person = fullName(referral.parent)
  const views =
    'I want the conference to know that I love my son and I am doing everything I can. ' +
    'Please give me the reports a few days before, and let me ask questions in Spanish. ' +
    'I want to keep going to the parenting group.'
  const contactNotes = `Met at the family centre in Spanish; she brought her letter from school (${advocate.familyName}).`

  await test.step('the coordinator adds a new parent peer advocate, who starts at the application stage', async () => {
    const myWork = await signIn(page, 'coordinator')
    await myWork.goToAdvocates()
    const pool = await AdvocatesPage.verifyOnPage(page)
    await pool.addAnAdvocate()
    const add = await AddAdvocatePage.verifyOnPage(page)
    await add.fillIn(advocate)
    await add.add()

    const record = await AdvocatePage.verifyOnPage(page, advocate.name)
    await expect(record.successBanner('Advocate added')).toBeVisible()
    await expect(record.tag('Application')).toBeVisible()
    await expect(record.summaryValue('About them', 'Languages')).toContainText('Spanish (first language)')
    await expect(record.summaryValue('About them', 'Languages')).toContainText('English (fluent)')
    await expect(record.summaryValue('About them', 'Training and experience')).toHaveText('Dyslexia awareness')
    await expect(record.summaryValue('About them', 'DBS check')).toHaveText(longDate(advocate.dbsCheckedOn))
    await expect(record.cannotBeOffered, 'an applicant cannot be offered work').toContainText('is not yet active')
  })

  await test.step('the coordinator moves them to Training', async () => {
    const record = await AdvocatePage.verifyOnPage(page, advocate.name)
    await record.moveToAnotherStage()
    const stage = await StagePage.verifyOnPage(page, advocate.name)
    await stage.moveTo('Training')
    const moved = await AdvocatePage.verifyOnPage(page, advocate.name)
    await expect(moved.successBanner('Moved to Training')).toBeVisible()
    await expect(moved.tag('Training')).toBeVisible()
  })

  await test.step('the coordinator creates a cohort of eight weekly sessions, adds them and takes the first register', async () => {
    const record = await AdvocatePage.verifyOnPage(page, advocate.name)
    await record.goToProgramme()
    const overview = await ProgrammeOverviewPage.verifyOnPage(page)
    await overview.goToTab('Training cohorts')
    const cohorts = await CohortsPage.verifyOnPage(page)
    await cohorts.addCohort(cohortName, addDays(ukToday(), -56))

    let cohort = await CohortPage.verifyOnPage(page, cohortName)
    await expect(cohort.successBanner('Cohort added')).toBeVisible()
    await expect(cohort.sessions, 'a header row and eight weekly sessions').toHaveCount(9)
    await cohort.addToCohort(advocate.name, 'Training')

    cohort = await CohortPage.verifyOnPage(page, cohortName)
    await expect(cohort.successBanner(`${advocate.name} added to the cohort`)).toBeVisible()
    await expect(cohort.member(advocate.name)).toContainText('0 of 6')
    await cohort.openRegister(1)

    const register = await RegisterPage.verifyOnPage(page, 1)
    await register.record([advocate.name])
    cohort = await CohortPage.verifyOnPage(page, cohortName)
    await expect(cohort.successBanner('Attendance for week 1 saved')).toBeVisible()
    await expect(cohort.member(advocate.name)).toContainText('1 of 8')
  })

  await test.step('the coordinator ticks all six modules done, then records the Level 2 accreditation', async () => {
    let cohort = await CohortPage.verifyOnPage(page, cohortName)
    await cohort.recordModuleCompletion()
    const modules = await ModulesPage.verifyOnPage(page)
    await modules.completeAll(advocate.name)

    cohort = await CohortPage.verifyOnPage(page, cohortName)
    await expect(cohort.successBanner('Module completion saved')).toBeVisible()
    await expect(cohort.member(advocate.name)).toContainText('All 6')
    await expect(cohort.member(advocate.name)).toContainText('Module completed; not yet recorded')
    await cohort.recordAnAccreditation()

    const accreditation = await AccreditationPage.verifyOnPage(page)
    await accreditation.record(advocate.name)
    cohort = await CohortPage.verifyOnPage(page, cohortName)
    await expect(cohort.successBanner(`${advocate.name}'s Level 2 accreditation recorded`)).toBeVisible()
    await expect(cohort.member(advocate.name)).toContainText(`Accredited on ${longDate(ukToday())}`)
  })

  await test.step('the coordinator records a one-to-one and two group supervisions with them', async () => {
    const cohort = await CohortPage.verifyOnPage(page, cohortName)
    await cohort.goToProgramme()
    const overview = await ProgrammeOverviewPage.verifyOnPage(page)
    await overview.goToTab('Supervision')
    // The settings ask for a one-to-one in the last 8 weeks and 2 group sessions in the last 12,
    // on different days.
    const sessions = [
      { kind: 'One-to-one', heldOn: addDays(ukToday(), -3), attendees: [advocate.name], notes: 'Talked through her first conference as an advocate.' },
      { kind: 'Group', heldOn: addDays(ukToday(), -21), attendees: [advocate.name], notes: 'Keeping notes safely.' },
      { kind: 'Group', heldOn: addDays(ukToday(), -7), attendees: [advocate.name], notes: 'Preparing parents for a conference.' },
    ] as const
    for (const session of sessions) {
      const supervision = await SupervisionPage.verifyOnPage(page)
      await supervision.recordASession()
      const record = await NewSupervisionPage.verifyOnPage(page)
      await record.record(session)
      const after = await SupervisionPage.verifyOnPage(page)
      await expect(after.successBanner(`${session.kind} supervision recorded`)).toBeVisible()
    }
    const supervision = await SupervisionPage.verifyOnPage(page)
    await expect(supervision.recentSessions.filter({ hasText: advocate.name })).toHaveCount(3)
  })

  await test.step('the coordinator moves them to Active: now they can be offered work', async () => {
    const supervision = await SupervisionPage.verifyOnPage(page)
    await supervision.goToAdvocates()
    const pool = await AdvocatesPage.verifyOnPage(page)
    await pool.open(advocate.name)
    const record = await AdvocatePage.verifyOnPage(page, advocate.name)
    await expect(record.summaryValue('About them', 'Level 2 accreditation')).toHaveText(longDate(ukToday()))
    await record.moveToAnotherStage()
    const stage = await StagePage.verifyOnPage(page, advocate.name)
    await stage.moveTo('Active')

    const active = await AdvocatePage.verifyOnPage(page, advocate.name)
    await expect(active.successBanner('Moved to Active')).toBeVisible()
    await expect(active.canBeOffered).toBeVisible()
    await expect(active.cannotBeOffered).toHaveCount(0)
    await expect(active.stageChange('Training')).toHaveCount(1)
    await expect(active.stageChange('Active')).toHaveCount(1)
  })

  await test.step('the coordinator gives them a sign-in; they open the one-time link and choose a password', async () => {
    const record = await AdvocatePage.verifyOnPage(page, advocate.name)
    await record.giveThemASignIn()
    const give = await GiveSignInPage.verifyOnPage(page, advocate.name)
    await expect(give.email, 'the email address on their record').toHaveValue(advocate.email)
    await give.create()
    const created = await AccountCreatedPage.verifyOnPage(page)
    const link = await created.oneTimeLink()
    await choosePassword(browser, baseURL, link, password)

    await created.backToAdvocates()
    const pool = await AdvocatesPage.verifyOnPage(page)
    await expect(pool.row(advocate.name), 'in the pool, active, and able to be offered work').toContainText(/Active\s+0 of 2 taken\s+Yes/)
    await signOut(page)
  })

  let reference = ''
  await test.step('a referrer makes the Appendix B referral', async () => {
    await signIn(page, 'referrer')
    reference = (await referrerSendsReferral(page, referral)).reference
    await signOut(page)
  })

  await test.step('FGC Advocacy Admin passes it on; the manager progresses it for a parent peer advocate', async () => {
    await passAndProgress(page, person)
  })

  await test.step('FGC Advocacy Admin finds an advocate: the best match speaks Spanish, is a woman and is trained in dyslexia awareness', async () => {
    const referralPage = await adminOpensReferral(page, person)
    await referralPage.takeAction('Find an advocate')

    const matches = await MatchesPage.verifyOnPage(page)
    await expect(matches.need(person, 'Language')).toHaveText('Spanish')
    await expect(matches.need(person, 'Advocate')).toHaveText('A woman')
    await expect(matches.need(person, 'Would help')).toContainText('Dyslexia awareness')
    await expect(matches.need(person, 'Kind of advocate')).toHaveText('Parent peer advocate')
    // Either the new advocate or Maria Lopez, from the demo pool, may come first: both fit.
    await expect(matches.ranking.first()).toHaveText(new RegExp(`^1\\. (${advocate.name}|Maria Lopez)$`))
    await expect(matches.reasons(matches.first)).toContainText(['speaks Spanish', 'woman, as asked', 'trained in dyslexia awareness'])
    const theirs = matches.candidate(advocate.name)
    await expect(matches.reasons(theirs)).toContainText(['speaks Spanish', 'woman, as asked', 'trained in dyslexia awareness', 'has 2 of 2 places free'])
    await matches.offerTo(advocate.name)

    const offered = await ReferralPage.verifyOnPage(page, person)
    await expect(offered.successBanner('Offer sent')).toBeVisible()
    await expect(offered.tag('Offered to an advocate')).toBeVisible()
    await expect(offered.summaryValue('Offers and allocations', advocate.name)).toContainText('Offered, waiting for an answer')
    await signOut(page)
  })

  await test.step('the new advocate signs in with their password, sees the offer in My work and accepts it', async () => {
    await signInWith(page, credentials)
    const myWork = await MyWorkPage.landedOn(page)
    await expect(myWork.row(person)).toContainText('Answer the offer')
    await myWork.goToMyPeople()

    const myPeople = await MyPeoplePage.verifyOnPage(page)
    await expect(page.getByText(`Hello ${advocate.name}.`)).toBeVisible()
    await expect(myPeople.offer(person), 'the offer is under "My people" too').toContainText('Initial child protection conference')
    await myPeople.goToMyWork()

    const work = await MyWorkPage.verifyOnPage(page)
    await work.openReferral(person)
    const offer = await OfferPage.verifyOnPage(page, person)
    await expect(page.getByText(referral.sectionOne.otherNeedsDetails), 'she reads that the mother wants to meet first').toBeVisible()
    await expect(page.getByText(referral.sectionOne.disabilityDetails)).toBeVisible()
    await offer.accept()

    const personPage = await AdvocacyPersonPage.verifyOnPage(page, person)
    await expect(personPage.successBanner('Thank you for accepting')).toBeVisible()
  })

  await test.step('she downloads the meeting for her calendar', async () => {
    const personPage = await AdvocacyPersonPage.verifyOnPage(page, person)
    const download = await personPage.downloadTheMeeting()
    expect(download.suggestedFilename()).toMatch(/^meeting-[A-Z]+-\d+\.ics$/)
    const calendar = await readFile(await download.path(), 'utf8')
    expect(calendar).toContain('BEGIN:VCALENDAR')
    expect(calendar).toContain(referral.meeting.date.replaceAll('-', ''))
  })

  await test.step('she records a contact and writes the mother’s views, in her own words, with her agreement to share them', async () => {
    let personPage = await AdvocacyPersonPage.verifyOnPage(page, person)
    await personPage.recordAContact()
    const contact = await ContactPage.verifyOnPage(page)
    await contact.record({ method: 'In person', minutes: '45', notes: contactNotes })

    personPage = await AdvocacyPersonPage.verifyOnPage(page, person)
    await expect(personPage.successBanner('Contact recorded')).toBeVisible()
    await expect(personPage.contact(contactNotes)).toContainText('In person, 45 minutes')
    await personPage.writeTheirViews()

    const viewsPage = await ViewsPage.verifyOnPage(page)
    await viewsPage.write(views, ukToday())
    personPage = await AdvocacyPersonPage.verifyOnPage(page, person)
    await expect(personPage.successBanner('Their views are saved')).toBeVisible()
    await expect(page.getByText(views)).toBeVisible()
    await expect(page.getByText('They agreed to share these. The advocacy service will pass them to the conference chair.')).toBeVisible()
    await signOut(page)
  })

  await test.step('FGC Advocacy Admin sees the contact and the views, and shares the views with the conference chair', async () => {
    const referralPage = await adminOpensReferral(page, person)
    await expect(referralPage.summaryValue('Child Protection Advocacy Review', 'Advocate')).toHaveText(advocate.name)
    await expect(referralPage.contactsCard).toContainText(contactNotes)
    await expect(referralPage.viewsCard).toContainText(views)
    await expect(referralPage.viewsCard).toContainText(`The person agreed to share these on ${longDate(ukToday())}.`)
    await referralPage.shareViewsWithTheChair()

    const shared = await ReferralPage.verifyOnPage(page, person)
    await expect(shared.successBanner('Views shared')).toBeVisible()
    await expect(shared.viewsCard).toContainText('Shared with the conference chair on')
    await expect(page.getByRole('button', { name: 'Share with the conference chair' })).toHaveCount(0)
    await signOut(page)
  })

  await test.step('the referrer reads the shared views on the referral, but never the contact notes', async () => {
    const myWork = await signIn(page, 'referrer')
    const personPage = await findPersonThroughPeople(page, myWork, referral.parent)
    await personPage.openReferral(reference)

    const referralPage = await ReferralPage.verifyOnPage(page, person)
    await expect(referralPage.viewsCard).toContainText(views)
    await expect(referralPage.viewsCard).toContainText("Shared with the conference chair, with the person's agreement, on")
    await expect(referralPage.contactsCard).toHaveCount(0)
    await expect(page.getByText(contactNotes)).toHaveCount(0)
    await expect(page.getByRole('heading', { name: 'Advocacy record' })).toHaveCount(0)
    await signOut(page)
  })
})

test('an advocate declines an offer with a reason, and the referral comes back to the admin team', async ({ page }) => {
  const referral = newReferral({ familyName: 'Castillo' })
  const person = fullName(referral.parent)
  const advocateName = 'Maria Lopez'
  const reason = 'I am at a training day on the day of the conference.'

  await test.step('a referrer makes the Appendix B referral; it is passed on and progressed', async () => {
    await signIn(page, 'referrer')
    await referrerSendsReferral(page, referral)
    await signOut(page)
    await passAndProgress(page, person)
  })

  await test.step('FGC Advocacy Admin offers it to Maria Lopez', async () => {
    const referralPage = await adminOpensReferral(page, person)
    await referralPage.takeAction('Find an advocate')
    const matches = await MatchesPage.verifyOnPage(page)
    await expect(matches.reasons(matches.candidate(advocateName))).toContainText(['speaks Spanish', 'woman, as asked'])
    await matches.offerTo(advocateName)
    const offered = await ReferralPage.verifyOnPage(page, person)
    await expect(offered.successBanner('Offer sent')).toBeVisible()
    await signOut(page)
  })

  await test.step('Maria Lopez declines it, saying why', async () => {
    const myWork = await signIn(page, 'advocate')
    await expect(myWork.row(person)).toContainText('Answer the offer')
    await myWork.goToMyPeople()
    const myPeople = await MyPeoplePage.verifyOnPage(page)
    await myPeople.openOffer(person)

    const offer = await OfferPage.verifyOnPage(page, person)
    await offer.decline(reason)
    const after = await MyPeoplePage.verifyOnPage(page)
    await expect(after.successBanner('Offer declined')).toBeVisible()
    await expect(after.offer(person)).toHaveCount(0)
    await expect(after.person(person)).toHaveCount(0)
    await after.goToMyWork()
    const work = await MyWorkPage.verifyOnPage(page)
    await expect(work.row(person), 'it no longer waits on her').toHaveCount(0)
    await signOut(page)
  })

  await test.step("it is back in the admin team's work, with her reason, ready to offer to someone else", async () => {
    const myWork = await signIn(page, 'admin')
    await myWork.goToTeamWork()
    const teamWork = await TeamWorkPage.verifyOnPage(page)
    await expect(teamWork.row(person)).toContainText('Child Protection Advocacy Review')
    await teamWork.openReferral(person)

    const referralPage = await ReferralPage.verifyOnPage(page, person)
    await expect(referralPage.tag('Child Protection Advocacy Review')).toBeVisible()
    await expect(referralPage.summaryValue('Offers and allocations', advocateName)).toContainText(`Declined, ${longDate(ukToday())}: ${reason}`)
    await expect(referralPage.timeline.first()).toHaveText('Offer declined')
    await expect(referralPage.action('Find an advocate')).toBeVisible()
    await signOut(page)
  })
})
