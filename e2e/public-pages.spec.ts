import { AdvocacyPage } from './pages/advocacy-page.ts'
import { AppliedPage } from './pages/applied-page.ts'
import { ApplyPage } from './pages/apply-page.ts'
import { AskPage } from './pages/ask-page.ts'
import { AskSentPage } from './pages/ask-sent-page.ts'
import { BecomeAParentAdvocatePage } from './pages/become-a-parent-advocate-page.ts'
import { EnquiriesPage } from './pages/enquiries-page.ts'
import { EnquiryPage } from './pages/enquiry-page.ts'
import { ProgrammeOverviewPage } from './pages/programme-tabs.ts'
import type { PublicLanguage } from './pages/public-page.ts'
import { MyWorkPage, TeamWorkPage } from './pages/worktray-page.ts'
import { signInAs } from './support/accounts.ts'
import { expect, expectAccessible, test } from './support/fixtures.ts'
import { expectReflows } from './support/reflow.ts'
import { uniqueFamilyName } from './support/referral-data.ts'

/**
 * The public pages, with nobody signed in (issue 10): a Spanish-speaking mother asks for an
 * advocate and the FGC Advocacy Admin team answers her; someone applies to become a parent advocate
 * and the coordinator finds them at "Application"; and every public page in every language passes
 * axe and reflows at 320 pixels, Arabic laid out right to left.
 */

// Every page is checked by axe and at 320 pixels, in three languages: slow on a shared machine.
test.describe.configure({ timeout: 900_000 })

test('a mother asks for an advocate in Spanish, and the advocacy admin answers it from the team’s worktray', async ({ page }) => {
  const name = `Lucía ${uniqueFamilyName('Moreno')}`
  await page.goto('/sign-in')
  await expectAccessible(page)
  await expectReflows(page)
  await page.getByRole('main').getByRole('link', { name: 'Find out about advocacy and ask for an advocate' }).click()
  const english = await AdvocacyPage.verifyOnPage(page)
  await english.readIn('Español')
  const advocacy = await AdvocacyPage.verifyOnPage(page, 'es')
  await advocacy.askForAnAdvocate('Pedir un defensor')

  const ask = await AskPage.verifyOnPage(page, 'es')
  await ask.send('Enviar')
  await expect(page.getByRole('alert').filter({ hasText: 'Hay un problema' })).toContainText('Elija quién necesita un defensor')
  await expect(page).toHaveTitle(/^Error: Pedir un defensor/)
  const withErrors = await AskPage.verifyOnPage(page, 'es')
  await withErrors.ask({
    who: { question: '¿Quién necesita un defensor?', answer: 'Yo' },
    nameLabel: 'Nombre completo de la madre, el padre o el cuidador que necesita un defensor',
    name,
    contact: { question: '¿Cómo debemos ponernos en contacto?', answer: 'Por teléfono', label: 'Número de teléfono', value: '07700 900 982' },
    safeToLeaveMessage: { question: '¿Es seguro que dejemos un mensaje?', answer: 'No, no dejen ningún mensaje' },
    meeting: { question: /^¿Qué reunión hay próximamente\?/, answer: 'Una primera conferencia de protección infantil' },
    meetingDate: { question: /^Fecha de la reunión/, parts: ['15', '12', '2026'], labels: ['Día', 'Mes', 'Año'] },
    send: 'Enviar',
  })
  const sent = await AskSentPage.verifyOnPage(page, 'es')
  await expect(sent.page.getByText('Nos pondremos en contacto en un plazo de 2 días laborables.')).toBeVisible()
  await expect(sent.page.getByRole('main')).not.toContainText(name)

  await page.context().clearCookies()
  await signInAs(page, 'admin')
  const myWork = await MyWorkPage.verifyOnPage(page)
  await expect(page.locator('.app-enquiries-waiting')).toContainText('from the public')
  await myWork.goToTeamWork()
  const teamWork = await TeamWorkPage.verifyOnPage(page)
  await teamWork.openReferral(name)
  const enquiry = await EnquiryPage.verifyOnPage(page, name)
  await expect(enquiry.detail('Phone')).toHaveText('07700 900 982')
  await expect(enquiry.detail('Asked in')).toHaveText('Spanish')
  await expect(page.getByText(`It is not safe to leave a message. Speak only to ${name}.`)).toBeVisible()
  await enquiry.close('Asked the social worker to refer', 'Rang Sam Patel in the North team, who will refer her today.')
  const enquiries = await EnquiriesPage.verifyOnPage(page)
  await expect(enquiries.successBanner('Enquiry closed')).toBeVisible()
  await expect(enquiries.closed(name)).toContainText('Asked the social worker to refer')
})

test('someone applies in Arabic to become a parent advocate, and the coordinator finds them at “Application”', async ({ page }) => {
  const familyName = uniqueFamilyName('Haddad')
  await page.goto('/advocacy/become-a-parent-advocate?language=ar')
  const become = await BecomeAParentAdvocatePage.verifyOnPage(page, 'ar')
  await expect(become.weeks).toHaveCount(8)
  await become.apply('تقدّم بطلب لتصبح مناصرًا للوالدين')
  const apply = await ApplyPage.verifyOnPage(page, 'ar')
  await apply.apply({
    fields: [
      { label: 'الاسم الأول', value: 'Samira' },
      { label: 'اسم العائلة', value: familyName },
      { label: 'رقم الهاتف', value: '07700 900 123' },
      { label: /^أخبرنا عن تجربتك الخاصة/, value: 'An advocate helped me when my children were on a plan. I want to do the same for others.' },
      { label: /^ما اللغات التي تتحدثها؟/, value: 'العربية، English' },
    ],
    days: ['الاثنين', 'الخميس'],
    agree: 'أوافق على أن تحتفظ خدمة المناصرة بهذه البيانات للتواصل معي بشأن أن أصبح مناصرًا للوالدين',
    send: 'إرسال الطلب',
  })
  const applied = await AppliedPage.verifyOnPage(page, 'ar')
  await expect(applied.page.getByRole('main')).not.toContainText(familyName)

  await page.context().clearCookies()
  await signInAs(page, 'coordinator')
  await MyWorkPage.landedOn(page)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Peer advocate programme', exact: true }).click()
  const programme = await ProgrammeOverviewPage.verifyOnPage(page)
  await expect(programme.page.locator('#stage-application + ul').getByRole('link', { name: `Samira ${familyName}`, exact: true })).toBeVisible()
})

const pages: readonly { path: string; headings: Record<PublicLanguage, string> }[] = [
  { path: '/advocacy', headings: { en: 'Get an advocate on your side', es: 'Tenga un defensor de su lado', ar: 'احصل على مناصر يقف إلى جانبك' } },
  { path: '/advocacy/ask', headings: { en: 'Ask for an advocate', es: 'Pedir un defensor', ar: 'اطلب مناصرًا' } },
  { path: '/advocacy/ask/sent', headings: { en: 'We have your request', es: 'Hemos recibido su solicitud', ar: 'وصلنا طلبك' } },
  {
    path: '/advocacy/become-a-parent-advocate',
    headings: { en: 'Become a parent advocate', es: 'Hágase defensor de padres', ar: 'كن مناصرًا للوالدين' },
  },
  {
    path: '/advocacy/become-a-parent-advocate/apply',
    headings: { en: 'Apply to become a parent advocate', es: 'Solicitar ser defensor de padres', ar: 'تقدّم بطلب لتصبح مناصرًا للوالدين' },
  },
  {
    path: '/advocacy/become-a-parent-advocate/applied',
    headings: { en: 'We have your application', es: 'Hemos recibido su solicitud', ar: 'وصلنا طلبك' },
  },
]

for (const language of ['en', 'es', 'ar'] as const) {
  test(`every public page in ${language} passes axe and reflows at 320 pixels${language === 'ar' ? ', right to left' : ''}, with JavaScript off too`, async ({
    page,
    pageWithoutJavaScript,
  }) => {
    for (const { path, headings } of pages) {
      await page.goto(`${path}?language=${language}`)
      await expect(page.getByRole('heading', { level: 1, name: headings[language], exact: true })).toBeVisible()
      await expect(page.locator('html')).toHaveAttribute('lang', language)
      expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe(language === 'ar' ? 'rtl' : 'ltr')
      await expectAccessible(page)
      await expectReflows(page)
    }
    // A form sent empty, without JavaScript: the error summary, each conditional question shown.
    await pageWithoutJavaScript.goto(`/advocacy/ask?language=${language}`)
    await expectAccessible(pageWithoutJavaScript)
    await pageWithoutJavaScript.getByRole('button', { name: { en: 'Send', es: 'Enviar', ar: 'إرسال' }[language], exact: true }).click()
    await expect(pageWithoutJavaScript).toHaveTitle(/^(Error|خطأ):/)
    await expectAccessible(pageWithoutJavaScript)
    await expectReflows(pageWithoutJavaScript)
    await pageWithoutJavaScript.goto(`/advocacy/become-a-parent-advocate/apply?language=${language}`)
    await expectAccessible(pageWithoutJavaScript)
    await pageWithoutJavaScript
      .getByRole('button', { name: { en: 'Send application', es: 'Enviar solicitud', ar: 'إرسال الطلب' }[language], exact: true })
      .click()
    await expect(pageWithoutJavaScript.locator('.govuk-error-summary')).toBeVisible()
    await expectAccessible(pageWithoutJavaScript)
    await expectReflows(pageWithoutJavaScript)
  })
}
