import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parseForm } from '../../../platform/http/form-fields.ts'
import { emptySectionOne, missingAnswers, pageQuestions, questions, settled, summaryRows, type SectionOneAnswers } from './questions.ts'
import { formValuesFrom, sectionOneSchema } from './schema.ts'

const TODAY = '2026-03-10'

/** The practice guidance's Appendix B example, complete. */
const appendixB: SectionOneAnswers = {
  ...emptySectionOne,
  consentGiven: true,
  consentMethod: 'verbal',
  consentDate: '2026-03-02',
  consentDetails: 'Verbal consent for the upcoming CP conference.',
  reason: 'Barriers to taking part.\nFeels nobody is on her side.',
  hasPreference: true,
  preferenceDetails: 'A Spanish-speaking woman.',
  preferredGender: 'woman',
  preferredLanguages: ['Spanish', 'Portuguese'],
  preferredHeritage: 'Latin American',
  interpreterNeeded: true,
  hasDisability: true,
  disabilityDetails: 'Dyslexia: extra time and visual aids help.',
  adjustments: ['extra_time', 'visual_aids'],
  hasOtherNeeds: true,
  otherNeedsDetails: 'Meet the advocate first.',
  domesticAbuseBetweenParents: false,
  safetyNotes: null,
}

describe('Section 1, from its one definition', () => {
  test('a complete referral is missing nothing', () => {
    assert.deepEqual(missingAnswers(appendixB, TODAY), [])
  })

  test('an empty one is missing every question a referrer must answer, in the order the page asks them, each linked to its field', () => {
    assert.deepEqual(
      missingAnswers(emptySectionOne, TODAY).map((missing) => [missing.field, missing.href]),
      [
        ['consentGiven', '#consentGiven'],
        ['reason', '#reason'],
        ['hasPreference', '#hasPreference'],
        ['hasDisability', '#hasDisability'],
        ['hasOtherNeeds', '#hasOtherNeeds'],
        ['domesticAbuseBetweenParents', '#domesticAbuseBetweenParents'],
      ],
    )
  })

  test('a "Yes" needs its follow-ups; a "No" to consent needs the reason why; domestic abuse needs safety notes', () => {
    const yesToAll = {
      ...emptySectionOne,
      consentGiven: true,
      reason: 'r',
      hasPreference: true,
      hasDisability: true,
      hasOtherNeeds: true,
      domesticAbuseBetweenParents: true,
    }
    assert.deepEqual(
      missingAnswers(yesToAll, TODAY).map((missing) => missing.message),
      [
        'Select how the person gave their consent',
        'Enter the date the person gave their consent',
        'Say what the person would prefer',
        'Say what the disability or learning need is, and what helps',
        'Say what will help the advocacy relationship go well',
        'Enter the safety notes the advocacy service needs',
      ],
    )
    const noConsent = { ...appendixB, consentGiven: false, consentDetails: null }
    assert.deepEqual(
      missingAnswers(noConsent, TODAY).map((missing) => missing.field),
      ['consentDetails'],
    )
  })

  test('the date consent was given cannot be in the future, and its error links to the day box', () => {
    assert.deepEqual(missingAnswers({ ...appendixB, consentDate: '2026-03-11' }, TODAY), [
      { field: 'consentDate', message: 'The date consent was given must be today or in the past', href: '#consentDate-day' },
    ])
  })

  test('follow-ups to a question answered the other way are cleared; while it is unanswered they are kept', () => {
    const changedMind = settled({ ...appendixB, consentGiven: false, hasPreference: false, hasDisability: false })
    assert.equal(changedMind.consentMethod, null)
    assert.equal(changedMind.consentDate, null)
    assert.equal(changedMind.consentDetails, appendixB.consentDetails, 'the "please specify" about consent is asked either way')
    assert.equal(changedMind.preferenceDetails, null)
    assert.deepEqual(changedMind.preferredLanguages, [])
    assert.equal(changedMind.interpreterNeeded, null)
    assert.deepEqual(changedMind.adjustments, [])
    assert.equal(changedMind.otherNeedsDetails, appendixB.otherNeedsDetails)
    const unanswered = settled({ ...appendixB, hasPreference: null })
    assert.deepEqual(unanswered.preferredLanguages, ['Spanish', 'Portuguese'])
  })

  test('"Check your answers" reads one row per question of Appendix B, with its follow-ups', () => {
    assert.deepEqual(summaryRows(appendixB), [
      {
        key: 'Has the person consented to the referral?',
        answer: 'Yes: verbally, on 2 March 2026',
        written: false,
        details: [appendixB.consentDetails],
        bullets: [],
      },
      { key: 'Reason for referral', answer: appendixB.reason, written: true, details: [], bullets: [] },
      {
        key: "Preference about the advocate's gender, cultural heritage or spoken language",
        answer: 'Yes',
        written: false,
        details: ['A Spanish-speaking woman.'],
        bullets: ['Advocate: a woman', 'Languages: Spanish, Portuguese', 'Cultural heritage: Latin American', 'Needs an interpreter'],
      },
      {
        key: 'Disability, including learning needs',
        answer: 'Yes',
        written: false,
        details: [appendixB.disabilityDetails],
        bullets: ['Extra time to take things in', 'Visual aids'],
      },
      { key: 'Anything else that will help the advocacy relationship', answer: 'Yes', written: false, details: [appendixB.otherNeedsDetails], bullets: [] },
      { key: 'Domestic abuse between the parents, and safety notes', answer: 'No', written: false, details: [], bullets: [] },
    ])
    assert.deepEqual(
      summaryRows(emptySectionOne).map((row) => row.answer),
      ['Not answered', 'Not answered', 'Not answered', 'Not answered', 'Not answered', 'Not answered'],
    )
  })

  test('the page asks each follow-up inside the "Yes" of its question, and every question once', () => {
    const page = pageQuestions()
    assert.deepEqual(
      page.map((question) => question.name),
      ['consentGiven', 'consentDetails', 'reason', 'hasPreference', 'hasDisability', 'hasOtherNeeds', 'domesticAbuseBetweenParents', 'safetyNotes'],
    )
    assert.deepEqual(
      page.find((question) => question.name === 'hasPreference')?.followUps.map((question) => question.name),
      ['preferenceDetails', 'preferredGender', 'preferredLanguages', 'preferredHeritage', 'interpreterNeeded'],
    )
    const asked = page.flatMap((question) => [question.name, ...question.followUps.map((followUp) => followUp.name)])
    assert.deepEqual([...asked].sort(), Object.keys(questions).sort())
  })

  test('the form shows saved answers so that posting them back gives the same answers', () => {
    const posted = parseForm(sectionOneSchema, { ...formValuesFrom(appendixB), version: '3', action: 'continue' })
    assert.ok(posted.ok, JSON.stringify(posted))
    const { version, action, ...answers } = posted.data
    assert.equal(version, 3)
    assert.equal(action, 'continue')
    assert.deepEqual(answers, appendixB)
  })

  test('the form refuses what no page offers, with the question’s own message', () => {
    const posted = parseForm(sectionOneSchema, { consentGiven: 'maybe', consentMethod: 'telepathy', adjustments: ['extra_time', 'x'], version: '1' })
    assert.ok(!posted.ok)
    assert.deepEqual(
      posted.errors.map((error) => error.message),
      ['Select yes if the person has consented to being referred', 'Select how the person gave their consent', 'Select the adjustments from the list'],
    )
  })
})
