import { FamilyPage, LetterPage, WayInPage } from './pages/family-pages.ts'
import { signInAs } from './support/accounts.ts'
import { expect, expectAccessible, test } from './support/fixtures.ts'
import { expectReflows } from './support/reflow.ts'

/**
 * Children's advocacy and consultation (issue 11): the demo's Daniel Price has a review conference
 * in nine days, with Noah (9) and Isla (3) named on his referral. The advocacy admin records that
 * Isla's foster carer declined an advocate for her, with the reason; Noah says yes, and his own
 * referral is started and given a way in. Noah, with his teacher helping, answers the questions for
 * his age on his own pages (looked at in Spanish and Arabic too) and agrees the chair may see them,
 * not his social worker; the chair's page shows them, and the social worker is told only that he
 * did it. axe and 320 pixels on every page.
 */

test.describe.configure({ timeout: 900_000 })

async function checked(page: import('@playwright/test').Page): Promise<void> {
  await expectAccessible(page)
  await expectReflows(page)
}

const heading = (page: import('@playwright/test').Page) => page.getByRole('heading', { level: 1 })

test('a carer declines for a child of 3; a child of 9 answers with his teacher and shares it with the chair', async ({ page, browser, baseURL }) => {
  let referralAddress = ''
  let consultationAddress = ''
  let code = ''

  await test.step('the admin sees Noah due a consultation, and finds his father’s referral', async () => {
    await signInAs(page, 'admin')
    await page.goto('/team-work')
    const due = page.getByRole('table', { name: 'Children’s consultations before reviews' })
    await expect(due).toContainText('Noah, 9')
    await expect(due).not.toContainText('Isla')
    await checked(page)
    await due.getByRole('link', { name: /^Noah, 9/ }).click()
    await expect(heading(page)).toHaveText('Consultation before the review')
    await expect(page.locator('#consultation-facts')).toContainText('8 to 11')
    await expect(page.locator('#consultation-facts')).toContainText('Due by')
    consultationAddress = new URL(page.url()).pathname
    await checked(page)
    await page.getByRole('link', { name: 'Back' }).click()
    await expect(heading(page)).toHaveText('Daniel Price')
    referralAddress = new URL(page.url()).pathname
    await checked(page)
  })

  await test.step('Isla, 3: her foster carer declines an advocate for her, and says why', async () => {
    const offers = page.getByRole('table', { name: 'Children offered an advocate' })
    await expect(offers.getByRole('row', { name: /Isla Price/ })).toContainText('Not consulted: under 4')
    await offers.getByRole('link', { name: 'Record their answer for Isla Price' }).click()
    await expect(heading(page)).toHaveText(/Isla Price/)
    await checked(page)
    await page
      .getByRole('group', { name: 'Did they accept the offer of an advocate?' })
      .getByRole('radio', { name: /^Declined/ })
      .check()
    // A child of 3 is not asked directly: saying "the child" answered is refused.
    await page.getByRole('group', { name: 'Who gave the answer?' }).getByRole('radio').first().check()
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('alert')).toBeVisible()
    await checked(page)
    await page.getByRole('group', { name: 'Who gave the answer?' }).getByRole('radio').nth(1).check()
    await page.getByLabel('Their name').fill('Mary Jones')
    await page.getByLabel('Their relationship to the child').fill('Foster carer')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('alert')).toContainText('Say why they declined an advocate for the child')
    await checked(page)
    await page.getByLabel('Why did they decline?').fill('Isla is settled with us and too young to take part; we will pass on how she is.')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(heading(page)).toHaveText('Daniel Price')
    const isla = page.getByRole('table', { name: 'Children offered an advocate' }).getByRole('row', { name: /Isla Price/ })
    await expect(isla).toContainText('Declined by someone who speaks for them')
    await expect(isla).toContainText('Mary Jones (Foster carer)')
    await checked(page)
  })

  await test.step('Noah, 9, says yes: his own referral is started and he is given a way in', async () => {
    await page.getByRole('link', { name: 'Record their answer for Noah Price' }).click()
    await page
      .getByRole('group', { name: 'Did they accept the offer of an advocate?' })
      .getByRole('radio', { name: /^Accepted/ })
      .check()
    await page.getByRole('group', { name: 'Who gave the answer?' }).getByRole('radio').first().check()
    await checked(page)
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(heading(page)).toHaveText('Daniel Price')
    await checked(page)
    await page.getByRole('button', { name: 'Start their referral for Noah Price' }).click()
    await expect(heading(page)).toHaveText('Noah Price')
    await expect(page.locator('.govuk-summary-card__title', { hasText: 'Child or young person' })).toBeVisible()
    await checked(page)
    await page.getByRole('link', { name: 'Give them a way in, or change it' }).click()
    const wayIn = await WayInPage.verifyOnPage(page)
    await wayIn.issue()
    const letter = await LetterPage.verifyOnPage(page, 'Your way in to see your advocacy online')
    code = await letter.code()
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  })

  await test.step('Noah answers with his teacher on his own pages, and lets the chair see', async () => {
    const context = await browser.newContext(baseURL ? { baseURL } : {})
    const child = await context.newPage()
    try {
      await child.goto('/your-advocacy')
      await FamilyPage.verifyOnPage(child, 'Sign in to see your advocacy')
      await child.getByLabel('Your code').fill(code)
      await child.getByRole('button', { name: 'Sign in' }).click()
      await FamilyPage.verifyOnPage(child, 'Choose your word or PIN')
      await child.getByLabel('Your word or PIN', { exact: true }).fill('green dragon')
      await child.getByLabel('Type it again').fill('green dragon')
      await child.getByRole('button', { name: 'Save and sign in' }).click()
      await expect(child.locator('[data-consultation-due]')).toContainText('Tell us what you think')
      await checked(child)
      await child.locator('[data-consultation-due]').getByRole('link', { name: 'Answer the questions' }).click()
      await FamilyPage.verifyOnPage(child, 'Tell us what you think')

      // The same questions in Spanish and in Arabic (right to left), then back to English.
      await child
        .getByRole('navigation', { name: /language/i })
        .getByRole('link', { name: 'Español' })
        .click()
      await expect(child.locator('html')).toHaveAttribute('lang', 'es')
      await checked(child)
      await child.getByRole('link', { name: 'العربية', exact: true }).click()
      await expect(child.locator('body')).toHaveAttribute('dir', 'rtl')
      await checked(child)
      await child.getByRole('link', { name: 'English', exact: true }).click()
      await FamilyPage.verifyOnPage(child, 'Tell us what you think')

      // Nothing chosen: told what to do, in the error summary.
      await child.getByRole('button', { name: 'Send my answers' }).click()
      await expect(child.getByRole('alert')).toContainText('Tell us who is helping you today')
      await checked(child)
      await child.getByRole('group', { name: 'Who is helping you today?' }).getByRole('radio', { name: 'Someone is helping me' }).check()
      await child.getByLabel('Their name').fill('Mrs Patel')
      await child.getByLabel('Who are they to you?').fill('My teacher')
      await child.getByRole('group', { name: 'How do you feel at home?' }).getByRole('radio', { name: /Okay/ }).check()
      await child.getByRole('group', { name: 'How do you feel at school?' }).getByRole('radio', { name: /Happy/ }).check()
      await child.getByRole('group', { name: 'How safe do you feel?' }).getByRole('radio', { name: /Happy/ }).check()
      await child.getByLabel('What is going well for you?').fill('Football on Saturdays with Dad.')
      await child.getByLabel('What do you want the people at the meeting to know?').fill('I want to see Dad more.')
      await child
        .getByRole('group', { name: 'Who can see your answers?' })
        .getByRole('checkbox', { name: /the chair/ })
        .check()
      await child.getByRole('button', { name: 'Send my answers' }).click()
      await expect(child.getByRole('heading', { name: 'Thank you' })).toBeVisible()
      await checked(child)
      await child.goto('/your-advocacy/consultation')
      await FamilyPage.verifyOnPage(child, 'We have your answers')
    } finally {
      await context.close()
    }
  })

  await test.step('the chair’s page shows what Noah agreed; his social worker is told only that he did it', async () => {
    await page.goto(consultationAddress)
    await expect(heading(page)).toHaveText('Consultation before the review')
    await expect(page.locator('#consultation-facts')).toContainText('Done')
    await expect(page.locator('#consultation-answers')).toContainText('I want to see Dad more.')
    await expect(page.locator('#consultation-recorded')).toContainText('Mrs Patel')
    await checked(page)
    await page.getByRole('link', { name: 'Print the page for the chair' }).click()
    await expect(heading(page)).toHaveText('For the conference chair')
    await expect(page.locator('#chair-answers')).toContainText('I want to see Dad more.')
    await checked(page)

    await page.context().clearCookies()
    await signInAs(page, 'referrer')
    await page.goto(consultationAddress)
    await expect(heading(page)).toHaveText('Consultation before the review')
    await expect(page.locator('#consultation-not-shared')).toHaveText('Noah did not agree to share their answers with their social worker.')
    await expect(page.getByRole('main')).not.toContainText('I want to see Dad more.')
    await checked(page)
    await page.goto(referralAddress)
    await expect(page.getByRole('table', { name: 'Children offered an advocate' }).getByRole('row', { name: /Isla Price/ })).toContainText(
      'Declined by someone who speaks for them',
    )
    await checked(page)
  })
})
