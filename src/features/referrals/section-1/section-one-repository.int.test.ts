import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { engine, openTestDatabase } from '../../../../test/support/database.ts'
import { createWorld, type World } from '../../../../test/support/world.ts'
import type { Database } from '../../../platform/db/database.ts'
import { allocateReference, insertReferral } from '../referral-repository.ts'
import { emptySectionOne, type SectionOneAnswers } from './questions.ts'
import { findSectionOne, insertSectionOne, updateSectionOne } from './section-one-repository.ts'

const every: SectionOneAnswers = {
  consentGiven: true,
  consentMethod: 'written',
  consentDate: '2026-03-02',
  consentDetails: 'Signed the form.',
  reason: 'A reason\nover two lines.',
  hasPreference: true,
  preferenceDetails: 'A woman who speaks Spanish.',
  preferredGender: 'woman',
  preferredLanguages: ['Spanish', 'Portuguese'],
  preferredHeritage: 'Latin American',
  interpreterNeeded: false,
  hasDisability: true,
  disabilityDetails: 'Dyslexia.',
  adjustments: ['extra_time', 'easy_read'],
  hasOtherNeeds: false,
  otherNeedsDetails: null,
  domesticAbuseBetweenParents: true,
  safetyNotes: 'Do not share her address.',
}

describe(`Section 1's row, both ways (${engine})`, () => {
  let database: Database
  let world: World
  let referralId: string

  before(async () => {
    database = await openTestDatabase()
    world = await createWorld(database.db)
    const now = new Date('2026-03-10T10:00:00Z')
    referralId = await insertReferral(database.db, {
      authority_id: world.authorityId,
      reference: await allocateReference(database.db, world.authorityId),
      referrer_id: world.staff.referrer.id,
      state: 'draft',
      step_entered_at: now,
      created_at: now,
      updated_at: now,
    })
    await insertSectionOne(database.db, world.authorityId, referralId)
  })
  after(() => database.close())

  const by = () => ({ userId: world.staff.referrer.id, now: new Date('2026-03-10T11:00:00Z') })

  test('a new referral starts with every answer still to give', async () => {
    const saved = await findSectionOne(database.db, world.authorityId, referralId)
    assert.ok(saved)
    const { version, updatedAt: _at, updatedBy: _by, ...answers } = saved
    assert.equal(version, 1)
    assert.deepEqual(answers, emptySectionOne)
  })

  test('every answer is kept in its column and read back as it was given', async () => {
    assert.equal(await updateSectionOne(database.db, world.authorityId, referralId, 1, every, by()), true)
    const saved = await findSectionOne(database.db, world.authorityId, referralId)
    assert.ok(saved)
    const { version, updatedAt: _at, updatedBy, ...answers } = saved
    assert.deepEqual(answers, every)
    assert.equal(version, 2)
    assert.equal(updatedBy, world.staff.referrer.id)
  })

  test('saving some answers leaves the others as they were; an out-of-date version saves nothing', async () => {
    assert.equal(await updateSectionOne(database.db, world.authorityId, referralId, 2, { preferredLanguages: [], consentMethod: 'verbal' }, by()), true)
    assert.equal(await updateSectionOne(database.db, world.authorityId, referralId, 2, { reason: 'lost' }, by()), false)
    const saved = await findSectionOne(database.db, world.authorityId, referralId)
    assert.deepEqual(saved?.preferredLanguages, [])
    assert.equal(saved?.consentMethod, 'verbal')
    assert.equal(saved?.reason, every.reason)
    assert.equal(saved?.safetyNotes, every.safetyNotes)
  })

  test('another authority finds nothing', async () => {
    assert.equal(await findSectionOne(database.db, world.elsewhere.authorityId, referralId), undefined)
  })
})
