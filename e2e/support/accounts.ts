import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, demoAccounts } from '../../src/features/demo/demo-data.ts'
import { expect, expectAccessible } from './fixtures.ts'
import { expectReflows } from './reflow.ts'

export type DemoRole = 'referrer' | 'referrer2' | 'admin' | 'manager' | 'advocate' | 'coordinator' | 'analyst' | 'sysadmin'

export function demoAccount(role: DemoRole) {
  const account = demoAccounts.find((candidate) => candidate.email.startsWith(`${role}@`))
  if (!account) throw new Error(`No demo account for ${role}`)
  return account
}

export interface Credentials {
  readonly email: string
  readonly password: string
  /** The name the header shows once signed in. */
  readonly displayName: string
}

/** Signs in through the real sign-in page (checking it with axe, and at 320 pixels, on the way). */
export async function signInWith(page: Page, account: Credentials): Promise<void> {
  await page.goto('/sign-in')
  await expectAccessible(page)
  await expectReflows(page)
  await page.getByLabel('Email address').fill(account.email)
  await page.getByLabel('Password', { exact: true }).fill(account.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  // In the header: the name may also be in a worktray's "Waiting on" column.
  await expect(page.getByRole('banner').getByText(account.displayName, { exact: true })).toBeVisible()
  await expectAccessible(page)
  await expectReflows(page)
}

/** Signs in as one of the demo accounts. */
export async function signInAs(page: Page, role: DemoRole): Promise<void> {
  const account = demoAccount(role)
  await signInWith(page, { email: account.email, password: DEMO_PASSWORD, displayName: account.displayName })
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'You have signed out' })).toBeVisible()
  await expectAccessible(page)
  await expectReflows(page)
}
