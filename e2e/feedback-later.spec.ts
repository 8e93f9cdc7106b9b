import type { Page } from '@playwright/test'
import { FamilyPage, LetterPage, WayInPage } from './pages/family-pages.ts'
import { MyPeoplePage } from './pages/my-people-page.ts'
import { signInAs } from './support/accounts.ts'
import { expect, expectAccessible, test } from './support/fixtures.ts'
import { expectReflows } from './support/reflow.ts'

/**
 * Answering later (issue 11): after her core group, the demo's Chloe Bennett is handed a card whose
 * code opens the questions at once, and shows nothing of her; she would rather answer in a few days,
 * so her advocate records it and gives her a new card opening in three days (the old one stops
 * working, the new one says when it opens). It waits in her advocate's work. The admin gives her a
 * way in; in her own browser, without JavaScript, she sees it waiting, and answers in Spanish; then
 * her card says it has been used. axe and 320 pixels on every page.
 */

// Long: two browsers, a dozen kinds of page, each checked with axe with and without JavaScript.
test.describe.configure({ timeout: 900_000 })

const reflowed = new Set<string>()

/** axe on every page; 320 pixels once for each kind of page (its path, ids and codes aside), to keep the journey within its time. */
async function checked(page: Page): Promise<void> {
  await expectAccessible(page)
  const kind = new URL(page.url()).pathname.replace(/[0-9a-f-]{36}/g, ':id')
  if (reflowed.has(kind)) return
  reflowed.add(kind)
  await expectReflows(page)
}

async function cardIssued(page: Page, opening: string): Promise<string> {
  await page.getByRole('group', { name: 'When they can answer from' }).getByRole('radio', { name: opening, exact: true }).check()
  await page.getByRole('button', { name: 'Issue a card' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A card for feedback')
  await expect(page.locator('article')).toContainText('How did your meeting go?')
  await expect(page.locator('article')).not.toContainText('Chloe')
  await expect(page.locator('article')).not.toContainText('Bennett')
  await checked(page)
  return (await page.locator('[data-card-code]').innerText()).trim()
}

async function typeCode(family: Page, code: string): Promise<void> {
  await family.goto('/feedback/card')
  await expect(family.getByRole('heading', { level: 1 })).toHaveText(/Tell us how your meeting went|Cuéntenos cómo fue su reunión/)
  await checked(family)
  await family.getByLabel(/Your code|Su código/).fill(code)
  await family.getByRole('button', { name: /Continue|Continuar/ }).click()
}

test('a parent chooses to answer in a few days, her card opens the questions, and she answers in Spanish from her own pages', async ({
  page,
  pageWithoutJavaScript: family,
}) => {
  let feedbackAddress = ''
  let todayCode = ''
  let fewDaysCode = ''
  let wayInCode = ''

  await test.step('her advocate hands her a card that opens today, and its code opens the questions, showing no one', async () => {
    await signInAs(page, 'advocate')
    await page.goto('/my-people')
    const myPeople = await MyPeoplePage.verifyOnPage(page)
    await checked(page)
    await myPeople.openPerson('Chloe Bennett')
    await checked(page)
    await page.getByRole('link', { name: 'Ask how the meeting went, or enter what they said at the debrief' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the meeting went')
    await checked(page)
    feedbackAddress = page.url()
    todayCode = await cardIssued(page, 'Today')

    await typeCode(family, todayCode.toLowerCase())
    await expect(family.getByRole('heading', { level: 1 })).toHaveText('How did the meeting go?')
    await expect(family.getByRole('main')).not.toContainText('Chloe')
    await expect(family.getByRole('main')).not.toContainText('Core group')
    await expect(family.getByRole('group', { name: 'Did you feel listened to?' }).getByRole('radio')).toHaveCount(3)
    await checked(family)
  })

  await test.step('she would rather answer in a few days: her advocate records it, and a new card opens in three days', async () => {
    await page.goto(feedbackAddress)
    await checked(page)
    await page.getByRole('radio', { name: 'Later, from their own pages' }).check()
    await page.getByRole('button', { name: 'Save what they chose' }).click()
    await expect(page.getByRole('alert', { name: 'Success' })).toContainText('They will answer later')
    await checked(page)
    fewDaysCode = await cardIssued(page, 'In a few days (3 days from today)')

    await typeCode(family, todayCode)
    await expect(family.getByRole('alert')).toContainText('Check the code on your card and type it in again')
    await checked(family)
    await family.getByLabel('Your code').fill(fewDaysCode)
    await family.getByRole('button', { name: 'Continue' }).click()
    await expect(family.getByRole('heading', { level: 1 })).toHaveText('Your questions are not open yet')
    await expect(family.getByRole('main')).toContainText('You can answer from')
    await checked(family)

    await page.goto('/')
    await expect(page.getByRole('table', { name: 'Feedback waiting' })).toContainText('Chloe Bennett')
    await checked(page)
  })

  await test.step('the admin gives her a way in to her own pages', async () => {
    await page.context().clearCookies()
    await signInAs(page, 'admin')
    await page.goto(feedbackAddress.replace(/\/feedback$/, '/way-in'))
    const wayIn = await WayInPage.verifyOnPage(page)
    await checked(page)
    await wayIn.issue()
    const letter = await LetterPage.verifyOnPage(page, 'Your way in to see your advocacy online')
    await checked(page)
    wayInCode = await letter.code()
  })

  await test.step('in her own browser she sees the feedback waiting, and answers in Spanish', async () => {
    await family.goto('/your-advocacy')
    await FamilyPage.verifyOnPage(family, 'Sign in to see your advocacy')
    await checked(family)
    await family.getByLabel('Your code').fill(wayInCode)
    await family.getByRole('button', { name: 'Sign in' }).click()
    await FamilyPage.verifyOnPage(family, 'Choose your word or PIN')
    await checked(family)
    await family.getByLabel('Your word or PIN', { exact: true }).fill('green teapot')
    await family.getByLabel('Type it again').fill('green teapot')
    await family.getByRole('button', { name: 'Save and sign in' }).click()
    await FamilyPage.verifyOnPage(family, 'Where things stand')
    await expect(family.locator('[data-feedback-waiting]')).toContainText('How did your meeting go?')
    await checked(family)
    await family.getByRole('link', { name: 'Tell us how it went' }).click()
    await FamilyPage.verifyOnPage(family, 'Tell us how your meeting went')
    await checked(family)
    await family.getByRole('link', { name: 'Answer the questions' }).click()
    await FamilyPage.verifyOnPage(family, 'How did the meeting go?')
    await checked(family)
    await family
      .getByRole('navigation', { name: /language/i })
      .getByRole('link', { name: 'Español' })
      .click()
    await FamilyPage.verifyOnPage(family, '¿Cómo fue la reunión?')
    await expect(family.getByRole('button', { name: 'No quiero responder' })).toBeVisible()
    await checked(family)
    await family.getByRole('button', { name: 'Enviar mis respuestas' }).click()
    await expect(family.getByRole('alert')).toContainText('Responda una pregunta, o escriba en el cuadro')
    await checked(family)
    await family.getByRole('group', { name: '¿Sintió que le escuchaban?' }).getByRole('radio', { name: 'Un poco', exact: true }).check()
    await family.getByLabel('¿Qué la habría hecho mejor?').fill('Tener los informes antes.')
    await family.getByRole('button', { name: 'Enviar mis respuestas' }).click()
    await FamilyPage.verifyOnPage(family, 'Gracias')
    await checked(family)
    await family.getByRole('link', { name: 'Volver a su página de inicio' }).click()
    await FamilyPage.verifyOnPage(family, 'Cómo va todo')
    await expect(family.locator('[data-feedback-waiting]')).toHaveCount(0)
    await checked(family)

    // Her card has nothing left to open: it says so, and thanks her.
    await typeCode(family, fewDaysCode)
    await expect(family.getByRole('heading', { level: 1 })).toHaveText('Gracias')
    await expect(family.getByRole('main')).toContainText('Este código ya se usó')
    await checked(family)
  })

  await test.step('the service sees how and when she answered', async () => {
    await page.goto(feedbackAddress)
    await expect(page.getByRole('table', { name: 'Answers given' })).toContainText('From their own pages')
    await checked(page)
  })
})
