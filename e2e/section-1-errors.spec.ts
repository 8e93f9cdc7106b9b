import { CheckAnswersPage } from './pages/check-answers-page.ts'
import { SectionOnePage } from './pages/section-one-page.ts'
import { expect, test } from './support/fixtures.ts'
import { newReferral } from './support/referral-data.ts'
import { addChild, addMeeting, addNewParent, signIn } from './support/referral-journey.ts'

/**
 * The GOV.UK error pattern on the longest form: "Save and continue" on an unfinished Section 1 keeps
 * what was typed, and says what is missing in an error summary whose links take the user to each
 * question.
 */

test.describe.configure({ timeout: 900_000 })

test('Section 1 saved unfinished with "Save and continue" shows a GOV.UK error summary whose links move focus to the questions, and keeps what was typed', async ({
  page,
}) => {
  const referral = newReferral({ familyName: 'Haddad' })
  const answers = referral.sectionOne
  const q = SectionOnePage.questions

  await signIn(page, 'referrer')
  await addNewParent(page, referral)
  await addChild(page, referral)
  await addMeeting(page, referral)

  const sectionOne = await SectionOnePage.verifyOnPage(page)

  await test.step('with JavaScript, follow-up questions are revealed by answering "Yes"', async () => {
    await expect(sectionOne.question(q.consentMethod)).toBeHidden()
    await sectionOne.answer(q.consent, 'Yes').check()
    await expect(sectionOne.question(q.consentMethod)).toBeVisible()
    await expect(sectionOne.preferenceDetails).toBeHidden()
  })

  await test.step('part of it is answered, then "Save and continue"', async () => {
    await sectionOne.answer(q.consentMethod, answers.consentMethod).check()
    await sectionOne.consentDetails.fill(answers.consentDetails)
    await sectionOne.reason.fill(answers.reason)
    await sectionOne.answer(q.preference, 'Yes').check()
    await sectionOne.languages.fill(answers.preferredLanguages)
    await sectionOne.saveAndContinue()
  })

  const withErrors = await SectionOnePage.verifyOnPage(page)

  await test.step('an error summary lists what is missing, in the order the page asks', async () => {
    await expect(page).toHaveTitle(/^Error: Section 1/)
    await expect(withErrors.errorSummary.getByRole('link')).toHaveText([
      'Enter the date the person gave their consent',
      'Say what the person would prefer',
      'Select yes if the person has any disability, including learning needs',
      'Select yes if there is anything else that will help the advocacy relationship go well',
      'Select yes if there is domestic abuse between the parents',
    ])
    await expect(withErrors.question(q.disability)).toContainText('Error: Select yes if the person has any disability, including learning needs')
  })

  await test.step('each link moves focus to its question', async () => {
    const link = (name: string) => withErrors.errorSummary.getByRole('link', { name, exact: true })
    await link('Enter the date the person gave their consent').click()
    await expect(withErrors.dayOf(q.consentDate)).toBeFocused()
    await link('Say what the person would prefer').click()
    await expect(withErrors.preferenceDetails).toBeFocused()
    await link('Select yes if the person has any disability, including learning needs').click()
    await expect(withErrors.answer(q.disability, 'Yes')).toBeFocused()
    await link('Select yes if there is anything else that will help the advocacy relationship go well').click()
    await expect(withErrors.answer(q.otherNeeds, 'Yes')).toBeFocused()
    await link('Select yes if there is domestic abuse between the parents').click()
    await expect(withErrors.answer(q.domesticAbuse, 'Yes')).toBeFocused()
  })

  await test.step('what was typed is still there, with its follow-up questions open', async () => {
    await expect(withErrors.answer(q.consent, 'Yes')).toBeChecked()
    await expect(withErrors.answer(q.consentMethod, answers.consentMethod)).toBeChecked()
    await expect(withErrors.consentDetails).toHaveValue(answers.consentDetails)
    await expect(withErrors.reason).toHaveValue(answers.reason)
    await expect(withErrors.answer(q.preference, 'Yes')).toBeChecked()
    await expect(withErrors.languages).toBeVisible()
    await expect(withErrors.languages).toHaveValue(answers.preferredLanguages)
  })

  await test.step('once finished, "Save and continue" goes on to check answers', async () => {
    await withErrors.answerAll(answers)
    await withErrors.saveAndContinue()
    const check = await CheckAnswersPage.verifyOnPage(page)
    await expect(check.summaryValue('Section 1: Child Protection Advocacy Referral', 'Reason for referral')).toContainText('an advocate will be beneficial')
  })
})
