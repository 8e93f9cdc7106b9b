import { demoAccounts } from '../src/features/demo/demo-data.ts'
import { signInAs, signOut, type DemoRole } from './support/accounts.ts'
import { expect, expectAccessible, test } from './support/fixtures.ts'
import { expectReflows } from './support/reflow.ts'

test('a wrong password shows a GOV.UK error summary that links to the field', async ({ page }) => {
  await page.goto('/sign-in')
  await expectAccessible(page)
  await expectReflows(page)
  await page.getByLabel('Email address').fill('referrer@demo.alongside.test')
  await page.getByLabel('Password', { exact: true }).fill('not the password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText('Enter a correct email address and password')
  await expect(page).toHaveTitle(/^Error: Sign in/)
  await expectAccessible(page)
  await expectReflows(page)
})

for (const account of demoAccounts) {
  const role = account.email.split('@')[0] as DemoRole
  test(`${account.displayName} can sign in and out`, async ({ page }) => {
    await signInAs(page, role)
    await signOut(page)
  })
}
