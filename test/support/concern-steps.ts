import assert from 'node:assert/strict'
import type { TestApp } from './app.ts'
import type { Browser } from './browser.ts'
import { familyReading } from './family-steps.ts'
import { versionOn } from './referral-steps.ts'
import { referralAt, type Crew } from './workflow-steps.ts'

/** Steps for safeguarding concerns (issue 11): the authority's list, and a concern raised by a family. */

/** Sets who receives concerns, in order, and how long each has, on the settings page as a service manager would. */
export async function concernListSet(manager: Browser, recipients: readonly string[], hours = 4): Promise<void> {
  const page = await manager.get('/admin/settings/concerns')
  const places = Object.fromEntries([0, 1, 2, 3, 4].map((index) => [`recipient${index + 1}`, recipients[index] ?? '']))
  const saved = await manager.post('/admin/settings/concerns', { ...places, acknowledgeHours: String(hours), version: versionOn(page.html) })
  assert.equal(saved.location, '/admin/settings/concerns', 'the list is saved')
}

/**
 * A parent signs in to her own pages and tells someone now; returns the concern and her browser. Give
 * a family name for a new referral, or the id of one made earlier (before the test clock moved on
 * past its meeting).
 */
export async function familyConcernRaised(
  t: TestApp,
  crew: Crew,
  familyNameOrReferral: string | { referralId: string },
  concern: { about?: string; words?: string } = {},
): Promise<{ concernId: string; referralId: string; family: Browser }> {
  const referralId =
    typeof familyNameOrReferral === 'string' ? await referralAt(t, crew, 'advocate_recorded', familyNameOrReferral) : familyNameOrReferral.referralId
  const family = await familyReading(t, crew, referralId)
  await family.get('/your-advocacy/concern')
  const sent = await family.post('/your-advocacy/concern', { about: concern.about ?? 'me', words: concern.words ?? 'I am frightened at home.' })
  assert.equal(sent.location, '/your-advocacy/concern/sent', 'the concern is sent')
  const row = await t.database.db.selectFrom('concern').select('id').where('referral_id', '=', referralId).executeTakeFirstOrThrow()
  return { concernId: row.id, referralId, family }
}
