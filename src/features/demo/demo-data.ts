import type { Kysely } from 'kysely'
import { hashPassword } from '../../platform/auth/passwords.ts'
import type { Caller, Role } from '../../platform/auth/roles.ts'
import type { Schema } from '../../platform/db/schema.ts'
import { addDays } from '../../platform/time/calendar.ts'
import { londonDate, type Clock } from '../../platform/time/clock.ts'
import { authoritiesHeld, openAuthority } from '../admin/authority-service.ts'
import { emptySectionOne, type SectionOneAnswers } from '../referrals/section-1/questions.ts'
import type { AdvocateDetails, AdvocateService } from '../advocates/service.ts'
import { modules as trainingModules } from '../../vocabulary/advocates.ts'
import type { MeetingType, ReferralStage } from '../../vocabulary/referrals.ts'
import { linkSignIn, recordAccreditedOn } from '../advocates/roster-service.ts'
import { importCompletedModules, importSupervision } from '../programme/history-service.ts'
import type { LocalServices } from '../local-services/service.ts'
import type { ProgrammeService } from '../programme/service.ts'
import type { NewPerson } from '../people/service.ts'
import type { AdvocacyRecordService, AllocationService, ReferralService } from '../referrals/service.ts'

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
  preferenceDetails:
    'The parent would prefer a Spanish-speaking advocate because this is her most confident language, and would feel more comfortable if the advocate is also a woman.',
  preferredGender: 'woman',
  preferredLanguages: ['Spanish'],
  interpreterNeeded: false,
  hasDisability: true,
  disabilityDetails: 'The parent has dyslexia, which mainly affects reading. Additional time and visual aids help her take in information.',
  adjustments: ['extra_time', 'visual_aids'],
  hasOtherNeeds: true,
  otherNeedsDetails:
    'She takes a while to build relationships with new people, so continuity helps. She would like to meet the advocate in person before the conference.',
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
  /** Children of a set age on the day of the meeting, whatever day the demo is loaded (a review's consultation, ADR 31, depends on it). */
  readonly childrenAged?: readonly { readonly givenName: string; readonly age: number; readonly gender: string }[]
  readonly meeting: { type: MeetingType; inDays: number; time: string; venue: string; stage: ReferralStage }
  readonly answers: (today: string) => SectionOneAnswers
  /** How far along the workflow it has gone. */
  readonly reach:
    'draft' | 'sent' | 'with-manager' | 'returned' | 'review' | 'offered' | 'advocate' | 'sign-off' | 'completed' | 'no-further-action' | 'withdrawn'
  /** Who is offered (and, past 'offered', accepts) the referral. */
  readonly advocate?: string
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
    // Consulted before the review (9, on the 8 to 11 form); too young to be asked (3): ADR 31.
    childrenAged: [
      { givenName: 'Noah', age: 9, gender: 'Male' },
      { givenName: 'Isla', age: 3, gender: 'Female' },
    ],
    meeting: { type: 'review_conference', inDays: 9, time: '14:00', venue: 'Online (Teams)', stage: 'child_protection' },
    answers: (today) =>
      plainAnswers('Dad feels left out of meetings about his daughter and wants to be heard at the review.', {
        consentDate: addDays(today, -1),
        hasOtherNeeds: true,
        otherNeedsDetails: 'Works shifts: afternoons are best.',
      }),
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
    advocate: 'David Osei',
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
    advocate: 'Maria Lopez',
  },
  {
    by: 'referrer',
    parent: person('Marcus', 'Johnson', '1990-12-24', 'Male'),
    children: [person('Jayden', 'Johnson', '2015-05-05', 'Male')],
    meeting: { type: 'family_group_conference', inDays: -10, time: '13:00', venue: 'Somers Town Community Centre', stage: 'child_in_need' },
    answers: (today) => plainAnswers('Dad wants help to put his plan for the family across.', { consentDate: addDays(today, -8) }),
    reach: 'completed',
    advocate: 'David Osei',
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
    by: 'referrer2',
    parent: person('Kemi', 'Adebayo', '2001-06-30', 'Female'),
    children: [person('Tobi', 'Adebayo', '2024-03-03', 'Male')],
    meeting: { type: 'initial_conference', inDays: 11, time: '13:30', venue: 'Crowndale Centre, Room 2', stage: 'child_protection' },
    answers: (today) => plainAnswers('A young mum who has not been to a conference before.', { consentDate: addDays(today, -1) }),
    reach: 'offered',
    advocate: 'Maria Lopez',
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

const order: readonly DemoReferral['reach'][] = ['draft', 'sent', 'with-manager', 'returned', 'review', 'offered', 'advocate', 'sign-off', 'completed']

function reached(referral: DemoReferral, step: DemoReferral['reach']): boolean {
  if (referral.reach === 'no-further-action' || referral.reach === 'withdrawn') return step === 'sent' || step === 'with-manager'
  if (referral.reach === 'returned') return step === 'sent' || step === 'with-manager'
  return order.indexOf(referral.reach) >= order.indexOf(step)
}

export interface DemoServices {
  readonly programme: ProgrammeService
  readonly referrals: ReferralService
  readonly allocations: AllocationService
  readonly advocates: AdvocateService
  readonly localServices: LocalServices
  readonly advocacyRecord: AdvocacyRecordService
}

export async function loadDemoData(db: Kysely<Schema>, clock: Clock, services: DemoServices): Promise<DemoLoadResult> {
  const { referrals, allocations } = services
  const context = { db, clock }
  const authorities = await authoritiesHeld(context)
  if (authorities.some((authority) => authority.isDemo)) return { loaded: false, reason: 'already-loaded' }
  if (authorities.length > 0) return { loaded: false, reason: 'real-data' }

  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const callers = new Map<string, Caller>()
  await db.transaction().execute(async (trx) => {
    const { authorityId, fgcTeamId, userIds } = await openAuthority(context, trx, {
      name: DEMO_AUTHORITY_NAME,
      isDemo: true,
      otherTeams: ['Children and Families Team A'],
      staff: demoAccounts.map((account) => ({ ...account, passwordHash })),
    })
    for (const account of demoAccounts) {
      const userId = userIds.get(account.key) ?? ''
      callers.set(account.key, {
        ip: null,
        user: {
          id: userId,
          authorityId,
          displayName: account.displayName,
          email: account.email,
          roles: account.roles,
          teamIds: account.fgcTeam ? [fgcTeamId] : [],
        },
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
  const pool = await loadPool(db, services, as('coordinator'), as('advocate').user.id, today)
  await services.localServices.create(as('admin'), {
    name: 'Camden Deaf Advocacy (BSL)',
    languages: ['BSL'],
    specialisms: ['deaf'],
    contact: 'advocacy@deaf.example.org, 020 7946 0000',
    notes: null,
    active: true,
  })
  await services.localServices.create(as('admin'), {
    name: 'Women’s Aid Advocacy',
    languages: ['English', 'Arabic'],
    specialisms: ['domestic_abuse'],
    contact: 'referrals@womensaid.example.org',
    notes: 'For parents where there is domestic abuse.',
    active: true,
  })
  await services.localServices.create(as('admin'), {
    name: 'Polish Family Support',
    languages: ['Polish'],
    specialisms: [],
    contact: '020 7946 0001',
    notes: null,
    active: true,
  })

  for (const demo of demoReferrals) {
    const referrer = as(demo.by)
    const id = await referrals.start(referrer, null)
    await referrals.addPerson(referrer, id, demo.parent)
    for (const child of demo.children) await referrals.addChild(referrer, id, child)
    for (const child of demo.childrenAged ?? []) {
      // Born a couple of months after the birthday that makes them this age on the day of the meeting.
      const born = addDays(addDays(today, demo.meeting.inDays), -(Math.round(child.age * 365.25) + 60))
      await referrals.addChild(referrer, id, person(child.givenName, demo.parent.familyName, born, child.gender))
    }
    await referrals.saveMeeting(
      referrer,
      id,
      {
        type: demo.meeting.type,
        typeOther: null,
        date: addDays(today, demo.meeting.inDays),
        time: demo.meeting.time,
        venue: demo.meeting.venue,
        stage: demo.meeting.stage,
        strategyDiscussionOn: null,
        previousConferenceOn: null,
        previousConference: null,
        conferenceLateReason: null,
      },
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
    await referrals.decide(as('manager'), id, {
      nextAction: 'child_protection_advocacy_review',
      reasons: 'Clear need for an advocate before the meeting.',
      advocateType: 'parent_peer_advocate',
      priority: 'high',
    })
    if (!reached(demo, 'offered') || !demo.advocate) continue
    const advocateId = pool.get(demo.advocate)
    if (!advocateId) throw new Error(`No demo advocate ${demo.advocate}`)
    await allocations.offer(as('admin'), id, advocateId)
    if (!reached(demo, 'advocate')) continue
    const offered = (await allocations.history(as('admin'), id)).find((allocation) => allocation.status === 'offered')
    if (!offered) throw new Error('The demo offer was not made')
    await allocations.answer(as('admin'), offered.id, { accept: true, reason: null })
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

interface DemoAdvocate {
  readonly details: AdvocateDetails
  readonly stage: 'training' | 'active'
  /** Everything done: training, accreditation and supervision up to date. */
  readonly ready: boolean
  readonly dbsYearsAgo: number
  /** The demo advocate account signs in as this advocate. */
  readonly signsIn?: true
}

function advocateDetails(details: Partial<AdvocateDetails> & Pick<AdvocateDetails, 'givenName' | 'familyName'>): AdvocateDetails {
  return {
    kind: 'parent_peer_advocate',
    email: null,
    phone: null,
    gender: null,
    heritage: null,
    livedExperience: null,
    specialisms: [],
    areas: ['Camden Town', 'Kentish Town'],
    availableDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    capacity: 2,
    dbsCheckedOn: null,
    aboutMe: null,
    languages: [{ language: 'English', level: 'first_language' }],
    ...details,
  }
}

const demoPool: readonly DemoAdvocate[] = [
  {
    details: advocateDetails({
      givenName: 'Maria',
      familyName: 'Lopez',
      gender: 'woman',
      heritage: 'Latin American',
      specialisms: ['dyslexia', 'young_parents'],
      capacity: 3,
      languages: [
        { language: 'Spanish', level: 'first_language' },
        { language: 'English', level: 'fluent' },
      ],
      livedExperience: 'Went through child protection with her own children, who are now home.',
      aboutMe: 'I am a mum of three. I know how frightening a conference can be, and I will be there with you. I speak Spanish and English.',
    }),
    stage: 'active',
    ready: true,
    dbsYearsAgo: 1,
    signsIn: true,
  },
  {
    details: advocateDetails({
      givenName: 'Fatima',
      familyName: 'Begum',
      gender: 'woman',
      heritage: 'Bangladeshi',
      specialisms: ['learning_disability'],
      languages: [
        { language: 'Bengali', level: 'first_language' },
        { language: 'English', level: 'fluent' },
      ],
      aboutMe: 'I help parents understand the reports and say what they think.',
    }),
    stage: 'active',
    ready: true,
    dbsYearsAgo: 2,
  },
  {
    details: advocateDetails({
      givenName: 'David',
      familyName: 'Osei',
      gender: 'man',
      specialisms: ['fathers'],
      capacity: 3,
      aboutMe: 'A dad who has been there. I work with dads who feel left out.',
    }),
    stage: 'active',
    ready: true,
    dbsYearsAgo: 1,
  },
  {
    details: advocateDetails({
      kind: 'professional_advocate',
      givenName: 'Agnieszka',
      familyName: 'Nowak',
      gender: 'woman',
      heritage: 'Polish',
      specialisms: ['mental_health'],
      capacity: 4,
      languages: [
        { language: 'Polish', level: 'first_language' },
        { language: 'English', level: 'fluent' },
      ],
    }),
    stage: 'active',
    ready: true,
    dbsYearsAgo: 1,
  },
  {
    details: advocateDetails({ givenName: 'Sarah', familyName: 'Green', gender: 'woman', specialisms: ['domestic_abuse'] }),
    stage: 'active',
    ready: true,
    dbsYearsAgo: 4,
  },
  {
    details: advocateDetails({ givenName: 'Rob', familyName: 'Hughes', gender: 'man', specialisms: ['substance_use'] }),
    stage: 'training',
    ready: false,
    dbsYearsAgo: 0,
  },
]

/** The demo pool: trained, checked and supervised advocates (and one still training, one whose DBS check has run out). */
async function loadPool(db: Kysely<Schema>, services: DemoServices, coordinator: Caller, advocateUserId: string, today: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  const authorityId = coordinator.user.authorityId
  const context = { db, clock: { now: () => new Date(`${today}T12:00:00Z`) } }
  const record = { authorityId, recordedBy: coordinator.user.id }
  for (const advocate of demoPool) {
    const dbsCheckedOn = addDays(today, -365 * advocate.dbsYearsAgo - 30)
    const id = await services.advocates.create(
      coordinator,
      { ...advocate.details, dbsCheckedOn },
      advocate.details.kind === 'professional_advocate' ? 'active' : 'application',
    )
    ids.set(`${advocate.details.givenName} ${advocate.details.familyName}`, id)
    if (advocate.details.kind === 'parent_peer_advocate') {
      const view = await services.advocates.view(coordinator, id)
      await services.advocates.moveStage(coordinator, id, advocate.stage, view.version)
      if (advocate.ready) {
        await importCompletedModules(context, db, { ...record, advocateId: id, modules: trainingModules.values, completedOn: addDays(today, -120) })
        await recordAccreditedOn(context, db, authorityId, id, addDays(today, -100))
      } else {
        await importCompletedModules(context, db, {
          ...record,
          advocateId: id,
          modules: ['advocacy_skills', 'legal_framework'],
          completedOn: addDays(today, -7),
        })
      }
    }
    if (advocate.signsIn) await linkSignIn(context, db, authorityId, id, advocateUserId)
  }
  const peers = demoPool
    .filter((advocate) => advocate.ready && advocate.details.kind === 'parent_peer_advocate')
    .map((advocate) => ids.get(`${advocate.details.givenName} ${advocate.details.familyName}`) ?? '')
  const supervised = { authorityId, supervisorId: coordinator.user.id }
  await importSupervision(context, db, { ...supervised, kind: 'group', heldOn: addDays(today, -40), advocateIds: peers })
  await importSupervision(context, db, { ...supervised, kind: 'group', heldOn: addDays(today, -12), advocateIds: peers })
  for (const [index, advocateId] of peers.entries())
    await importSupervision(context, db, { ...supervised, kind: 'one_to_one', heldOn: addDays(today, -10 - index * 3), advocateIds: [advocateId] })

  // A cohort in its fourth week, with the advocate still training in it.
  const trainee = ids.get('Rob Hughes')
  if (trainee) {
    const cohortId = await services.programme.createCohort(coordinator, { name: 'Autumn cohort (demo)', startsOn: addDays(today, -22) })
    await services.programme.addMember(coordinator, cohortId, trainee)
    for (const week of [1, 2, 3, 4]) {
      const { session } = await services.programme.register(coordinator, cohortId, week)
      await services.programme.recordAttendance(coordinator, cohortId, week, week === 3 ? [] : [trainee], session.version)
    }
  }
  return ids
}
