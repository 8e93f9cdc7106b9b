import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ageOn, childAge, nonInstructed, offerInWords, offersChildrenAnAdvocate } from './children-offered.ts'

describe('children offered an advocate (issue 11)', () => {
  test('only the children of an initial or review child protection conference are offered one', () => {
    assert.equal(offersChildrenAnAdvocate('initial_conference'), true)
    assert.equal(offersChildrenAnAdvocate('review_conference'), true)
    for (const type of ['core_group', 'child_in_need_review', 'early_help_meeting', 'family_group_conference', 'other'] as const)
      assert.equal(offersChildrenAnAdvocate(type), false, type)
  })

  test('age is whole years on the conference day, a birthday counting from the day itself', () => {
    assert.equal(ageOn('2019-06-01', '2026-12-15'), 7)
    assert.equal(ageOn('2019-12-15', '2026-12-15'), 7, 'the birthday itself')
    assert.equal(ageOn('2019-12-16', '2026-12-15'), 6, 'the day before it')
    assert.equal(ageOn('2020-02-29', '2027-02-28'), 6, 'a leap-day birthday counts from 1 March in other years')
    assert.equal(ageOn('2020-02-29', '2027-03-01'), 7)
    assert.equal(ageOn('2026-12-15', '2026-12-15'), 0, 'born on the day')
    assert.equal(ageOn('2027-01-10', '2026-12-15'), null, 'not born yet')
  })

  test('under 4, someone speaks for them; 4 and over, the child is consulted', () => {
    const two = childAge('2023-12-16', '2026-12-15')
    assert.deepEqual([two.age, two.band, two.consulted], [2, 'under_4', false])
    const nearlyFour = childAge('2022-12-16', '2026-12-15')
    assert.deepEqual([nearlyFour.age, nearlyFour.band, nearlyFour.consulted], [3, 'under_4', false])
    assert.match(nearlyFour.hints.join(' '), /Under 4: not asked directly\. Someone who speaks for them answers/)
    const four = childAge('2022-12-15', '2026-12-15')
    assert.deepEqual([four.age, four.band, four.consulted], [4, 'consulted', true])
    assert.match(four.hints.join(' '), /4 and over: asked for their own answer/)
    assert.doesNotMatch(four.hints.join(' '), /review conference/)
  })

  test('11 and over may attend the review conference; 12 and over take a more active part', () => {
    const ten = childAge('2015-12-16', '2026-12-15')
    assert.deepEqual([ten.age, ten.band], [10, 'consulted'])
    const eleven = childAge('2015-12-15', '2026-12-15')
    assert.deepEqual([eleven.age, eleven.band], [11, 'may_attend'])
    assert.match(eleven.hints.join(' '), /may attend the review conference/)
    assert.doesNotMatch(eleven.hints.join(' '), /more active part/)
    const twelve = childAge('2014-12-15', '2026-12-15')
    assert.deepEqual([twelve.age, twelve.band], [12, 'active_role'])
    assert.match(twelve.hints.join(' '), /may attend the review conference/)
    assert.match(twelve.hints.join(' '), /12 and over: encouraged to take a more active part/)
  })

  test('a date of birth not known asks for it; a child not born by the conference is spoken for', () => {
    const unknown = childAge(null, '2026-12-15')
    assert.deepEqual([unknown.age, unknown.band, unknown.consulted], [null, 'not_known', true])
    const unborn = childAge('2027-02-01', '2026-12-15')
    assert.deepEqual([unborn.age, unborn.band, unborn.consulted], [null, 'not_born', false])
  })

  test('advocacy is non-instructed for a child who is not consulted, or has no speech, signs or pictures', () => {
    assert.equal(nonInstructed(childAge('2024-01-01', '2026-12-15'), ['speaks']), true)
    assert.equal(nonInstructed(childAge('2017-01-01', '2026-12-15'), ['speaks']), false)
    assert.equal(nonInstructed(childAge('2017-01-01', '2026-12-15'), ['signs', 'pictures']), false)
    assert.equal(nonInstructed(childAge('2017-01-01', '2026-12-15'), ['no_speech']), true)
  })

  test('the offer in plain words: opt-out, so no answer yet still means an advocate', () => {
    assert.equal(offerInWords('waiting', null), 'Offered — they will have an advocate unless they decline')
    assert.equal(offerInWords('accepted', 'child'), 'Accepted — ready to refer for a child’s advocate')
    assert.equal(offerInWords('declined', 'child'), 'Declined by the child')
    assert.equal(offerInWords('declined', 'someone_for_them'), 'Declined by someone who speaks for them')
  })
})
