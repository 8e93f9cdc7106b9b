import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { barChart } from './chart.ts'
import { quarter } from './periods.ts'
import { figureName, quarterlyReturn, withheldOf, type PeriodFigures, type ReferralFigures } from './quarterly-return.ts'

const medians = { daysToDecision: 3, daysToAllocation: 4, daysToFirstMeeting: null }
const medianOf = { daysToDecision: 4, daysToAllocation: 9, daysToFirstMeeting: 0 }

/** A row of referral figures whose sums hold: none decided, allocated or with a deadline yet. */
function referrals(counts: Record<string, number>, dimension: ReferralFigures['dimension'] = null, group: string | null = null): ReferralFigures {
  const all = counts['referrals'] ?? 0
  return { dimension, group, counts: { ...counts, 'timeliness.no_deadline': all, 'decision.undecided': all, 'allocation.none': all }, medians, medianOf }
}

/** 20 referrals: 2 Early Help, 8 Child in Need, 10 Child Protection; mothers 17, fathers 3. */
const figures: PeriodFigures = {
  referrals: [
    referrals({ referrals: 20, 'stage.early_help': 2, 'stage.child_in_need': 8, 'stage.child_protection': 10, 'people.referred': 20 }),
    referrals(
      { referrals: 17, 'stage.early_help': 2, 'stage.child_in_need': 5, 'stage.child_protection': 10, 'people.referred': 17 },
      'relationship',
      'mother',
    ),
    referrals({ referrals: 3, 'stage.early_help': 0, 'stage.child_in_need': 3, 'stage.child_protection': 0, 'people.referred': 3 }, 'relationship', 'father'),
  ],
  children: { referred: 25, supported: 0 },
  childOffers: {},
  teams: [],
  requests: { requests: 0 },
  programme: { 'programme.all': 0 },
}

describe('the quarterly return', () => {
  test('withheld by hand: fathers (3) are small, so mothers (17) go with them; Early Help (2) is small, and among mothers so is theirs', () => {
    const withheld = withheldOf(figures)
    for (const key of [
      'stage.early_help',
      'referrals@relationship=father',
      'referrals@relationship=mother',
      'people.referred@relationship=father',
      'people.referred@relationship=mother',
      'stage.early_help@relationship=mother',
      'stage.child_in_need@relationship=father',
    ])
      assert.ok(withheld.has(key), key)
    assert.ok(!withheld.has('referrals'), 'the total of 20 is kept: its parts are hidden in pairs')
    assert.ok(!withheld.has('stage.child_protection'))
  })

  test('on screen as recorded; published, withheld figures show [c] with no share or change, and a median of fewer than 5 is withheld', () => {
    const period = quarter(2026, 2)
    const previous = quarter(2026, 1)
    const onScreen = quarterlyReturn({ period, previous, now: figures, before: figures, published: false })
    const stage = onScreen.sections[0]?.tables[0]
    assert.deepEqual(
      stage?.rows.map((row) => [row.label, row.now.text, row.share, row.change]),
      [
        ['All referrals sent', '20', '', 'No change'],
        ['Early Help', '2', '10%', 'No change'],
        ['Child in Need', '8', '40%', 'No change'],
        ['Child Protection', '10', '50%', 'No change'],
        ['Stage not recorded', '0', '0%', 'No change'],
      ],
    )
    const published = quarterlyReturn({ period, previous, now: figures, before: figures, published: true })
    const early = published.sections[0]?.tables[0]?.rows[1]
    assert.deepEqual([early?.now.text, early?.share, early?.change], ['[c]', '', ''])
    const days = published.sections[1]?.tables.find((table) => table.id === 'days')
    assert.deepEqual(
      days?.rows.map((row) => row.now.text),
      ['[c]', '4', 'None'],
      'a median of 4 referrals is withheld, of 9 shown, of none says so',
    )
    assert.deepEqual(
      published.equality[0]?.rows[0]?.cells.map((cell) => cell.text),
      ['[c]', '[c]', '0', '0', '0'],
    )
  })

  test('a figure published with nothing for the rest of its total: a small rest withholds it, a rest of 5 or more does not', () => {
    const readiness = (inTime: number, accepted: number, started: number): PeriodFigures => ({
      ...figures,
      referrals: [
        referrals({
          referrals: 20,
          'stage.early_help': 0,
          'stage.child_in_need': 10,
          'stage.child_protection': 10,
          'people.referred': 20,
          'meeting.initial_conference': 10,
          'readiness.conferences': 10,
          'readiness.report_in_time': inTime,
        }),
      ],
      childOffers: { 'children.offered': 20, 'children.accepted': accepted, 'children.waiting': 20 - accepted, 'children.referral_started': started },
    })
    // Eight of ten conferences had their reports in time: the two that did not would be ten less eight.
    const small = withheldOf(readiness(8, 10, 8))
    assert.ok(small.has('readiness.report_in_time'))
    assert.ok(small.has('children.referral_started'), 'ten accepted, eight referrals started: two not')
    assert.ok(!small.has('readiness.conferences'), 'the total stays: its rest is hidden with the part')
    const large = withheldOf(readiness(5, 10, 5))
    assert.ok(!large.has('readiness.report_in_time'))
    assert.ok(!large.has('children.referral_started'))
  })

  test('each figure is named as its table and row name it, for the list behind it', () => {
    assert.deepEqual(figureName('stage.early_help'), { table: 'Referrals by stage', figure: 'Early Help' })
    assert.deepEqual(figureName('outcome.views.partly'), {
      table: 'Were the person’s views heard? (where an Advocacy Outcome is recorded)',
      figure: 'Heard partly',
    })
    assert.deepEqual(figureName('team.Duty and Assessment'), { table: 'Referrals by the referrer’s team', figure: 'Duty and Assessment' })
    assert.deepEqual(figureName('team.'), { table: 'Referrals by the referrer’s team', figure: 'No team' })
    assert.equal(figureName('banana'), null)
    assert.equal(figureName('readiness.report_in_time~rest'), null, 'a hidden rest is no figure of the return')
  })

  test('the chart: a pair of bars for each category, scaled to a round top, and a description in words', () => {
    const chart = barChart({
      title: 'Referrals by stage',
      nowName: 'this period',
      beforeName: 'the period before',
      categories: [
        { label: 'Early Help', now: 7, before: null },
        { label: 'Child Protection', now: 10, before: 4 },
      ],
    })
    assert.equal(chart.bars.length, 4)
    assert.deepEqual(
      chart.axis.ticks.map((tick) => tick.label),
      ['0', '5', '10'],
    )
    assert.equal(chart.bars[1]?.height, 0, 'a withheld figure draws no bar')
    assert.equal(chart.bars[1]?.valueText, '[c]')
    assert.equal(chart.description, 'Bar chart of referrals by stage: Early Help 7 (the period before withheld); Child Protection 10 (the period before 4).')
  })
})
