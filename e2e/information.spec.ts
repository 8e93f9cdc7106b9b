import { signInAs } from './support/accounts.ts'
import { expect, expectAccessible, test } from './support/fixtures.ts'
import { expectReflows } from './support/reflow.ts'
import { GlossaryPage, InformationEditorPage, InformationPage } from './pages/information-pages.ts'

const pages = [
  { path: '/information/advocates', en: 'What an advocate does', es: 'Qué hace un defensor', ar: 'ماذا يفعل المناصر' },
  {
    path: '/information/conference',
    en: 'What happens at a child protection conference',
    es: 'Qué pasa en una conferencia de protección infantil',
    ar: 'ماذا يحدث في مؤتمر حماية الطفل',
  },
  { path: '/information/plan', en: 'A child protection plan', es: 'El plan de protección infantil', ar: 'خطة حماية الطفل' },
  { path: '/information/rights', en: 'Your rights, and how to complain', es: 'Sus derechos y cómo poner una queja', ar: 'حقوقك، وكيف تقدم شكوى' },
] as const

test('without JavaScript, a parent opens the glossary and a word’s explanation on an information page', async ({ pageWithoutJavaScript: page }) => {
  await page.goto('/information/conference')
  const conference = await InformationPage.verifyOnPage(page, 'What happens at a child protection conference')
  const coreGroup = conference.explanation('What “core group” means')
  await expect(coreGroup.text).toBeHidden()
  await coreGroup.summary.click()
  await expect(coreGroup.text).toBeVisible()
  await expect(coreGroup.text).toContainText('The core group is you, your social worker')

  await page.getByRole('link', { name: 'Words you may hear, and what they mean' }).click()
  const glossary = await GlossaryPage.verifyOnPage(page)
  await page.getByRole('navigation', { name: 'Jump to a word' }).getByRole('link', { name: 'Independent Reviewing Officer (IRO)' }).click()
  await expect(page).toHaveURL(/\/words#iro$/)
  await expect(glossary.word('iro')).toBeInViewport()
})

test('every information page and the glossary, in English, Spanish and Arabic, pass axe and reflow; Arabic reads right to left', async ({ page }) => {
  for (const language of ['en', 'es', 'ar'] as const) {
    await page.goto(`/words?language=${language}`)
    await GlossaryPage.verifyOnPage(page, { en: 'Words you may hear', es: 'Palabras que puede oír', ar: 'كلمات قد تسمعها' }[language])
    await page.goto('/information')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      { en: 'Information for families', es: 'Información para familias', ar: 'معلومات للأسر' }[language],
    )
    await expectAccessible(page)
    await expectReflows(page)
    for (const information of pages) {
      await page.goto(information.path)
      await InformationPage.verifyOnPage(page, information[language])
      await expect(page.locator('html')).toHaveAttribute('lang', language)
    }
  }

  // The last page read is Arabic: laid out from the right.
  await expect(page.locator('body')).toHaveAttribute('dir', 'rtl')
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox()
  const main = await page.locator('main').boundingBox()
  expect(heading && main && heading.x + heading.width).toBeGreaterThan((main?.x ?? 0) + (main?.width ?? 0) * 0.6)
  const explanation = page.locator('details.app-glossary-explanation').first()
  await explanation.locator('summary').click()
  const summaryBox = await explanation.locator('summary').boundingBox()
  expect((summaryBox?.x ?? 0) + (summaryBox?.width ?? 0)).toBeGreaterThan((main?.x ?? 0) + (main?.width ?? 0) * 0.5)
  await page.goto('/information?language=en')
  await expectAccessible(page)
})

test('a coordinator previews a page with its reading age and publishes it; families read the new version', async ({ page }) => {
  await signInAs(page, 'coordinator')
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Information pages' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Information pages' })).toBeVisible()
  await expectAccessible(page)
  await expectReflows(page)
  await page.getByRole('link', { name: 'Edit A child protection plan in English' }).click()
  const editor = await InformationEditorPage.verifyOnPage(page, 'A child protection plan')
  await expect(editor.readingAge()).toContainText('(the target is 11 or under)')

  await editor.text.fill('## What the plan is\n\nThe plan says how we keep your child safe.\n\n- who does what\n- by when')
  await page.getByRole('button', { name: 'Preview' }).click()
  await InformationEditorPage.verifyOnPage(page, 'A child protection plan')
  await expect(editor.preview.getByRole('heading', { level: 2 })).toHaveText('What the plan is')
  await expect(editor.preview.getByRole('listitem')).toHaveText(['who does what', 'by when'])

  await page.getByLabel('Parents helped write this version').check()
  await page.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByRole('alert', { name: 'Success' })).toContainText('A child protection plan (English) published')
  await expectAccessible(page)
  await expectReflows(page)

  await page.goto('/information/plan')
  const plan = await InformationPage.verifyOnPage(page, 'A child protection plan')
  await expect(plan.tag('Written with parents')).toBeVisible()
  await expect(page.getByRole('main')).toContainText('The plan says how we keep your child safe.')

  await page.goto('/information/plan/edit/ar')
  await InformationEditorPage.verifyOnPage(page, 'A child protection plan')
  await expect(page.getByLabel('Text', { exact: true })).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('main')).toContainText('Measured in English only')
})
