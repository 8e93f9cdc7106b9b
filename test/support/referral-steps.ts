import assert from 'node:assert/strict'
import type { TestApp } from './app.ts'
import { Browser, errorSummary, parseDocument } from './browser.ts'
import { PASSWORD, type StaffKey } from './world.ts'

/** Signs a member of the test world in, in a browser of their own. */
export async function signedIn(t: TestApp, who: StaffKey): Promise<Browser> {
  const browser = new Browser(t.app)
  const page = await browser.signIn(t.world.staff[who].email, PASSWORD)
  assert.equal(page.status, 303, `${who} signs in`)
  await browser.get(page.location ?? '/')
  return browser
}

export const completeSectionOne = {
  consentGiven: 'yes',
  consentMethod: 'verbal',
  'consentDate-day': '20',
  'consentDate-month': '11',
  'consentDate-year': '2026',
  consentDetails: 'The parent has given verbal consent to a referral for advocacy in the upcoming CP conference.',
  reason: 'The parent is experiencing barriers that affect their ability to take part in decisions.',
  hasPreference: 'yes',
  preferenceDetails: 'Would prefer a Spanish-speaking advocate, and a woman.',
  preferredGender: 'woman',
  preferredLanguages: 'Spanish',
  hasDisability: 'yes',
  disabilityDetails: 'Dyslexia: extra time and visual aids help.',
  adjustments: ['extra_time', 'visual_aids'],
  hasOtherNeeds: 'yes',
  otherNeedsDetails: 'Would like to meet the advocate in person before the conference.',
  domesticAbuseBetweenParents: 'no',
  action: 'continue',
}

/** A referrer takes a referral from "Start" to a sent request; returns its id. */
export async function referralSent(
  referrer: Browser,
  options: { meetingType?: string; meetingDate?: [string, string, string]; familyName?: string; lateReason?: string } = {},
): Promise<string> {
  const started = await referrer.post('/referrals', {})
  assert.equal(started.status, 303)
  const id = /\/referrals\/([0-9a-f-]{36})\/person/.exec(started.location ?? '')?.[1]
  assert.ok(id, 'a draft was created')
  await referrer.get(`/referrals/${id}/person/new`)
  const person = await referrer.post(`/referrals/${id}/person/new`, {
    givenName: 'Maria',
    familyName: options.familyName ?? 'Garcia',
    'dateOfBirth-day': '3',
    'dateOfBirth-month': '4',
    'dateOfBirth-year': '1990',
  })
  assert.equal(person.location, `/referrals/${id}/children`, JSON.stringify(errorSummary((await referrer.get(`/referrals/${id}/person/new`)).html)))
  await referrer.get(`/referrals/${id}/children/new`)
  assert.equal(
    (
      await referrer.post(`/referrals/${id}/children/new`, {
        givenName: 'Leo',
        familyName: 'Garcia',
        'dateOfBirth-day': '1',
        'dateOfBirth-month': '6',
        'dateOfBirth-year': '2019',
      })
    ).status,
    303,
  )
  const [day, month, year] = options.meetingDate ?? ['15', '12', '2026']
  const meeting = await referrer.post(`/referrals/${id}/meeting`, {
    type: options.meetingType ?? 'initial_conference',
    'date-day': day,
    'date-month': month,
    'date-year': year,
    time: '10:30am',
    venue: 'Town Hall',
    stage: 'child_protection',
    version: '',
  })
  assert.equal(meeting.location, `/referrals/${id}/section-1`, JSON.stringify(errorSummary((await referrer.get(`/referrals/${id}/meeting`)).html)))
  const sectionOne = await referrer.get(`/referrals/${id}/section-1`)
  const version = versionOn(sectionOne.html)
  const saved = await referrer.post(`/referrals/${id}/section-1`, { ...completeSectionOne, version })
  assert.equal(saved.location, `/referrals/${id}/check`, JSON.stringify(errorSummary((await referrer.get(`/referrals/${id}/section-1`)).html)))
  await referrer.get(`/referrals/${id}/check`)
  const sent = await referrer.post(`/referrals/${id}/check`, { note: 'Thank you', ...(options.lateReason ? { lateReason: options.lateReason } : {}) })
  assert.equal(sent.location, `/referrals/${id}/sent`, JSON.stringify(errorSummary((await referrer.get(`/referrals/${id}/check`)).html)))
  return id
}

/** The version a page's form carries (its hidden `version` field), read as a browser reads it. */
export function versionOn(html: string): string {
  return parseDocument(html).querySelector('input[name="version"]')?.getAttribute('value') ?? ''
}
