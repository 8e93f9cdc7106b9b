import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { engine } from '../../../test/support/database.ts'
import { loadQuarterlyDataset } from '../../../test/support/report-dataset.ts'
import { financialYear, quarter, type Period } from './periods.ts'
import { dimensions, type ReferralFigures } from './quarterly-return.ts'
import {
  childFigures,
  childFiguresByWindow,
  childOfferFigures,
  childOfferFiguresByWindow,
  referralFigures,
  referralFiguresByWindow,
  referralAndTeamFiguresByWindow,
  referralsByTeam,
} from './reports-repository.ts'
import { windowOf } from './reports-service.ts'

/**
 * The figures of several periods are counted in one pass (issue 13's speed): each period's figures
 * must be exactly what it counts alone, whatever periods it is counted beside; and the rolled-up
 * counts must add up: a year is its four quarters, and every dimension's groups are everyone.
 */
describe(`figures of several periods at once (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
    await loadQuarterlyDataset(t.database.db, t.world)
  })
  after(async () => t.close())

  const year = financialYear(2026)
  const quarters = ([1, 2, 3, 4] as const).map((number) => quarter(2026, number))
  const periods: Period[] = [year, financialYear(2025), ...quarters, quarter(2025, 4)]
  const sorted = (figures: readonly ReferralFigures[]) => [...figures].sort((a, b) => `${a.dimension}|${a.group}`.localeCompare(`${b.dimension}|${b.group}`))

  test('each period counted beside others is what it counts alone: referrals, teams, children and children’s offers', async () => {
    const db = t.database.db
    const authorityId = t.world.authorityId
    const together = await referralFiguresByWindow(db, authorityId, periods.map(windowOf))
    const children = await childFiguresByWindow(db, authorityId, periods.map(windowOf))
    const offers = await childOfferFiguresByWindow(db, authorityId, periods.map(windowOf))
    const { teams } = await referralAndTeamFiguresByWindow(db, authorityId, periods.map(windowOf))
    assert.ok((offers[0]?.['children.offered'] ?? 0) > 0, 'the dataset has children offered in the year')
    assert.ok((together[0]?.find((row) => row.dimension === null)?.counts['referrals'] ?? 0) > 0, 'the dataset has referrals in the year')
    for (const [index, period] of periods.entries()) {
      assert.deepEqual(sorted(together[index] ?? []), sorted(await referralFigures(db, authorityId, windowOf(period))), period.key)
      assert.deepEqual(children[index], await childFigures(db, authorityId, windowOf(period)), period.key)
      assert.deepEqual(offers[index], await childOfferFigures(db, authorityId, windowOf(period)), period.key)
      assert.deepEqual(teams[index], await referralsByTeam(db, authorityId, windowOf(period)), period.key)
    }
    const empty = together[2]?.find((row) => row.dimension === null)
    assert.ok(empty, 'a period with nothing sent still has its everyone row')
  })

  test('the counts add up: the year is its quarters, and each dimension’s groups are everyone', async () => {
    const [yearFigures, , ...quarterFigures] = await referralFiguresByWindow(t.database.db, t.world.authorityId, periods.map(windowOf))
    const everyone = (figures: readonly ReferralFigures[] | undefined) => figures?.find((row) => row.dimension === null)?.counts ?? {}
    const additive = Object.keys(everyone(yearFigures)).filter((key) => !key.startsWith('people.'))
    for (const key of additive)
      assert.equal(
        everyone(yearFigures)[key],
        quarterFigures.slice(0, 4).reduce((sum, figures) => sum + (everyone(figures)[key] ?? 0), 0),
        key,
      )
    for (const dimension of dimensions)
      for (const key of additive)
        assert.equal(
          (yearFigures ?? []).filter((row) => row.dimension === dimension).reduce((sum, row) => sum + (row.counts[key] ?? 0), 0),
          everyone(yearFigures)[key],
          `${dimension} ${key}`,
        )
  })
})
