import { FamilyPage, LetterPage, WayInPage } from './pages/family-pages.ts'
import { ReferralPage } from './pages/referral-page.ts'
import { TeamWorkPage } from './pages/worktray-page.ts'
import { signOut } from './support/accounts.ts'
import { expect, test } from './support/fixtures.ts'
import { fullName, newReferral } from './support/referral-data.ts'
import { referrerSendsReferral, signIn } from './support/referral-journey.ts'

/**
 * A parent's own pages (ADR 17): the admin gives the Appendix B mother a way in from her referral, a
 * letter in Spanish (the language her referral records); she signs in with its code in a browser of
 * her own, chooses a word, and reads where things stand, her advocate and her meeting, in Spanish,
 * then in English and in Arabic, right to left. Axe checks every page, at 320 pixels too.
 */

test.describe.configure({ timeout: 900_000 })

test('the admin issues a code; the parent signs in with it, chooses a word, and reads her pages in her language', async ({ page, browser, baseURL }) => {
  const referral = newReferral({ familyName: 'Familia' })
  const person = fullName(referral.parent)
  let code = ''

  await test.step('the referrer sends the referral', async () => {
    await signIn(page, 'referrer')
    await referrerSendsReferral(page, referral)
    await signOut(page)
  })

  await test.step('the admin opens it and issues a code, and the letter is in Spanish', async () => {
    const myWork = await signIn(page, 'admin')
    await myWork.goToTeamWork()
    const teamWork = await TeamWorkPage.verifyOnPage(page)
    await teamWork.openReferral(person)
    await ReferralPage.verifyOnPage(page, person)
    await page.getByRole('link', { name: 'Give them a way in, or change it' }).click()
    const wayIn = await WayInPage.verifyOnPage(page)
    await expect(wayIn.letterLanguage(/^Spanish/)).toBeChecked()
    await wayIn.issue()
    const letter = await LetterPage.verifyOnPage(page, 'Cómo entrar para ver su apoyo en internet')
    code = await letter.code()
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    await expect(page.getByText(`Hola, ${person}:`)).toBeVisible()
    await signOut(page)
  })

  await test.step('in her own browser, she signs in with the code and chooses a word', async () => {
    const context = await browser.newContext(baseURL ? { baseURL } : {})
    const family = await context.newPage()
    try {
      await family.goto('/your-advocacy')
      await FamilyPage.verifyOnPage(family, 'Sign in to see your advocacy')
      await family.getByLabel('Your code').fill(code.toLowerCase().replace(/-/g, ' '))
      await family.getByRole('button', { name: 'Sign in' }).click()
      await FamilyPage.verifyOnPage(family, 'Choose your word or PIN')
      await family.getByLabel('Your word or PIN', { exact: true }).fill('03041990')
      await family.getByLabel('Type it again').fill('03041990')
      await family.getByRole('button', { name: 'Save and sign in' }).click()
      const refused = await FamilyPage.verifyOnPage(family, 'Choose your word or PIN')
      await expect(refused.errorSummary).toContainText('Do not use your birthday')
      await family.getByLabel('Your word or PIN', { exact: true }).fill('blue kettle')
      await family.getByLabel('Type it again').fill('blue kettle')
      await family.getByRole('button', { name: 'Save and sign in' }).click()

      const status = await FamilyPage.verifyOnPage(family, 'Cómo va todo')
      await expect(family.locator('html')).toHaveAttribute('lang', 'es')
      await expect(family.getByText('Su trabajador social ha pedido un defensor para usted.')).toBeVisible()
      await expect(family.locator('[data-timeline] li').first()).toContainText('Su trabajador social pidió un defensor para usted el')
      // Chromium can speak: "listen to this page" appears (listen.js, within the content security policy).
      await expect(family.getByRole('button', { name: 'Escuchar esta página' })).toBeVisible()
      // A glossary word is explained where it is first used, without JavaScript needed to open it.
      await family.locator('main details.app-glossary-explanation summary').first().click()
      await expect(family.locator('main details.app-glossary-explanation').first()).toHaveAttribute('open', '')

      await status.navigation('Sus páginas').getByRole('link', { name: 'Su defensor' }).click()
      await FamilyPage.verifyOnPage(family, 'Su defensor')
      await expect(family.getByText('Todavía no tiene defensor. Primero decidirá el servicio de defensa.')).toBeVisible()

      await family.getByRole('link', { name: 'Su reunión' }).click()
      const meeting = await FamilyPage.verifyOnPage(family, 'Su reunión')
      await expect(meeting.value('Qué')).toHaveText('Conferencia inicial de protección infantil')
      await expect(meeting.value('Dónde')).toHaveText('Town Hall, Committee Room 2')
      await expect(meeting.value('Fecha')).not.toContainText(',')

      await family.getByRole('link', { name: 'Sus derechos', exact: true }).click()
      await FamilyPage.verifyOnPage(family, 'Sus derechos y cómo poner una queja')
      await expect(family.getByRole('link', { name: 'Qué significan las palabras' })).toHaveAttribute('href', '/words?language=es')
      await family.getByRole('link', { name: 'Su reunión' }).click()
      await FamilyPage.verifyOnPage(family, 'Su reunión')

      await family.getByRole('link', { name: 'English' }).click()
      const english = await FamilyPage.verifyOnPage(family, 'Your meeting')
      await expect(english.value('What')).toHaveText('Initial child protection conference')
      await expect(family.getByRole('link', { name: 'Add this meeting to your calendar' })).toBeVisible()

      await family.getByRole('link', { name: 'العربية' }).click()
      await FamilyPage.verifyOnPage(family, 'اجتماعك')
      await expect(family.locator('body')).toHaveAttribute('dir', 'rtl')
      await family.goto('/your-advocacy/rights')
      await FamilyPage.verifyOnPage(family, 'حقوقك، وكيف تقدم شكوى')
      await family.goto('/your-advocacy/no-such-page')
      await FamilyPage.verifyOnPage(family, 'الصفحة غير موجودة')

      await family.getByRole('button', { name: 'تسجيل الخروج' }).click()
      await FamilyPage.verifyOnPage(family, 'لقد سجّلت الخروج')
      await family.goto('/your-advocacy/meeting')
      await FamilyPage.verifyOnPage(family, 'سجّل الدخول لترى الدعم الذي تحصل عليه')
    } finally {
      await context.close()
    }
  })
})
