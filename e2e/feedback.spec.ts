import { MyPeoplePage } from './pages/my-people-page.ts'
import { signInAs } from './support/accounts.ts'
import { expect, expectAccessible, test } from './support/fixtures.ts'
import { expectReflows } from './support/reflow.ts'

/**
 * Feedback after a meeting (issue 11): an advocate enters what the demo's Chloe Bennett said at the
 * debrief after her core group; the advocacy admin opens a kiosk on a device for the same meeting,
 * a parent answers it in Spanish and the kiosk shows the next person nothing of them (in English and
 * Arabic, right to left); the admin types in a questionnaire that came back on paper, and reads the
 * figures and the words. axe and 320 pixels on every page.
 */

test.describe.configure({ timeout: 900_000 })

async function checked(page: import('@playwright/test').Page): Promise<void> {
  await expectAccessible(page)
  await expectReflows(page)
}

test('an advocate enters the debrief, a parent answers on the kiosk in Spanish, and the service reads it', async ({ page }) => {
  await signInAs(page, 'advocate')
  await page.goto('/my-people')
  const myPeople = await MyPeoplePage.verifyOnPage(page)
  await checked(page)
  await myPeople.openPerson('Chloe Bennett')
  await checked(page)
  await page.getByRole('link', { name: 'Ask how the meeting went, or enter what they said at the debrief' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the meeting went')
  await checked(page)
  const feedbackAddress = page.url()

  // Nothing answered: an error summary, and the page says why.
  await page.getByRole('button', { name: 'Save their answers' }).click()
  await expect(page.getByRole('alert')).toContainText('Answer one question, or write in the box')
  await checked(page)
  await page.getByRole('group', { name: 'Did your advocate help you?' }).getByRole('radio', { name: 'Yes', exact: true }).check()
  await page
    .getByRole('group', { name: 'Did you get the reports in time to read them before the meeting?' })
    .getByRole('radio', { name: 'No', exact: true })
    .check()
  await page.getByLabel('What would have made it better?').fill('Getting the reports two days before, not the night before.')
  await page.getByRole('button', { name: 'Save their answers' }).click()
  await expect(page.getByRole('alert', { name: 'Success' })).toContainText('Answers saved')
  await expect(page.getByRole('table', { name: 'Answers given' })).toContainText('At the debrief with their advocate')
  await checked(page)

  // The advocacy admin turns a tablet into a kiosk for the same meeting, and is signed out on it.
  await page.context().clearCookies()
  await signInAs(page, 'admin')
  await page.goto(feedbackAddress)
  await checked(page)
  await page.getByRole('button', { name: 'Open a kiosk on this device' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How did the meeting go?')
  await expect(page.getByRole('banner')).not.toContainText('Alex Morgan')
  await expect(page.getByRole('main')).not.toContainText('Chloe')
  await checked(page)

  await page
    .getByRole('navigation', { name: /language/i })
    .getByRole('link', { name: 'Español' })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿Cómo fue la reunión?')
  await checked(page)
  await page.getByRole('button', { name: 'Enviar mis respuestas' }).click()
  await expect(page.getByRole('alert')).toContainText('Responda una pregunta, o escriba en el cuadro')
  await checked(page)
  await page.getByRole('group', { name: '¿Sintió que le escuchaban?' }).getByRole('radio', { name: 'Un poco', exact: true }).check()
  await page.getByLabel('¿Qué la habría hecho mejor?').fill('Más tiempo para hablar.')
  await page.getByRole('button', { name: 'Enviar mis respuestas' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gracias')
  await checked(page)
  await page.getByRole('button', { name: 'Empezar de nuevo para la siguiente persona' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How did the meeting go?')
  await expect(page.getByRole('group', { name: 'Did you feel listened to?' }).getByRole('radio', { checked: true })).toHaveCount(0)
  await expect(page.getByLabel('What would have made it better?')).toHaveValue('')
  await checked(page)
  await page
    .getByRole('navigation', { name: /language/i })
    .getByRole('link', { name: 'العربية' })
    .click()
  await expect(page.locator('body')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('كيف كان الاجتماع؟')
  await checked(page)

  // Back at a desk: the admin closes the kiosk and reads what families said.
  await page.context().clearCookies()
  await signInAs(page, 'admin')
  await page.goto(feedbackAddress)
  await expect(page.getByRole('table', { name: 'Answers given' })).toContainText('On the kiosk in the room')
  await checked(page)
  await page.getByRole('button', { name: 'Close the kiosk' }).click()
  await expect(page.getByRole('alert', { name: 'Success' })).toContainText('Kiosk closed')
  await checked(page)

  // A questionnaire came back on paper: the admin types it in, and it is marked as given on paper.
  await expect(page.getByRole('heading', { name: 'Enter answers given on paper' })).toBeVisible()
  await page.getByRole('group', { name: 'Did you feel listened to?' }).getByRole('radio', { name: 'Yes', exact: true }).check()
  await page.getByLabel('What would have made it better?').fill('A room where the children could wait.')
  await page.getByRole('button', { name: 'Save their answers' }).click()
  await expect(page.getByRole('alert', { name: 'Success' })).toContainText('Answers saved')
  await expect(page.getByRole('table', { name: 'Answers given' })).toContainText('On paper, entered by the advocacy service')
  await checked(page)
  await page.goto('/feedback')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What families said about their meetings')
  await expect(page.getByRole('main')).toContainText('Más tiempo para hablar.')
  await expect(page.getByRole('main')).toContainText('Getting the reports two days before')
  await checked(page)
})
