import type { Kysely } from 'kysely'
import { hashPassword } from '../../platform/auth/passwords.ts'
import type { Caller, Role } from '../../platform/auth/roles.ts'
import type { Schema } from '../../platform/db/schema.ts'
import { addDays } from '../../platform/time/calendar.ts'
import { londonDate, type Clock } from '../../platform/time/clock.ts'
import * as adminRepository from '../admin/repository.ts'
import { FGC_ADVOCACY_ADMIN } from '../admin/service.ts'
import { emptySectionOne, type SectionOneAnswers } from '../referrals/section-one.ts'
import type { NewPerson, ReferralService } from '../referrals/service.ts'

/**
 * Demo mode: a made-up authority with one account for each role, an FGC Advocacy Admin team, and
 * people with referrals in every state of the workflow, so anyone can try the service. The authority
 * is marked as demo data, and nothing is loaded into a database that holds a real authority.
 *
 * The referrals are made through the referral service, exactly as people would make them, so the
 * demo can never show a state the workflow could not reach.
 */

export const DEMO_AUTHORITY_NAME = 'Demo Borough Council (demo data)'
export const DEMO_PASSWORD = 'demo password for alongside'

export interface DemoAccount {
  readonly key: string
  readonly email: string
  readonly displayName: string
  readonly roles: readonly Role[]
  readonly fgcTeam: boolean
}

export const demoAccounts: readonly DemoAccount[] = [
  { key: 'referrer', email: 'referrer@demo.alongside.test', displayName: 'Sam Okafor (social worker)', roles: ['referrer'], fgcTeam: false },
  { key: 'referrer2', email: 'referrer2@demo.alongside.test', displayName: 'Priya Shah (social worker)', roles: ['referrer'], fgcTeam: false },
  { key: 'admin', email: 'admin@demo.alongside.test', displayName: 'Alex Morgan (advocacy admin)', roles: ['advocacy_admin'], fgcTeam: true },
  { key: 'manager', email: 'manager@demo.alongside.test', displayName: 'Jo Adeyemi (service manager)', roles: ['service_manager'], fgcTeam: false },
  { key: 'advocate', email: 'advocate@demo.alongside.test', displayName: 'Maria Lopez (advocate)', roles: ['advocate'], fgcTeam: false },
  { key: 'coordinator', email: 'coordinator@demo.alongside.test', displayName: 'Chris Byrne (coordinator)', roles: ['coordinator'], fgcTeam: false },
  { key: 'analyst', email: 'analyst@demo.alongside.test', displayName: 'Dana Kowalski (analyst)', roles: ['analyst'], fgcTeam: false },
  { key: 'sysadmin', email: 'sysadmin@demo.alongside.test', displayName: 'Lee Taylor (system admin)', roles: ['system_admin'], fgcTeam: false },
]

export type DemoLoadResult = { readonly loaded: true } | { readonly loaded: false; readonly reason: 'already-loaded' | 'real-data' }

/** The Appendix B example: Spanish is her most confident language, she has dyslexia, she wants to meet first. */
const appendixB: SectionOneAnswers = {
  ...emptySectionOne,
  consentGiven: true,
  consentMethod: 'verbal',
  consentDetails: 'The parent has given verbal consent to a referral for advocacy in the upcoming CP conference.',
  reason:
    'The parent is experiencing barriers that affect her ability to take part in the decision-making process, and has said she feels nobody is on her side. An advocate would help her understand the child protection process so that her views are heard in the conference.',
  hasPreference: true,
  preferenceDetails: 'The parent would prefer a Spanish-speaking advocate because this is her most confident language, and would feel more comfortable if the advocate is also a woman.',
  preferredGender: 'woman',
  preferredLanguages: ['Spanish'],
  interpreterNeeded: false,
  hasDisability: true,
  disabilityDetails: 'The parent has dyslexia, which mainly affects reading. Additional time and visual aids help her take in information.',
  adjustments: ['extra_time', 'visual_aids'],
  hasOtherNeeds: true,
  otherNeedsDetails: 'She takes a while to build relationships with new people, so continuity helps. She would like to meet the advocate in person before the conference.',
  domesticAbuseBetweenParents: false,
}

function plainAnswers(reason: string, overrides: Partial<SectionOneAnswers> = {}): SectionOneAnswers {
  return {
    ...emptySectionOne,
    consentGiven: true,
    consentMethod: 'written',
    reason,
    hasPreference: false,
    hasDisability: false,
    hasOtherNeeds: false,
    domesticAbuseBetweenParents: false,
    ...overrides,
  }
}

interface DemoReferral {
  readonly by: 'referrer' | 'referrer2'
  readonly parent: NewPerson
  readonly children: readonly NewPerson[]
  readonly meeting: { type: string; inDays: number; time: string; venue: string; stage: string }
  readonly answers: (today: string) => SectionOneAnswers
  /** How far along the workflow it has gone. */
  readonly reach: 'draft' | 'sent' | 'with-manager' | 'returned' | 'review' | 'advocate' | 'sign-off' | 'completed' | 'no-further-action' | 'withdrawn'
  readonly lateReason?: string
}

function person(givenName: string, familyName: string, dateOfBirth: string | null, gender: string | null, externalId: string | null = null): NewPerson {
  return { givenName, familyName, dateOfBirth, gender, pronouns: null, externalId }
}

const demoReferrals: readonly DemoReferral[] = [
  {
    by: 'referrer',
    parent: person('Lucía', 'Romero', '1991-05-14', 'Female', 'MOS-104233'),
    children: [person('Mateo', 'Romero', '2016-09-02', 'Male'), person('Sofía', 'Romero', '2020-01-21', 'Female')],
    meeting: { type: 'initial_conference', inDays: 16, time: '10:00', venue: 'Crowndale Centre, Room 2', stage: 'child_protection' },
    answers: (today) => ({ ...appendixB, consentDate: addDays(today, -2) }),
    reach: 'sent',
  },
  {
    by: 'referrer',
    parent: person('Daniel', 'Price', '1988-11-30', 'Male', 'MOS-104871'),
    children: [person('Ava', 'Price', '2018-03-11', 'Female')],
    meeting: { type: 'review_conference', inDays: 9, time: '14:00', venue: 'Online (Teams)', stage: 'child_protection' },
    answers: (today) => plainAnswers('Dad feels left out of meetings about his daughter and wants to be heard at the review.', { consentDate: addDays(today, -1), hasOtherNeeds: true, otherNeedsDetails: 'Works shifts: afternoons are best.' }),
    reach: 'with-manager',
    lateReason: 'The review date was only confirmed yesterday.',
  },
  {
    by: 'referrer2',
    parent: person('Grace', 'Mensah', '1999-07-08', 'Female'),
    children: [person('Kofi', 'Mensah', '2023-02-14', 'Male')],
    meeting: { type: 'core_group', inDays: 12, time: '11:30', venue: 'Kentish Town Health Centre', stage: 'child_protection' },
    answers: (today) => plainAnswers('A young parent who finds professionals intimidating.', { consentDate: addDays(today, -3) }),
    reach: 'returned',
  },
  {
    by: 'referrer',
    parent: person('Aisha', 'Rahman', '1985-02-19', 'Female'),
    children: [person('Yusuf', 'Rahman', '2012-12-01', 'Male')],
    meeting: { type: 'initial_conference', inDays: 20, time: '09:30', venue: 'Crowndale Centre, Room 1', stage: 'child_protection' },
    answers: (today) =>
      plainAnswers('Mum has a learning disability and needs help to follow the conference.', {
        consentDate: addDays(today, -4),
        hasDisability: true,
        disabilityDetails: 'Learning disability: easy read documents and extra time help.',
        adjustments: ['easy_read', 'extra_time'],
        hasPreference: true,
        preferenceDetails: 'Would like an advocate who speaks Bengali.',
        preferredLanguages: ['Bengali'],
      }),
    reach: 'review',
  },
  {
    by: 'referrer2',
    parent: person('Tom', 'Walsh', '1979-10-03', 'Male'),
    children: [person('Ella', 'Walsh', '2014-06-25', 'Female'), person('Finn', 'Walsh', '2017-08-13', 'Male')],
    meeting: { type: 'child_in_need_review', inDays: 6, time: '15:00', venue: 'Family home', stage: 'child_in_need' },
    answers: (today) => plainAnswers('Dad would like support to say what help the family needs.', { consentDate: addDays(today, -5) }),
    reach: 'advocate',
  },
  {
    by: 'referrer',
    parent: person('Chloe', 'Bennett', '1995-04-17', 'Female'),
    children: [person('Ruby', 'Bennett', '2021-11-09', 'Female')],
    meeting: { type: 'core_group', inDays: -3, time: '10:30', venue: 'Crowndale Centre, Room 3', stage: 'child_protection' },
    answers: (today) =>
      plainAnswers('Mum is anxious about the conference and wants someone on her side.', {
        consentDate: addDays(today, -6),
        domesticAbuseBetweenParents: true,
        safetyNotes: 'Domestic abuse by her former partner: do not share her address or contact details with him or his advocate.',
      }),
    reach: 'sign-off',
  },
  {
    by: 'referrer',
    parent: person('Marcus', 'Johnson', '1990-12-24', 'Male'),
    children: [person('Jayden', 'Johnson', '2015-05-05', 'Male')],
    meeting: { type: 'family_group_conference', inDays: -10, time: '13:00', venue: 'Somers Town Community Centre', stage: 'child_in_need' },
    answers: (today) => plainAnswers('Dad wants help to put his plan for the family across.', { consentDate: addDays(today, -8) }),
    reach: 'completed',
  },
  {
    by: 'referrer2',
    parent: person('Hannah', 'Kaur', '1993-09-09', 'Female'),
    children: [person('Arjun', 'Kaur', '2019-10-10', 'Male')],
    meeting: { type: 'early_help_meeting', inDays: 14, time: '10:00', venue: 'Regent’s Park Children’s Centre', stage: 'early_help' },
    answers: (today) => plainAnswers('Mum asked for an advocate after a difficult first meeting.', { consentDate: addDays(today, -2) }),
    reach: 'no-further-action',
  },
  {
    by: 'referrer',
    parent: person('Ben', 'Carter', '1987-01-29', 'Male'),
    children: [person('Lily', 'Carter', '2013-04-04', 'Female')],
    meeting: { type: 'review_conference', inDays: 25, time: '11:00', venue: 'Crowndale Centre, Room 2', stage: 'child_protection' },
    answers: (today) => plainAnswers('Dad struggles to take in written reports.', { consentDate: addDays(today, -3) }),
    reach: 'withdrawn',
  },
  {
    by: 'referrer',
    parent: person('Olivia', 'Nowak', '1997-03-03', 'Female'),
    children: [person('Zofia', 'Nowak', '2022-07-19', 'Female')],
    meeting: { type: 'initial_conference', inDays: 18, time: '14:30', venue: 'Crowndale Centre, Room 1', stage: 'child_protection' },
    answers: () => ({ ...emptySectionOne, reason: 'Mum speaks Polish at home; I am still to ask about her preferences.' }),
    reach: 'draft',
  },
]

const order: readonly DemoReferral['reach'][] = ['draft', 'sent', 'with-manager', 'returned', 'review', 'advocate', 'sign-off', 'completed']

function reached(referral: DemoReferral, step: DemoReferral['reach']): boolean {
  if (referral.reach === 'no-further-action' || referral.reach === 'withdrawn') return step === 'sent' || step === 'with-manager'
  if (referral.reach === 'returned') return step === 'sent' || step === 'with-manager'
  return order.indexOf(referral.reach) >= order.indexOf(step)
}

export async function loadDemoData(db: Kysely<Schema>, clock: Clock, referrals: ReferralService): Promise<DemoLoadResult> {
  const authorities = await db.selectFrom('authority').select(['id', 'is_demo']).execute()
  if (authorities.some((authority) => authority.is_demo)) return { loaded: false, reason: 'already-loaded' }
  if (authorities.length > 0) return { loaded: false, reason: 'real-data' }

  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const callers = new Map<string, Caller>()
  await db.transaction().execute(async (trx) => {
    const authorityId = await adminRepository.insertAuthority(trx, { name: DEMO_AUTHORITY_NAME, isDemo: true })
    const fgcTeamId = await adminRepository.insertTeam(trx, { authorityId, ...FGC_ADVOCACY_ADMIN })
    await adminRepository.insertTeam(trx, { authorityId, name: 'Children and Families Team A', purpose: null })
    for (const account of demoAccounts) {
      const userId = await adminRepository.insertUser(trx, { authorityId, ...account, passwordHash })
      if (account.fgcTeam) await adminRepository.addTeamMember(trx, { authorityId, teamId: fgcTeamId, userId })
      callers.set(account.key, {
        ip: null,
        user: { id: userId, authorityId, displayName: account.displayName, email: account.email, roles: account.roles, teamIds: account.fgcTeam ? [fgcTeamId] : [] },
      })
    }
  })

  const as = (key: string): Caller => {
    const caller = callers.get(key)
    if (!caller) throw new Error(`No demo account ${key}`)
    return caller
  }
  const managerId = as('manager').user.id
  const today = londonDate(clock.now())

  for (const demo of demoReferrals) {
    const referrer = as(demo.by)
    const id = await referrals.start(referrer, null)
    await referrals.addPerson(referrer, id, demo.parent)
    for (const child of demo.children) await referrals.addChild(referrer, id, child)
    await referrals.saveMeeting(
      referrer,
      id,
      { type: demo.meeting.type, typeOther: null, date: addDays(today, demo.meeting.inDays), time: demo.meeting.time, venue: demo.meeting.venue, stage: demo.meeting.stage },
      null,
    )
    await referrals.saveSectionOne(referrer, id, demo.answers(today), 1)
    if (!reached(demo, 'sent')) continue
    await referrals.sendRequest(referrer, id, { note: null, lateReason: demo.lateReason ?? null })
    if (!reached(demo, 'with-manager')) continue
    await referrals.passToManager(as('admin'), id, managerId, null)
    if (demo.reach === 'returned') {
      await referrals.returnForInformation(as('manager'), id, 'Please say whether she has a preference about her advocate, and which day suits her.')
      continue
    }
    if (demo.reach === 'withdrawn') {
      await referrals.withdraw(referrer, id, { reason: 'meeting_cancelled', details: 'The conference was cancelled: the family moved out of the borough.' })
      continue
    }
    if (demo.reach === 'no-further-action') {
      await referrals.decide(as('manager'), id, {
        nextAction: 'no_further_action',
        reasons: 'This is an early help meeting, and the family support worker will go with mum. Please refer again if a conference is planned.',
        advocateType: null,
        priority: null,
      })
      continue
    }
    if (!reached(demo, 'review')) continue
    await referrals.decide(as('manager'), id, { nextAction: 'child_protection_advocacy_review', reasons: 'Clear need for an advocate before the meeting.', advocateType: 'peer_parent_advocate', priority: 'high' })
    if (!reached(demo, 'advocate')) continue
    const view = await referrals.view(as('admin'), id)
    await referrals.recordAdvocate(as('admin'), id, { name: 'Maria Lopez', type: 'peer_parent_advocate' }, view.review?.version ?? 1)
    if (!reached(demo, 'sign-off')) continue
    const withAdvocate = await referrals.view(as('admin'), id)
    await referrals.recordOutcome(
      as('admin'),
      id,
      {
        contactCount: 4,
        contactSummary: 'Two home visits, a phone call, and a meeting on the day.',
        advocateAttended: 'yes',
        viewsHeard: 'yes',
        meetingOutcome: 'child_protection_plan',
        meetingOutcomeDetails: null,
        minutesSpent: 390,
        notes: 'The parent read her own statement at the conference.',
      },
      withAdvocate.review?.version ?? 1,
    )
    await referrals.requestSignOff(as('admin'), id, managerId, null)
    if (!reached(demo, 'completed')) continue
    await referrals.signOff(as('manager'), id, { complete: true, note: null })
  }
  return { loaded: true }
}
