import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../support/app.ts'
import { Browser, errorSummary, textOf, type FormValue, type Page } from '../support/browser.ts'
import { engine } from '../support/database.ts'
import { allocationOn, eligibleAdvocate, localService, offerOn, worldAdvocate } from '../support/pool.ts'
import { completeSectionOne } from '../support/referral-steps.ts'
import { PASSWORD } from '../support/world.ts'
import {
  advocateUser,
  crewOf,
  draftWithPerson,
  emptyDraft,
  isServicePage,
  referralAt,
  signedInAs,
  snapshot,
  stateOf,
  validMeeting,
  validOutcome,
  versionsOf,
  type Crew,
  type Stage,
} from '../support/workflow-steps.ts'

/**
 * "Hostile input in every field (very long text, control characters, markup, wrong types, missing
 * fields) gets a GOV.UK error, never a 500." Every form is posted every kind of bad answer, one
 * field at a time (the others valid, so the refusal is that field's), and then as a whole.
 */

const MARKUP = '<script>alert(1)</script>'
const LONG = 'x'.repeat(100_000)
const NONEXISTENT = '00000000-0000-4000-8000-000000000000'
/** Control characters a person cannot type (NUL has tests of its own, below). */
const CONTROLS = '\u0001\u0007\u001b\u007f'
/** What a GOV.UK message never looks like: a library's words, or a value that was never a message. */
const LIBRARY_MESSAGE = /^invalid|expected .*received|too (big|small)|undefined|NaN|\[object|zod/i

type Body = Record<string, FormValue>
/** What a case may end in: refused back to the form; or a 404 page (an id that is not there); or, for tolerant fields, saved. */
type Expect = 'refused' | 'refused-or-404' | 'not-500'

type Kind = 'text' | 'choice' | 'date' | 'number' | 'minutes' | 'hours' | 'time' | 'id' | 'ids' | 'version' | 'list' | 'checkboxes'
interface Field {
  readonly kind: Kind
  readonly required?: boolean
}
const text = (required = false): Field => ({ kind: 'text', required })
const choice = (required = false): Field => ({ kind: 'choice', required })
const date = (required = false): Field => ({ kind: 'date', required })
const field = (kind: Kind, required = false): Field => ({ kind, required })

interface Context {
  readonly t: TestApp
  readonly id: string
}

/** Who posts a form: one of the crew, or the world's advocate (Avril), to whom the referral was offered. */
type Poster = keyof Crew | 'advocate'

interface FormSpec {
  /** The path after /referrals/:id/ (or, for the advocate's own pages, a name for the form). */
  readonly form: string
  readonly stage: Stage
  readonly who: Poster
  /** Where the form is, when it is not at /referrals/:id/<form>: the advocate's own pages. */
  readonly path?: (context: Context) => Promise<string>
  readonly fields: Readonly<Record<string, Field>>
  /** Every field answered well: posted as it is, the form would be accepted. */
  readonly valid: (context: Context) => Promise<Body>
  /** Cases of this form's own (rules the field kinds alone do not say). */
  readonly extra?: (context: Context) => Promise<readonly Case[]>
}

interface Case {
  readonly label: string
  /** Changes to the valid form: a value replaces the answer; `null` leaves the field out. */
  readonly change: Readonly<Record<string, FormValue | null>>
  readonly expect: Expect
  /** Start from an empty form rather than the valid one. */
  readonly fromEmpty?: boolean
  /** The field whose answer is bad (none: the form as a whole). */
  readonly field?: string
}

async function childOf(t: TestApp, referralId: string): Promise<string> {
  const row = await t.database.db.selectFrom('referral_child').select('person_id').where('referral_id', '=', referralId).executeTakeFirstOrThrow()
  return row.person_id
}

async function personOf(t: TestApp, referralId: string): Promise<string> {
  const row = await t.database.db.selectFrom('referral').select('person_id').where('id', '=', referralId).executeTakeFirstOrThrow()
  assert.ok(row.person_id)
  return row.person_id
}

const day = (name: string, values: readonly [string, string, string]): Body => ({
  [`${name}-day`]: values[0],
  [`${name}-month`]: values[1],
  [`${name}-year`]: values[2],
})

const forms: readonly FormSpec[] = [
  {
    form: 'person',
    stage: 'draft',
    who: 'referrer',
    fields: { personId: field('id', true) },
    valid: async ({ t, id }) => ({ personId: await personOf(t, id) }),
    extra: async ({ t, id }) => [
      { label: "a child's id as the parent or carer", change: { personId: await childOf(t, id) }, expect: 'refused-or-404' },
      { label: "a person of another authority's id", change: { personId: await elsewherePerson(t) }, expect: 'refused-or-404' },
    ],
  },
  {
    form: 'children',
    stage: 'draft',
    who: 'referrer',
    fields: { childIds: field('ids') },
    valid: async ({ t, id }) => ({ childIds: [await childOf(t, id)] }),
    extra: async ({ t, id }) => [
      { label: 'the parent or carer ticked as a child', change: { childIds: [await personOf(t, id)] }, expect: 'refused-or-404' },
      { label: "a child of another authority's family", change: { childIds: [await elsewherePerson(t)] }, expect: 'refused-or-404' },
    ],
  },
  {
    form: 'person/new',
    stage: 'draft',
    who: 'referrer',
    fields: { givenName: text(true), familyName: text(true), dateOfBirth: date(), gender: text(), pronouns: text(), externalId: text() },
    valid: async () => ({
      givenName: 'Maria',
      familyName: 'Hostile',
      ...day('dateOfBirth', ['3', '4', '1990']),
      gender: 'Female',
      pronouns: 'she/her',
      externalId: 'CS-123',
    }),
    extra: async () => [
      { label: 'a date of birth in the future', change: day('dateOfBirth', ['1', '1', '2027']), expect: 'refused' },
      { label: 'a date of birth before 1900', change: day('dateOfBirth', ['1', '1', '1899']), expect: 'refused' },
    ],
  },
  {
    form: 'children/new',
    stage: 'draft',
    who: 'referrer',
    fields: { givenName: text(true), familyName: text(true), dateOfBirth: date(), gender: text(), externalId: text() },
    valid: async () => ({ givenName: 'Leo', familyName: 'Hostile', ...day('dateOfBirth', ['1', '6', '2019']), gender: 'Male', externalId: 'CS-124' }),
    extra: async () => [{ label: 'a date of birth more than 9 months ahead', change: day('dateOfBirth', ['1', '1', '2028']), expect: 'refused' }],
  },
  {
    form: 'meeting',
    stage: 'complete_draft',
    who: 'referrer',
    fields: { type: choice(true), typeOther: text(), date: date(true), time: field('time'), venue: text(), stage: choice(true), version: field('version') },
    valid: async ({ t, id }) => ({ ...validMeeting, typeOther: '', version: (await versionsOf(t.database.db, id)).meeting }),
    extra: async () => [
      { label: 'another type of meeting, not named', change: { type: 'other', typeOther: '' }, expect: 'refused' },
      { label: 'a meeting three years ahead', change: day('date', ['15', '12', '2029']), expect: 'refused' },
      { label: 'a meeting two years ago', change: day('date', ['15', '12', '2024']), expect: 'refused' },
    ],
  },
  {
    form: 'section-1',
    stage: 'complete_draft',
    who: 'referrer',
    fields: {
      consentGiven: choice(),
      consentMethod: choice(),
      consentDate: date(),
      consentDetails: text(),
      reason: text(),
      hasPreference: choice(),
      preferenceDetails: text(),
      preferredGender: choice(),
      preferredLanguages: field('list'),
      preferredHeritage: text(),
      interpreterNeeded: choice(),
      hasDisability: choice(),
      disabilityDetails: text(),
      adjustments: field('checkboxes'),
      hasOtherNeeds: choice(),
      otherNeedsDetails: text(),
      domesticAbuseBetweenParents: choice(),
      safetyNotes: text(),
      version: field('version', true),
    },
    valid: async ({ t, id }) => ({
      ...completeSectionOne,
      preferredHeritage: 'Colombian',
      interpreterNeeded: 'no',
      safetyNotes: 'None known',
      action: 'draft',
      version: (await versionsOf(t.database.db, id)).sectionOne,
    }),
  },
  {
    form: 'check',
    stage: 'complete_draft',
    who: 'referrer',
    fields: { note: text(), lateReason: text() },
    valid: async () => ({ note: 'Thank you', lateReason: '' }),
  },
  {
    form: 'reschedule',
    stage: 'awaiting_admin',
    who: 'referrer',
    fields: { date: date(true), time: field('time'), venue: text(), lateReason: text(), version: field('version', true) },
    valid: async ({ t, id }) => ({
      ...day('date', ['16', '12', '2026']),
      time: '11am',
      venue: 'Civic Centre',
      lateReason: '',
      version: (await versionsOf(t.database.db, id)).meeting,
    }),
    extra: async () => [
      { label: 'a new date that makes it late, with no reason', change: { ...day('date', ['26', '11', '2026']), lateReason: '' }, expect: 'refused' },
    ],
  },
  {
    form: 'withdraw',
    stage: 'awaiting_admin',
    who: 'referrer',
    fields: { reason: choice(true), details: text() },
    valid: async () => ({ reason: 'meeting_cancelled', details: 'The conference was cancelled' }),
    extra: async () => [{ label: 'another reason, not given', change: { reason: 'other', details: '' }, expect: 'refused' }],
  },
  {
    form: 'pass-to-manager',
    stage: 'awaiting_admin',
    who: 'admin',
    fields: { managerId: field('id', true), note: text() },
    valid: async ({ t }) => ({ managerId: t.world.staff.manager.id, note: 'Please decide' }),
    extra: async ({ t }) => [
      { label: 'a referrer chosen as the service manager', change: { managerId: t.world.staff.referrer.id }, expect: 'refused' },
      { label: "another authority's service manager", change: { managerId: t.world.elsewhere.manager.id }, expect: 'refused' },
    ],
  },
  {
    form: 'decision',
    stage: 'awaiting_decision',
    who: 'manager',
    fields: { nextAction: choice(true), reasons: text(true), advocateType: choice(true), priority: choice(true) },
    valid: async () => ({
      nextAction: 'child_protection_advocacy_review',
      reasons: 'The parent would benefit from an advocate.',
      advocateType: 'parent_peer_advocate',
      priority: 'high',
    }),
  },
  {
    form: 'return',
    stage: 'awaiting_decision',
    who: 'manager',
    fields: { note: text(true) },
    valid: async () => ({ note: 'Which language does she speak best?' }),
  },
  {
    form: 'consent',
    stage: 'advocate_recorded',
    who: 'admin',
    fields: { method: choice(true), date: date(true), details: text(), version: field('version', true) },
    valid: async ({ t, id }) => ({
      method: 'written',
      ...day('date', ['20', '11', '2026']),
      details: 'Signed form',
      version: (await versionsOf(t.database.db, id)).sectionOne,
    }),
    extra: async () => [{ label: 'consent given tomorrow', change: day('date', ['25', '11', '2026']), expect: 'refused' }],
  },
  {
    form: 'matches',
    stage: 'in_review',
    who: 'admin',
    fields: { advocateId: field('id', true) },
    valid: async ({ t }) => ({ advocateId: await pool(t, 'free') }),
    extra: async ({ t }) => [
      {
        label: 'a professional advocate, when the decision asked for a parent peer advocate',
        change: { advocateId: await pool(t, 'professional') },
        expect: 'refused',
      },
      { label: 'an advocate with no free place', change: { advocateId: await pool(t, 'full') }, expect: 'refused' },
      { label: 'an advocate who has left the pool', change: { advocateId: await pool(t, 'left') }, expect: 'refused-or-404' },
      { label: "another authority's advocate", change: { advocateId: await pool(t, 'elsewhere') }, expect: 'refused-or-404' },
      { label: "a local service's id as the advocate", change: { advocateId: await service(t, 'active') }, expect: 'refused-or-404' },
    ],
  },
  {
    form: 'triage',
    stage: 'in_review',
    who: 'admin',
    fields: { localServiceId: field('id', true), note: text() },
    valid: async ({ t }) => ({ localServiceId: await service(t, 'active'), note: 'Spoke to their duty worker' }),
    extra: async ({ t }) => [
      { label: 'a local service no longer taking referrals', change: { localServiceId: await service(t, 'inactive') }, expect: 'refused-or-404' },
      { label: "another authority's local service", change: { localServiceId: await service(t, 'elsewhere') }, expect: 'refused-or-404' },
      { label: "an advocate's id as the local service", change: { localServiceId: await pool(t, 'free') }, expect: 'refused-or-404' },
    ],
  },
  {
    form: 'offer',
    stage: 'awaiting_advocate',
    who: 'admin',
    fields: { answer: choice(true), reason: text() },
    valid: async () => ({ answer: 'accept', reason: '' }),
    extra: async () => [
      { label: 'declined without saying why', change: { answer: 'decline', reason: '' }, expect: 'refused' },
      { label: 'declined with only spaces and control characters', change: { answer: 'decline', reason: ` ${CONTROLS} ` }, expect: 'refused' },
    ],
  },
  {
    form: 'change-advocate',
    stage: 'advocate_recorded',
    who: 'admin',
    fields: { reason: text(true) },
    valid: async () => ({ reason: 'The advocate is unwell' }),
  },
  {
    form: 'advocacy/offers/:allocationId',
    stage: 'awaiting_advocate',
    who: 'advocate',
    path: async ({ t, id }) => `/my-people/offers/${await offerOn(t, id)}`,
    fields: { answer: choice(true), reason: text() },
    valid: async () => ({ answer: 'accept', reason: '' }),
    extra: async () => [
      { label: 'declined without saying why', change: { answer: 'decline', reason: '' }, expect: 'refused' },
      { label: 'declined with only spaces and control characters', change: { answer: 'decline', reason: ` ${CONTROLS} ` }, expect: 'refused' },
    ],
  },
  {
    form: 'advocacy/people/:allocationId/contacts',
    stage: 'advocate_recorded',
    who: 'advocate',
    path: async ({ t, id }) => `/my-people/people/${await allocationOn(t, id)}/contacts`,
    fields: { contactedOn: date(true), method: choice(true), minutes: field('minutes'), notes: text() },
    valid: async () => ({ ...day('contactedOn', ['23', '11', '2026']), method: 'phone', minutes: '20', notes: 'Talked about the conference' }),
    extra: async () => [{ label: 'a contact tomorrow', change: day('contactedOn', ['25', '11', '2026']), expect: 'refused' }],
  },
  {
    form: 'advocacy/people/:allocationId/views',
    stage: 'advocate_recorded',
    who: 'advocate',
    path: async ({ t, id }) => `/my-people/people/${await allocationOn(t, id)}/views`,
    fields: { agreed: field('checkboxes'), views: text(), agreedOn: date(), version: field('version', true) },
    valid: async ({ t, id }) => ({
      agreed: 'yes',
      views: 'I want my children home.',
      ...day('agreedOn', ['24', '11', '2026']),
      version: (await versionsOf(t.database.db, id)).views,
    }),
    extra: async () => [
      { label: 'agreed, without the date they agreed', change: { 'agreedOn-day': null, 'agreedOn-month': null, 'agreedOn-year': null }, expect: 'refused' },
      { label: 'agreed tomorrow', change: day('agreedOn', ['25', '11', '2026']), expect: 'refused' },
    ],
  },
  {
    form: 'outcome',
    stage: 'advocate_recorded',
    who: 'admin',
    fields: {
      contactCount: field('number', true),
      contactSummary: text(),
      advocateAttended: choice(true),
      viewsHeard: choice(true),
      meetingOutcome: choice(true),
      meetingOutcomeDetails: text(),
      minutesSpent: field('hours', true),
      notes: text(),
      version: field('version', true),
    },
    valid: async ({ t, id }) => ({ ...validOutcome, meetingOutcomeDetails: '', version: (await versionsOf(t.database.db, id)).review }),
    extra: async () => [{ label: 'another outcome, not described', change: { meetingOutcome: 'other', meetingOutcomeDetails: '' }, expect: 'refused' }],
  },
  {
    form: 'sign-off-request',
    stage: 'outcome_recorded',
    who: 'admin',
    fields: { managerId: field('id', true), note: text() },
    valid: async ({ t }) => ({ managerId: t.world.staff.manager.id, note: 'Ready for sign-off' }),
    extra: async ({ t }) => [{ label: 'an advocate chosen as the service manager', change: { managerId: t.world.staff.advocate.id }, expect: 'refused' }],
  },
  {
    form: 'sign-off',
    stage: 'awaiting_sign_off',
    who: 'manager',
    fields: { nextAction: choice(true), note: text() },
    valid: async () => ({ nextAction: 'advocacy_completed', note: 'Well done' }),
    extra: async () => [{ label: 'returned without saying why', change: { nextAction: 'return', note: '' }, expect: 'refused' }],
  },
]

const made = new Map<string, Promise<string>>()
/** Made once per file, on first use. */
function once(key: string, make: () => Promise<string>): Promise<string> {
  const known = made.get(key)
  if (known) return known
  const making = make()
  made.set(key, making)
  return making
}

/** Advocates of the pool: one free to be offered anything, and some who must never be. */
function pool(t: TestApp, which: 'free' | 'professional' | 'full' | 'left' | 'elsewhere'): Promise<string> {
  return once(`advocate:${which}`, async () => {
    switch (which) {
      case 'free':
        return eligibleAdvocate(t, { givenName: 'Hana', familyName: 'Hostilepool', capacity: 20 })
      case 'professional':
        return eligibleAdvocate(t, { givenName: 'Pia', familyName: 'Professional', kind: 'professional_advocate' })
      case 'full':
        return eligibleAdvocate(t, { givenName: 'Fay', familyName: 'Full', capacity: 0 })
      case 'left': {
        const id = await eligibleAdvocate(t, { givenName: 'Lee', familyName: 'Left' })
        await t.database.db.updateTable('advocate').set({ stage: 'left' }).where('id', '=', id).execute()
        return id
      }
      case 'elsewhere':
        return eligibleAdvocate(t, { givenName: 'Elle', familyName: 'Elsewhere', authorityId: t.world.elsewhere.authorityId })
    }
  })
}

/** Local services: one taking referrals, one that no longer is, and another authority's. */
function service(t: TestApp, which: 'active' | 'inactive' | 'elsewhere'): Promise<string> {
  return once(`service:${which}`, () =>
    localService(t, {
      name: `Hostile ${which} service`,
      active: which !== 'inactive',
      ...(which === 'elsewhere' ? { authorityId: t.world.elsewhere.authorityId } : {}),
    }),
  )
}

let elsewhereId: string | undefined
/** A person recorded by the other authority. */
async function elsewherePerson(t: TestApp): Promise<string> {
  if (elsewhereId) return elsewhereId
  const row = await t.database.db
    .insertInto('person')
    .values({
      authority_id: t.world.elsewhere.authorityId,
      kind: 'child',
      given_name: 'Ella',
      family_name: 'Elsewhere',
      created_by: t.world.elsewhere.referrer.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  elsewhereId = row.id
  return row.id
}

function twice(value: FormValue | undefined): readonly string[] {
  const one = typeof value === 'string' && value !== '' ? value : 'x'
  return [one, one]
}

/** Every kind of bad answer for one field. */
function casesForField(name: string, spec: Field, valid: Body): Case[] {
  const cases: Case[] = []
  const add = (label: string, change: Case['change'], expect: Expect = 'refused') => cases.push({ label: `${name}: ${label}`, change, expect, field: name })
  const missing = () => {
    if (spec.required) add('missing', spec.kind === 'date' ? { [`${name}-day`]: null, [`${name}-month`]: null, [`${name}-year`]: null } : { [name]: null })
  }
  switch (spec.kind) {
    case 'text':
      add('100,000 characters', { [name]: LONG })
      add('sent twice', { [name]: twice(valid[name]) })
      if (spec.required) add('only spaces and control characters', { [name]: ` ${CONTROLS} ` })
      missing()
      break
    case 'choice':
      add('a value not offered', { [name]: 'not-an-option' })
      add('markup', { [name]: MARKUP })
      add('100,000 characters', { [name]: LONG })
      add('a number', { [name]: '1' })
      add('sent twice', { [name]: twice(valid[name]) })
      missing()
      break
    case 'date': {
      const parts = [`${name}-day`, `${name}-month`, `${name}-year`] as const
      add('day 32', { [parts[0]]: '32' })
      add('month 13', { [parts[1]]: '13' })
      add('29 February in a year that is not a leap year', { [parts[0]]: '29', [parts[1]]: '2', [parts[2]]: '2027' })
      add('the day in words', { [parts[0]]: 'first' })
      add('markup as the day', { [parts[0]]: MARKUP })
      add('a negative day', { [parts[0]]: '-1' })
      add('a two-digit year', { [parts[2]]: '26' })
      add('a year written as 2e3', { [parts[2]]: '2e3' })
      add('a 100,000-digit year', { [parts[2]]: '2'.repeat(100_000) })
      add('each part sent twice', { [parts[0]]: twice(valid[parts[0]]), [parts[1]]: twice(valid[parts[1]]), [parts[2]]: twice(valid[parts[2]]) })
      add('only the day', { [parts[1]]: null, [parts[2]]: null })
      if (spec.required) add('sent as one field instead of three', { [name]: '2026-12-15', [parts[0]]: null, [parts[1]]: null, [parts[2]]: null })
      missing()
      break
    }
    case 'number':
      for (const value of ['-1', '501', 'four', '1e3', '4.5', '0x10', MARKUP, LONG]) add(`"${value.slice(0, 20)}"`, { [name]: value })
      add('sent twice', { [name]: twice(valid[name]) })
      missing()
      break
    case 'minutes':
      for (const value of ['-1', '1441', 'twenty', '1e3', '4.5', '0x10', MARKUP, LONG]) add(`"${value.slice(0, 20)}"`, { [name]: value })
      add('sent twice', { [name]: twice(valid[name]) })
      missing()
      break
    case 'hours':
      for (const value of ['-1', '201', 'six', '1e2', '6,5', MARKUP, LONG]) add(`"${value.slice(0, 20)}"`, { [name]: value })
      add('sent twice', { [name]: twice(valid[name]) })
      missing()
      break
    case 'time':
      for (const value of ['25:00', '10:60', 'noon', '13pm', MARKUP, LONG]) add(`"${value.slice(0, 20)}"`, { [name]: value })
      add('sent twice', { [name]: twice(valid[name]) })
      break
    case 'id':
      add('not an id', { [name]: 'not-a-uuid' })
      add('markup', { [name]: MARKUP })
      add('100,000 characters', { [name]: LONG })
      add('sent twice', { [name]: twice(valid[name]) })
      add('an id that does not exist', { [name]: NONEXISTENT }, 'refused-or-404')
      missing()
      break
    case 'ids':
      add('not an id', { [name]: 'not-a-uuid' })
      add('markup', { [name]: MARKUP })
      add('100,000 characters', { [name]: LONG })
      add('51 ids', { [name]: Array.from({ length: 51 }, () => NONEXISTENT) }, 'refused-or-404')
      add('an id that does not exist', { [name]: NONEXISTENT }, 'refused-or-404')
      add('the same id sent twice', { [name]: twice(Array.isArray(valid[name]) ? (valid[name] as readonly string[])[0] : undefined) }, 'not-500')
      break
    case 'version':
      for (const value of ['abc', '-1', '1.5', MARKUP, LONG, '999999']) add(`"${value.slice(0, 20)}"`, { [name]: value })
      add('sent twice', { [name]: twice(valid[name]) })
      missing()
      break
    case 'list':
      add('100,000 characters', { [name]: LONG })
      add('six languages', { [name]: 'a, b, c, d, e, f' })
      add('a language of 51 characters', { [name]: 'y'.repeat(51) })
      break
    case 'checkboxes':
      add('a value not offered', { [name]: 'not-an-option' })
      add('markup', { [name]: MARKUP })
      add('100,000 characters', { [name]: LONG })
      add('a value offered and one not', { [name]: ['extra_time', 'bogus'] })
      break
  }
  return cases
}

/** The form as a whole: empty, everything sent twice, only unknown fields. */
function casesForForm(spec: FormSpec, valid: Body): Case[] {
  const cases: Case[] = []
  const anyRequired = Object.values(spec.fields).some((candidate) => candidate.required)
  const onlyMany = Object.values(spec.fields).every((candidate) => ['ids', 'list', 'checkboxes'].includes(candidate.kind))
  if (anyRequired) {
    cases.push({ label: 'an empty form', change: {}, expect: 'refused', fromEmpty: true })
    cases.push({
      label: 'only fields the form does not have',
      change: { isAdmin: 'yes', state: 'completed', referrer_id: NONEXISTENT, ['x'.repeat(1000)]: 'y' },
      expect: 'refused',
      fromEmpty: true,
    })
  }
  cases.push({
    label: 'every field sent twice',
    change: Object.fromEntries(
      Object.entries(valid)
        .filter(([name]) => name !== 'action')
        .map(([name, value]) => [name, twice(value)]),
    ),
    expect: onlyMany ? 'not-500' : 'refused',
  })
  return cases
}

function apply(valid: Body, theCase: Case): Body {
  const body: Body = theCase.fromEmpty ? {} : { ...valid }
  for (const [name, value] of Object.entries(theCase.change)) {
    if (value === null) delete body[name]
    else body[name] = value
  }
  return body
}

function unescapedMarkup(html: string): boolean {
  return html.includes(MARKUP) || /<b>(bold|[A-Z][a-z]+ field)<\/b>/.test(html)
}

/** The errors a refused form left for its page, read from the session (where the page will take them from). */
async function errorsLeftFor(t: TestApp, userId: string, path: string): Promise<string[]> {
  const row = await t.database.db
    .selectFrom('user_session')
    .select('flash')
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .orderBy('last_seen_at', 'desc')
    .executeTakeFirst()
  const forms = (row?.flash['forms'] ?? {}) as Record<string, { errors?: { message?: unknown }[] }>
  return (forms[path]?.errors ?? []).map((error) => String(error.message))
}

interface Judging {
  readonly t: TestApp
  readonly browser: Browser
  readonly userId: string
  readonly path: string
  readonly id: string | null
  /** What the database held before; a case that changes it replaces it. */
  baseline: unknown
  readonly problems: string[]
}

/**
 * Posts one case and judges what came back. Refused: a redirect to the same page, which shows a
 * GOV.UK error summary in plain words and keeps markup escaped; and nothing was saved. The page is
 * rendered when `render` is set (rendering is slow in tests, as templates are not cached);
 * otherwise the errors it would show are read from the session.
 */
async function judge(judging: Judging, body: Body, theCase: Case, render: boolean): Promise<Page> {
  const { t, browser, path, id, problems } = judging
  const page = await browser.post(path, body)
  const what = `${path.replace(/[0-9a-f-]{36}/, ':id')} with ${theCase.label}`
  if (page.status >= 500) {
    problems.push(`${what}: ${page.status} ${textOf(page.html).slice(0, 120)}`)
    return page
  }
  let changed = false
  if (id) {
    const now = await snapshot(t.database.db, id)
    changed = JSON.stringify(now) !== JSON.stringify(judging.baseline)
    judging.baseline = now
  }
  if (page.status === 303 && page.location === path) {
    if (changed) problems.push(`${what}: refused, but the referral changed`)
    let summary: string[]
    if (render) {
      const shown = await browser.get(path)
      summary = errorSummary(shown.html)
      if (shown.status !== 200) problems.push(`${what}: refused, then the form answered ${shown.status}`)
      if (unescapedMarkup(shown.html)) problems.push(`${what}: markup shown unescaped`)
    } else {
      summary = await errorsLeftFor(t, judging.userId, path)
    }
    if (summary.length === 0) problems.push(`${what}: refused, but ${render ? 'the form shows no error summary' : 'no error was left for the form'}`)
    const unclear = summary.filter((message) => LIBRARY_MESSAGE.test(message) || message.length > 300)
    if (unclear.length) problems.push(`${what}: unclear message(s) ${JSON.stringify(unclear.map((message) => message.slice(0, 120)))}`)
    return page
  }
  if (theCase.expect === 'refused-or-404' && page.status === 404) {
    if (!isServicePage(page)) problems.push(`${what}: 404 without the service's page`)
    if (changed) problems.push(`${what}: 404, but the referral changed`)
    return page
  }
  if (theCase.expect === 'not-500' && page.status === 303) return page
  problems.push(`${what}: expected a refusal, got ${page.status} ${page.location ?? ''}${changed ? ' and the referral changed' : ''}`)
  return page
}

function noProblems(problems: readonly string[], title: string): void {
  if (problems.length === 0) return
  assert.fail(
    `${title}: ${problems.length} problem(s):\n  ${problems.slice(0, 60).join('\n  ')}${problems.length > 60 ? `\n  …and ${problems.length - 60} more` : ''}`,
  )
}

describe(`hostile input (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  /** The crew, and the world's advocate (Avril), signed in. */
  let browsers: Record<Poster, Browser>
  /** The pool's record of Avril, to whom the referrals her forms are tried on were offered. */
  let avrilId: string
  const referrals = new Map<string, string>()

  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    avrilId = await worldAdvocate(t)
    browsers = { ...crew, advocate: await signedInAs(t, t.world.staff.advocate) }
  })
  after(async () => t.close())

  /**
   * Referrals shared by the refusals (which must leave them as they were), one per point of the
   * workflow; a form that moves its referral on is the last to use it, or has one of its own.
   * The advocate's forms are tried on referrals offered to her.
   */
  async function referralFor(key: string, stage: Stage, options: { advocateId?: string } = {}): Promise<string> {
    const known = referrals.get(key)
    if (known) return known
    const id = await referralAt(t, crew, stage, 'Hostile', options)
    referrals.set(key, id)
    return id
  }
  const ownReferral = new Set(['pass-to-manager', 'return', 'matches', 'triage', 'offer', 'change-advocate', 'advocacy/offers/:allocationId'])
  const referralOf = (spec: FormSpec) => {
    const key = ownReferral.has(spec.form) ? spec.form : spec.stage
    return spec.who === 'advocate' ? referralFor(`advocate:${key}`, spec.stage, { advocateId: avrilId }) : referralFor(key, spec.stage)
  }
  const judging = async (spec: FormSpec, id: string, baseline: unknown): Promise<Judging> => ({
    t,
    browser: browsers[spec.who],
    userId: t.world.staff[spec.who].id,
    path: spec.path ? await spec.path({ t, id }) : `/referrals/${id}/${spec.form}`,
    id,
    baseline,
    problems: [],
  })
  /** A form that cannot be accepted whatever else it holds: its first answer is far too long for any field. */
  const spoilt = (body: Body): Body => {
    const [first] = Object.keys(body)
    return first ? { ...body, [first]: `${'x'.repeat(5001)}\u0000` } : body
  }

  describe('NUL characters', () => {
    test('in an answer the form accepts, are removed before saving (never a 500)', async () => {
      const id = await emptyDraft(crew.referrer)
      const path = `/referrals/${id}/person/new`
      await crew.referrer.get(path)
      const page = await crew.referrer.post(path, { givenName: 'Nu\u0000ll', familyName: 'Char\u0000acter' })
      assert.equal(page.status, 303)
      assert.equal(page.location, `/referrals/${id}/children`)
      const person = await t.database.db
        .selectFrom('person')
        .select(['given_name', 'family_name'])
        .where('id', '=', await personOf(t, id))
        .executeTakeFirstOrThrow()
      assert.deepEqual(person, { given_name: 'Null', family_name: 'Character' })
    })

    test('in a form that is refused, get a GOV.UK error, never a 500', async () => {
      const problems: string[] = []
      for (const spec of forms) {
        const id = await referralOf(spec)
        const check = await judging(spec, id, await snapshot(t.database.db, id))
        await check.browser.get(check.path)
        const valid = await spec.valid({ t, id })
        const withNul = Object.fromEntries(Object.entries(valid).map(([name, value]) => [name, typeof value === 'string' ? `${value}\u0000` : value]))
        await judge(check, spoilt(withNul), { label: 'a NUL at the end of every answer', change: {}, expect: 'refused' }, true)
        await judge(check, spoilt({ ...valid, ['na\u0000me']: 'x' }), { label: 'a field whose name holds a NUL', change: {}, expect: 'refused' }, true)
        problems.push(...check.problems)
      }
      noProblems(problems, 'NUL characters')
    })
  })

  describe('every form refuses every kind of bad answer with a GOV.UK error, saving nothing; and accepts a good one', () => {
    for (const spec of forms) {
      test(spec.path ? `/${spec.form}` : `/referrals/:id/${spec.form}`, async () => {
        const id = await referralOf(spec)
        const check = await judging(spec, id, await snapshot(t.database.db, id))
        assert.equal((await check.browser.get(check.path)).status, 200, `${spec.who} can open ${spec.form}`)
        const valid = await spec.valid({ t, id })
        const cases = [
          ...Object.entries(spec.fields).flatMap(([name, fieldSpec]) => casesForField(name, fieldSpec, valid)),
          ...casesForForm(spec, valid),
          ...((await spec.extra?.({ t, id })) ?? []),
        ]
        const rendered = new Set<string | undefined>()
        for (const theCase of cases) {
          const body = apply(valid, theCase)
          // The page is rendered for each field's first case, for the form as a whole, and whenever markup was sent.
          const render = !rendered.has(theCase.field) || theCase.field === undefined || JSON.stringify(body).includes('<script>')
          rendered.add(theCase.field)
          await judge(check, body, theCase, render)
        }
        // The control: the same form, answered well, is accepted (so each refusal above was the bad answer's).
        const page = await check.browser.post(check.path, await spec.valid({ t, id }))
        const refusedAnyway = page.location === check.path ? errorSummary((await check.browser.get(check.path)).html) : []
        noProblems(check.problems, spec.form)
        assert.equal(page.status, 303, `${spec.form} answered well`)
        if (page.location === check.path) assert.fail(`${spec.form} refused a good form: ${refusedAnyway.join('; ')}`)
      })
    }
  })

  test('fields named to reach into objects (__proto__, constructor) change nothing outside the form', async () => {
    const id = await emptyDraft(crew.referrer)
    const path = `/referrals/${id}/person/new`
    const names = ['day', 'month', 'year', 'polluted'] as const
    const before = names.map((name) => Object.prototype.hasOwnProperty.call(Object.prototype, name))
    assert.deepEqual(before, [false, false, false, false])
    try {
      await crew.referrer.get(path)
      const page = await crew.referrer.post(path, {
        givenName: 'Proto',
        familyName: 'Type',
        '__proto__-day': 'polluted',
        '__proto__[polluted]': 'yes',
        'constructor-month': 'polluted',
        'constructor[prototype][polluted]': 'yes',
        'hasOwnProperty-year': 'polluted',
      })
      assert.equal(page.status, 303)
      const polluted = names.filter((name) => Object.prototype.hasOwnProperty.call(Object.prototype, name))
      assert.deepEqual(polluted, [], `a form post added ${polluted.join(', ')} to Object.prototype: every object in the server now has it`)
      assert.equal(Object.prototype.hasOwnProperty.call(Object, 'month'), false, 'a form post added a property to the Object constructor')
      assert.equal(page.location, `/referrals/${id}/children`, 'the unknown fields are ignored and the person is added')
    } finally {
      for (const name of names) delete (Object.prototype as Record<string, unknown>)[name]
      delete (Object as unknown as Record<string, unknown>)['month']
      delete (Object.prototype.hasOwnProperty as unknown as Record<string, unknown>)['year']
    }
  })

  test('a form over the size limit gets the service’s page and saves nothing', async () => {
    const id = await referralFor('complete_draft', 'complete_draft')
    const path = `/referrals/${id}/section-1`
    await crew.referrer.get(path)
    const before = await snapshot(t.database.db, id)
    const page = await crew.referrer.post(path, {
      ...completeSectionOne,
      reason: 'r'.repeat(1_100_000),
      version: (await versionsOf(t.database.db, id)).sectionOne,
      action: 'draft',
    })
    assert.equal(page.status, 413)
    assert.ok(isServicePage(page), `the service's page, not ${String(page.response.headers['content-type'])}`)
    assert.deepEqual(await snapshot(t.database.db, id), before)
  })

  describe('starting a referral', () => {
    test('with a person id that is not there, or not a parent, or not an id: never a 500, and never a referral for the wrong person', async () => {
      const draft = await draftWithPerson(crew.referrer)
      const child = await childOf(t, draft)
      const count = async () => (await t.database.db.selectFrom('referral').select('id').execute()).length
      const problems: string[] = []
      for (const [label, personId, expected] of [
        ['an id that does not exist', NONEXISTENT, 404],
        ["another authority's person", await elsewherePerson(t), 404],
        ["a child's id", child, 404],
        ['markup', MARKUP, 303],
        ['100,000 characters', LONG, 303],
        ['an id sent twice', [child, child], 303],
      ] as const) {
        await crew.referrer.get('/')
        const before = await count()
        const page = await crew.referrer.post('/referrals', { personId })
        const made = (await count()) - before
        if (page.status !== expected) problems.push(`${label}: ${page.status} ${page.location ?? ''} (expected ${expected})`)
        if (expected === 404 && made !== 0) problems.push(`${label}: a referral was started`)
        if (expected === 303) {
          // Not an id: a blank referral is started, and it is for nobody.
          const started = /\/referrals\/([0-9a-f-]{36})/.exec(page.location ?? '')?.[1]
          if (!started || made !== 1) problems.push(`${label}: expected a blank referral, got ${page.status} ${page.location ?? ''}`)
          else if ((await t.database.db.selectFrom('referral').select('person_id').where('id', '=', started).executeTakeFirstOrThrow()).person_id !== null) {
            problems.push(`${label}: the referral was started for someone`)
          }
        }
      }
      noProblems(problems, 'starting a referral')
    })
  })

  describe('markup and control characters in every free-text answer, taken through the whole workflow', () => {
    const tag = (label: string) => `<b>${label} field</b>`
    const hostile = (label: string, max = 200) => {
      const full = `${MARKUP}${tag(label)}${CONTROLS} & "q" 'a'`
      return full.length <= max ? full : `${tag(label)}${CONTROLS}`
    }
    const cleaned = (label: string, max = 200) =>
      hostile(label, max)
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
        .trim()
    const unknown = {
      state: 'completed',
      referrer_id: NONEXISTENT,
      authority_id: NONEXISTENT,
      isAdmin: 'yes',
      'constructor[name]': 'x',
      toString: 'x',
      hasOwnProperty: 'x',
    }
    let id: string

    /** Takes one step through its form (a path of the referral's, or a whole address); it must be accepted. */
    async function step(browser: Browser, form: string, body: Body, expectedState: string): Promise<void> {
      const path = form.startsWith('/') ? form : `/referrals/${id}/${form}`
      await browser.get(path)
      const page = await browser.post(path, { ...body, ...unknown })
      assert.equal(page.status, 303, `${form}: ${page.status} ${textOf(page.html).slice(0, 200)}`)
      if (page.location === path) assert.fail(`${form} was refused: ${errorSummary((await browser.get(path)).html).join('; ')}`)
      assert.equal(await stateOf(t.database.db, id), expectedState, `${form} leaves the referral ${expectedState} (unknown fields change nothing)`)
    }

    function escapedOn(page: Page, labels: readonly string[], where: string): void {
      assert.equal(page.status, 200, where)
      assert.ok(!page.html.includes(MARKUP), `${where} shows the script unescaped`)
      const raw = labels.filter((label) => page.html.includes(tag(label)))
      assert.deepEqual(raw, [], `${where} shows markup unescaped`)
      const missing = labels.filter((label) => !page.html.includes(`&lt;b&gt;${label} field&lt;/b&gt;`))
      assert.deepEqual(missing, [], `${where} shows these answers (escaped)`)
      assert.ok(!/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(page.html), `${where} holds no control characters`)
    }

    test('each is saved without its control characters, and every page shows the markup as text', async () => {
      const { referrer, admin, manager } = crew
      id = await emptyDraft(referrer)
      await step(
        referrer,
        'person/new',
        {
          givenName: hostile('Given', 100),
          familyName: hostile('Family', 100),
          gender: hostile('Gender', 50),
          pronouns: hostile('Pronouns', 50),
          externalId: hostile('Case', 50),
        },
        'draft',
      )
      await step(referrer, 'children/new', { givenName: hostile('Child', 100), familyName: 'Hostile' }, 'draft')
      const meetingVersion = (await versionsOf(t.database.db, id)).meeting
      await step(
        referrer,
        'meeting',
        { ...validMeeting, type: 'other', typeOther: hostile('Meeting', 100), venue: hostile('Venue'), version: meetingVersion },
        'draft',
      )
      await step(
        referrer,
        'section-1',
        {
          ...completeSectionOne,
          consentDetails: hostile('Consent'),
          reason: hostile('Reason'),
          preferenceDetails: hostile('Preference'),
          preferredLanguages: `${tag('Language')}${CONTROLS}`,
          preferredHeritage: hostile('Heritage'),
          interpreterNeeded: 'yes',
          disabilityDetails: hostile('Disability'),
          otherNeedsDetails: hostile('Needs'),
          safetyNotes: hostile('Safety'),
          action: MARKUP, // not a choice offered: taken as "save as draft"
          version: (await versionsOf(t.database.db, id)).sectionOne,
        },
        'draft',
      )
      const sectionOneLabels = ['Consent', 'Reason', 'Preference', 'Language', 'Heritage', 'Disability', 'Needs', 'Safety']
      escapedOn(await referrer.get(`/referrals/${id}`), ['Given', 'Family'], 'the task list')
      escapedOn(
        await referrer.get(`/referrals/${id}/check`),
        ['Given', 'Family', 'Gender', 'Case', 'Child', 'Meeting', 'Venue', ...sectionOneLabels],
        'check your answers',
      )
      escapedOn(
        await referrer.get(`/referrals/${id}/section-1`),
        sectionOneLabels.filter((label) => label !== 'Language'),
        'Section 1 itself',
      )
      escapedOn(await referrer.get(`/referrals/${id}/person/new`), [], 'the new person form')
      escapedOn(await referrer.get('/'), ['Given', 'Family'], "the referrer's work")

      await step(referrer, 'check', { note: hostile('Note') }, 'awaiting_admin')
      escapedOn(await referrer.get(`/referrals/${id}/sent`), [], 'the sent page')
      escapedOn(await admin.get('/team-work'), ['Given', 'Family'], "the admin team's work")
      const person = await personOf(t, id)
      escapedOn(await referrer.get(`/people/${person}`), ['Given', 'Family', 'Gender', 'Pronouns', 'Case'], "the person's page")
      escapedOn(await admin.get(`/people?externalId=${encodeURIComponent(tag('Case'))}`), ['Given', 'Family'], 'search results')

      await step(
        referrer,
        'reschedule',
        {
          ...day('date', ['17', '12', '2026']),
          time: '2pm',
          venue: hostile('Moved'),
          lateReason: hostile('Late'),
          version: (await versionsOf(t.database.db, id)).meeting,
        },
        'awaiting_admin',
      )
      await step(admin, 'pass-to-manager', { managerId: t.world.staff.manager.id, note: hostile('Pass') }, 'awaiting_decision')
      await step(manager, 'return', { note: hostile('Return') }, 'returned')
      escapedOn(await referrer.get(`/referrals/${id}/check`), ['Return'], 'check your answers, with the manager’s question')
      await step(referrer, 'check', { note: hostile('Resubmit') }, 'awaiting_decision')
      await step(
        manager,
        'decision',
        { nextAction: 'child_protection_advocacy_review', reasons: hostile('Decision'), advocateType: 'parent_peer_advocate', priority: 'high' },
        'in_review',
      )
      await step(
        admin,
        'consent',
        {
          method: 'written',
          ...day('date', ['20', '11', '2026']),
          details: hostile('Later consent'),
          version: (await versionsOf(t.database.db, id)).sectionOne,
        },
        'in_review',
      )

      // Allocation: an advocate whose name is markup is offered it, declines, is offered it again (declining by phone, recorded
      // by the admin), then accepts; she records a contact and the person's views, which are shared; then she is changed for
      // a local service whose name is markup too.
      const hostileAdvocate = await advocateUser(t, 'hostileAdvocate', `${tag('Advocate')} Hostile`, {
        givenName: tag('Advocate'),
        familyName: 'Hostile',
        languages: [{ language: 'Spanish', level: 'first_language' }],
      })
      const advocate = await signedInAs(t, hostileAdvocate.person)
      const advocateId = hostileAdvocate.advocateId
      escapedOn(
        await admin.get(`/referrals/${id}/matches?all=yes`),
        ['Given', 'Family', 'Heritage', 'Advocate'],
        'the matches (the person, their needs and the advocates)',
      )
      await step(admin, 'matches', { advocateId }, 'awaiting_advocate')
      const firstOffer = await offerOn(t, id)
      escapedOn(
        await advocate.get(`/my-people/offers/${firstOffer}`),
        ['Given', 'Family', 'Child', 'Meeting', 'Moved', 'Preference', 'Language', 'Disability', 'Needs', 'Safety'],
        'the offer, as the advocate sees it',
      )
      escapedOn(await advocate.get('/my-people'), ['Given', 'Family'], "the advocate's own page")
      await step(advocate, `/my-people/offers/${firstOffer}`, { answer: 'decline', reason: hostile('Decline') }, 'in_review')
      await step(admin, 'matches', { advocateId }, 'awaiting_advocate')
      escapedOn(await admin.get(`/referrals/${id}/offer`), ['Given', 'Family', 'Advocate'], 'recording the advocate’s answer')
      await step(admin, 'offer', { answer: 'decline', reason: hostile('Phoned') }, 'in_review')
      await step(admin, 'matches', { advocateId }, 'awaiting_advocate')
      const accepted = await offerOn(t, id)
      await step(advocate, `/my-people/offers/${accepted}`, { answer: 'accept', reason: hostile('Ignored') }, 'in_review')
      const own = `/my-people/people/${accepted}`
      await step(
        advocate,
        `${own}/contacts`,
        { ...day('contactedOn', ['23', '11', '2026']), method: 'in_person', minutes: '45', notes: hostile('Contact') },
        'in_review',
      )
      await step(
        advocate,
        `${own}/views`,
        { views: hostile('Views'), agreed: 'yes', ...day('agreedOn', ['24', '11', '2026']), version: (await versionsOf(t.database.db, id)).views },
        'in_review',
      )
      escapedOn(await advocate.get(own), ['Given', 'Family', 'Contact', 'Views', 'Preference'], "the advocate's page of the person")
      escapedOn(await advocate.get(`${own}/views`), ['Views'], 'the views form, filled in')
      escapedOn(await advocate.get(`${own}/contacts`), ['Given', 'Family'], 'the contact form')
      const calendar = await advocate.get(`/my-people/allocations/${accepted}/meeting.ics`)
      assert.equal(calendar.status, 200)
      assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(calendar.html), 'the calendar holds no control characters')
      await step(admin, 'share-views', {}, 'in_review')
      await step(admin, 'change-advocate', { reason: hostile('Change') }, 'in_review')
      await localService(t, { name: tag('Service'), languages: ['Spanish'] })
      escapedOn(await admin.get(`/referrals/${id}/triage`), ['Given', 'Family', 'Service'], 'the local services to triage to')
      const triageTo = await t.database.db.selectFrom('local_service').select('id').where('name', '=', tag('Service')).executeTakeFirstOrThrow()
      await step(admin, 'triage', { localServiceId: triageTo.id, note: hostile('Triage') }, 'in_review')
      await step(
        admin,
        'outcome',
        {
          ...validOutcome,
          contactSummary: hostile('Contacts'),
          meetingOutcome: 'other',
          meetingOutcomeDetails: hostile('Outcome'),
          notes: hostile('Notes'),
          version: (await versionsOf(t.database.db, id)).review,
        },
        'in_review',
      )
      escapedOn(await admin.get(`/referrals/${id}/outcome`), ['Contacts', 'Outcome', 'Notes'], 'the outcome form, filled in')
      await step(admin, 'sign-off-request', { managerId: t.world.staff.manager.id, note: hostile('Sign-off request') }, 'awaiting_sign_off')
      await step(manager, 'sign-off', { nextAction: 'return', note: hostile('Sign-off return') }, 'in_review')
      await step(referrer, 'withdraw', { reason: 'other', details: hostile('Withdrawn') }, 'withdrawn')

      const everything = [
        ...['Given', 'Family', 'Gender', 'Case', 'Child', 'Meeting', 'Moved'],
        ...sectionOneLabels.filter((label) => label !== 'Consent'),
        ...['Later consent', 'Decision', 'Service', 'Views', 'Contacts', 'Outcome', 'Notes'],
        ...['Note', 'Pass', 'Return', 'Resubmit', 'Sign-off request', 'Sign-off return', 'Withdrawn'],
      ]
      // The offers, their answers and the advocate's contacts are the advocacy service's to see (what the referrer sees of them is not tested here).
      const serviceOnly = ['Advocate', 'Decline', 'Phoned', 'Change', 'Triage', 'Contact']
      for (const [who, browser] of Object.entries(crew) as [keyof Crew, Browser][]) {
        const page = await browser.get(`/referrals/${id}`)
        escapedOn(page, who === 'referrer' ? everything : [...everything, ...serviceOnly], `the referral page, for the ${who}`)
        assert.ok(!unescapedMarkup(page.html), `the referral page, for the ${who}, shows no markup unescaped`)
        if (who === 'referrer') assert.ok(!page.html.includes('Contact field'), "the referrer is not shown the advocate's contact notes")
      }

      const db = t.database.db
      const stored = {
        sectionOne: await db.selectFrom('section_one').selectAll().where('referral_id', '=', id).executeTakeFirstOrThrow(),
        decision: await db.selectFrom('decision').selectAll().where('referral_id', '=', id).executeTakeFirstOrThrow(),
        review: await db.selectFrom('review').selectAll().where('referral_id', '=', id).executeTakeFirstOrThrow(),
        person: await db.selectFrom('person').selectAll().where('id', '=', person).executeTakeFirstOrThrow(),
        events: await db.selectFrom('referral_event').select('note').where('referral_id', '=', id).execute(),
        referral: await db.selectFrom('referral').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
        allocations: await db.selectFrom('allocation').selectAll().where('referral_id', '=', id).orderBy('offered_at').orderBy('id').execute(),
        contacts: await db.selectFrom('advocacy_contact').selectAll().where('referral_id', '=', id).execute(),
        views: await db.selectFrom('person_views').selectAll().where('referral_id', '=', id).executeTakeFirstOrThrow(),
      }
      assert.equal(stored.sectionOne.reason, cleaned('Reason'), 'saved as typed, less the control characters')
      assert.deepEqual(stored.sectionOne.preferred_languages, [tag('Language')])
      assert.equal(stored.decision.reasons, cleaned('Decision'))
      assert.equal(stored.review.notes, cleaned('Notes'))
      assert.equal(stored.person.given_name, cleaned('Given', 100))
      assert.equal(stored.person.gender, cleaned('Gender', 50))
      assert.equal(stored.referral.closed_details, cleaned('Withdrawn'))
      assert.deepEqual(
        stored.allocations.map((allocation) => JSON.stringify([allocation.status, allocation.decline_reason, allocation.ended_reason])).sort(),
        [
          ['declined', cleaned('Decline'), null],
          ['declined', cleaned('Phoned'), null],
          ['ended', null, cleaned('Change')],
          ['ended', null, 'withdraw'],
        ]
          .map((allocation) => JSON.stringify(allocation))
          .sort(),
        'each answer saved as typed, less the control characters; an acceptance keeps no reason',
      )
      assert.deepEqual(
        stored.contacts.map((contact) => [contact.notes, contact.minutes, contact.advocate_id]),
        [[cleaned('Contact'), 45, advocateId]],
      )
      assert.equal(stored.views.views, cleaned('Views'))
      assert.ok(stored.views.shared_at, 'the views were shared')
      assert.ok(
        stored.events.some((event) => event.note?.includes(cleaned('Triage'))),
        'the triage note is on the timeline',
      )
      assert.equal(stored.referral.state, 'withdrawn')
      assert.equal(stored.referral.referrer_id, t.world.staff.referrer.id, 'unknown fields set nothing')
      assert.equal(stored.referral.authority_id, t.world.authorityId)
      const json = JSON.stringify(stored)
      assert.ok(!/\\u00(0[0-8bcef]|1[0-9a-f])/.test(json) && !json.includes('\u007f'), 'no control character was saved')
    })
  })

  describe('hostile addresses and queries', () => {
    const markupPath = encodeURIComponent(MARKUP)

    async function addresses(): Promise<string[]> {
      const id = await referralFor('awaiting_admin', 'awaiting_admin')
      const draft = await referralFor('draft', 'draft')
      return [
        '/referrals/not-a-uuid',
        '/referrals/not-a-uuid/section-1',
        '/referrals/%00',
        '/referrals/%00/section-1',
        `/referrals/${markupPath}`,
        `/referrals/${markupPath}/decision`,
        `/referrals/${'a'.repeat(300)}`,
        `/referrals/${'a'.repeat(300)}/section-1`,
        `/referrals/${NONEXISTENT}`,
        `/referrals/${NONEXISTENT}/section-1`,
        `/referrals/${id}%00`,
        `/referrals/${id.toUpperCase()}`,
        '/referrals/..%2F..%2Fetc%2Fpasswd',
        '/referrals/%E0%A4%A',
        '/people/not-a-uuid',
        '/people/%00',
        `/people/${markupPath}`,
        `/people/${NONEXISTENT}`,
        `/people/${'b'.repeat(5000)}`,
        `/referrals/${draft}/section-1/${markupPath}`,
      ]
    }

    async function queries(): Promise<string[]> {
      const id = await referralFor('awaiting_admin', 'awaiting_admin')
      const draft = await referralFor('draft', 'draft')
      return [
        `/?page=-1&step=${markupPath}`,
        '/?page=99999999999999999999&due=yesterday',
        '/?page=abc&step[]=draft&step[]=returned&due=%00',
        `/team-work?page=1e9&step=${'x'.repeat(10_000)}`,
        `/people?name=${markupPath}`,
        `/people?name=${'n'.repeat(100_000)}`,
        '/people?name=%00%01',
        '/people?name[]=ab&name[]=cd',
        `/people?name=ab&dateOfBirth-day=32&dateOfBirth-month=${markupPath}&dateOfBirth-year=1e3`,
        `/people?name=ab&externalId=${'x'.repeat(60)}`,
        `/referrals/${draft}/person?name=${markupPath}`,
        `/referrals/${draft}/person?name[]=a&name[]=b&dateOfBirth-day=${markupPath}`,
        `/referrals/${draft}/person/new?name=${markupPath}`,
        `/referrals/${draft}/person/new?name=${'n'.repeat(100_000)}`,
        `/referrals/${id}?x=${markupPath}`,
        `/referrals/${id}/withdraw?reason=${markupPath}`,
      ]
    }

    test('never a 500, and never markup shown unescaped', async () => {
      const problems: string[] = []
      for (const url of [...(await addresses()), ...(await queries())]) {
        const page = await crew.referrer.get(url)
        const label = url.slice(0, 90)
        if (page.status >= 500) problems.push(`GET ${label}: ${page.status}`)
        if (page.html.includes(MARKUP) && /html/.test(String(page.response.headers['content-type']))) problems.push(`GET ${label}: markup shown unescaped`)
        if (url.includes('?') && (page.status === 200 || page.status === 400) && !isServicePage(page))
          problems.push(`GET ${label}: ${page.status} without the service's page`)
        if (url.includes('?') && page.status === 400 && errorSummary(page.html).length === 0) problems.push(`GET ${label}: 400 without an error summary`)
      }
      for (const url of await addresses()) {
        const page = await crew.referrer.post(url, { reason: 'made_in_error', note: 'x' })
        if (page.status >= 500) problems.push(`POST ${url.slice(0, 90)}: ${page.status}`)
        if (page.status < 400 && page.location !== url) problems.push(`POST ${url.slice(0, 90)}: ${page.status} ${page.location ?? ''}`)
      }
      noProblems(problems, 'hostile addresses and queries')
    })

    test("an address that names no record is answered with the service's own 404 (or 400) page", async () => {
      const problems: string[] = []
      for (const url of await addresses()) {
        if (url.toUpperCase() === url || /[A-F0-9]{8}-[A-F0-9]{4}-/.test(url)) continue
        const page = await crew.referrer.get(url)
        if (![400, 404].includes(page.status) || !isServicePage(page)) {
          problems.push(`GET ${url.slice(0, 60)}…: ${page.status} ${String(page.response.headers['content-type'])} ${page.html.slice(0, 100)}`)
        }
      }
      noProblems(problems, "addresses not answered with the service's page")
    })
  })

  describe('signing in', () => {
    test('hostile answers get the GOV.UK error summary, never a 500, with markup escaped', async () => {
      const problems: string[] = []
      const email = t.world.staff.analyst.email
      const cases: readonly [string, Body][] = [
        ['an empty form', {}],
        ['both fields sent twice', { email: [email, email], password: [PASSWORD, PASSWORD] }],
        ['a 100,000-character email', { email: LONG, password: PASSWORD }],
        ['a 100,000-character password', { email, password: LONG }],
        ['an email of spaces and control characters', { email: ` ${CONTROLS} `, password: PASSWORD }],
        ['markup as the email', { email: MARKUP, password: 'wrong password' }],
        ['a NUL in the email', { email: `${email}\u0000`, password: 'wrong password' }],
        ['markup in the return path and resume', { email, password: 'wrong password', returnTo: `/${MARKUP}`, resume: MARKUP }],
        ['a return path that is another site', { email: 'nobody@example.com', password: 'wrong password', returnTo: 'javascript:alert(1)' }],
      ]
      for (const [label, body] of cases) {
        const browser = new Browser(t.app)
        await browser.get('/sign-in')
        const page = await browser.post('/sign-in', body)
        if (page.status !== 400) problems.push(`${label}: ${page.status} ${page.location ?? ''} ${textOf(page.html).slice(0, 100)}`)
        else {
          const summary = errorSummary(page.html)
          if (summary.length === 0) problems.push(`${label}: no error summary`)
          if (summary.some((message) => LIBRARY_MESSAGE.test(message))) problems.push(`${label}: unclear message ${JSON.stringify(summary)}`)
          if (page.html.includes(MARKUP)) problems.push(`${label}: markup shown unescaped`)
        }
      }
      noProblems(problems, 'signing in')
    })

    test('a good sign-in with a hostile return path or resume goes only to a page of this site', async () => {
      for (const [returnTo, resume] of [
        ['//evil.example/steal', NONEXISTENT],
        ['javascript:alert(1)', MARKUP],
        ['/\\evil.example', LONG],
        [`/${MARKUP}`, 'x'],
      ] as const) {
        const browser = new Browser(t.app)
        await browser.get('/sign-in')
        const page = await browser.post('/sign-in', { email: t.world.staff.analyst.email, password: PASSWORD, returnTo, resume })
        assert.equal(page.status, 303, returnTo)
        const location = page.location ?? ''
        assert.ok(location.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\'), `${returnTo} → ${location}`)
        const landed = await browser.get(location)
        assert.ok(landed.status < 500, `${location}: ${landed.status}`)
        assert.ok(!landed.html.includes(MARKUP), 'markup escaped where it lands')
      }
    })
  })
})
