import type { FastifyInstance } from 'fastify'
import type { Stage } from './workflow-steps.ts'
import type { StaffKey } from './world.ts'

/**
 * Every route of the service, listed once: who uses it, and (for a route that names a record) who
 * it is open to. The matrices in `test/matrices/` read this list, and `test/matrices/routes.int.test.ts`
 * fails when the app has a POST route, or a route that names a record, that is not listed here: a
 * new form or page is added here, and the access and hostile-input matrices then try it.
 */

/** The part of the service a route belongs to; each matrix is split by it. */
export type Area =
  'referrals' | 'my-people' | 'pool' | 'programme' | 'admin' | 'sign-in' | 'people' | 'public' | 'family' | 'information' | 'reports' | 'concerns'

/** Everyone the matrices sign in: the test world's staff, and the other authority's. */
export type Member = StaffKey | 'elsewhereReferrer' | 'elsewhereAdmin' | 'elsewhereManager'

export const members: readonly Member[] = [
  'referrer',
  'otherReferrer',
  'admin',
  'manager',
  'otherManager',
  'advocate',
  'coordinator',
  'analyst',
  'sysadmin',
  'elsewhereReferrer',
  'elsewhereAdmin',
  'elsewhereManager',
]

export interface Route {
  readonly method: 'GET' | 'POST'
  /** As Fastify spells it: `/referrals/:referralId/decision`. */
  readonly route: string
  readonly area: Area
  /** Who uses it: a member of staff of the test world, or `anyone` (signed out). */
  readonly who: StaffKey | 'anyone'
  /**
   * Who may open it, or post to it, for the record the fixture gives it (routes that name a record);
   * everyone else is refused with a 403 or 404. `referral matrix`: the referral's own matrix decides
   * (who may depends on where the referral is and who made it). `token`: a one-time link's page,
   * open to whoever holds the token. `family session`: a family member's own page naming a record of
   * theirs; no member of staff opens it (they are sent to the family sign-in), and which family
   * member may is tried in the feature's own isolation tests.
   */
  readonly open?: readonly Member[] | 'referral matrix' | 'token' | 'family session'
  /** Where the referral must be for the route to do its work (routes under /referrals/:referralId). */
  readonly stage?: Stage
  /** The page that holds the form, when it is not the route itself (a button on another page). */
  readonly formOn?: string
  /** A success sends the user back to the same page (a list with its own "add" form). */
  readonly returnsHere?: boolean
  /** A page that sends those it is open to on to another (a 303), rather than showing itself. */
  readonly sendsOn?: boolean
  /** The form is sent as multipart/form-data (a file upload), not as a urlencoded form. */
  readonly multipart?: boolean
}

const keepers: readonly Member[] = ['admin', 'manager', 'otherManager', 'coordinator']
const coordinator: readonly Member[] = ['coordinator']
const sysadmin: readonly Member[] = ['sysadmin']
const managers: readonly Member[] = ['manager', 'otherManager']
const enquiryReaders: readonly Member[] = ['admin', 'manager', 'otherManager']
/** An information page's address names no authority's record: each editor opens their own authority's. */
const informationEditors: readonly Member[] = ['admin', 'coordinator', 'elsewhereAdmin']
const everyone: readonly Member[] = members
/** The reports name no record: each analyst and service manager reads their own authority's figures. */
const reportReaders: readonly Member[] = ['analyst', 'manager', 'otherManager', 'elsewhereManager']
/** Families' words are read, coded and themed by the advocacy service only: its admins and managers, each their own authority's. */
const wordsReaders: readonly Member[] = ['admin', 'manager', 'otherManager']
/** The referrals behind a figure: each service manager lists their own authority's (ADR 0032); the analyst sees aggregates only. */
const drillers: readonly Member[] = ['manager', 'otherManager', 'elsewhereManager']
/** A year's narrative names no record: each service manager writes their own authority's. */
const narrativeWriters: readonly Member[] = ['manager', 'otherManager', 'elsewhereManager']

const referral = (method: 'GET' | 'POST', page: string, who: StaffKey, stage: Stage, extra: Partial<Route> = {}): Route => ({
  method,
  route: `/referrals/:referralId${page}`,
  area: 'referrals',
  who,
  open: 'referral matrix',
  stage,
  ...extra,
})

/** Every page under /referrals/:referralId, with the person who uses it and where the referral is when they do. */
const referralPages: readonly Route[] = [
  referral('GET', '', 'referrer', 'complete_draft'),
  referral('GET', '/person', 'referrer', 'draft'),
  referral('GET', '/person/new', 'referrer', 'draft'),
  referral('GET', '/children', 'referrer', 'draft'),
  referral('GET', '/children/new', 'referrer', 'draft'),
  referral('GET', '/meeting', 'referrer', 'complete_draft'),
  referral('GET', '/section-1', 'referrer', 'complete_draft'),
  referral('GET', '/check', 'referrer', 'complete_draft'),
  referral('GET', '/not-for-family', 'referrer', 'awaiting_admin'),
  referral('GET', '/sent', 'referrer', 'awaiting_admin'),
  referral('GET', '/pass-to-manager', 'admin', 'awaiting_admin'),
  referral('GET', '/decision', 'manager', 'awaiting_decision'),
  referral('GET', '/return', 'manager', 'awaiting_decision'),
  referral('GET', '/consent', 'admin', 'advocate_recorded'),
  referral('GET', '/matches', 'admin', 'in_review'),
  referral('GET', '/offer', 'admin', 'awaiting_advocate'),
  referral('GET', '/triage', 'admin', 'in_review'),
  referral('GET', '/change-advocate', 'admin', 'advocate_recorded'),
  referral('GET', '/outcome', 'admin', 'advocate_recorded'),
  referral('GET', '/sign-off-request', 'admin', 'outcome_recorded'),
  referral('GET', '/sign-off', 'manager', 'awaiting_sign_off'),
  referral('GET', '/withdraw', 'referrer', 'awaiting_admin'),
  referral('GET', '/reschedule', 'referrer', 'awaiting_admin'),
  referral('GET', '/seen-by', 'manager', 'awaiting_admin'),
  referral('GET', '/way-in', 'admin', 'in_review'),
  referral('GET', '/feedback', 'admin', 'advocate_recorded'),
  referral('GET', '/way-in/reminders', 'admin', 'in_review'),
  referral('GET', '/readiness', 'admin', 'advocate_recorded'),
  referral('GET', '/child-advocate/:childId', 'admin', 'awaiting_admin'),
  // A child's consultation before a review conference (ADR 31): the fixture makes the referral's meeting a review conference.
  referral('GET', '/consultation/:childId', 'admin', 'advocate_recorded'),
  referral('GET', '/consultation/:childId/for-the-chair', 'admin', 'advocate_recorded'),
]

const referralForms: readonly Route[] = [
  referral('POST', '/readiness', 'admin', 'advocate_recorded', { returnsHere: true }),
  referral('POST', '/person', 'referrer', 'draft'),
  referral('POST', '/person/new', 'referrer', 'draft'),
  referral('POST', '/children', 'referrer', 'draft'),
  referral('POST', '/children/new', 'referrer', 'draft'),
  referral('POST', '/meeting', 'referrer', 'complete_draft'),
  referral('POST', '/section-1', 'referrer', 'complete_draft'),
  referral('POST', '/check', 'referrer', 'complete_draft'),
  referral('POST', '/not-for-family', 'referrer', 'awaiting_admin'),
  referral('POST', '/pass-to-manager', 'admin', 'awaiting_admin'),
  referral('POST', '/decision', 'manager', 'awaiting_decision'),
  referral('POST', '/return', 'manager', 'awaiting_decision'),
  referral('POST', '/consent', 'admin', 'advocate_recorded'),
  referral('POST', '/matches', 'admin', 'in_review'),
  referral('POST', '/triage', 'admin', 'in_review'),
  referral('POST', '/offer', 'admin', 'awaiting_advocate'),
  referral('POST', '/change-advocate', 'admin', 'advocate_recorded'),
  referral('POST', '/share-views', 'admin', 'advocate_recorded', { formOn: '/referrals/:referralId' }),
  referral('POST', '/outcome', 'admin', 'advocate_recorded'),
  referral('POST', '/sign-off-request', 'admin', 'outcome_recorded'),
  referral('POST', '/sign-off', 'manager', 'awaiting_sign_off'),
  referral('POST', '/withdraw', 'referrer', 'awaiting_admin'),
  referral('POST', '/reschedule', 'referrer', 'awaiting_admin'),
  referral('POST', '/way-in', 'admin', 'in_review'),
  referral('POST', '/way-in/revoke', 'admin', 'in_review', { formOn: '/referrals/:referralId/way-in' }),
  referral('POST', '/feedback/choice', 'admin', 'advocate_recorded', { formOn: '/referrals/:referralId/feedback' }),
  referral('POST', '/feedback/answers', 'admin', 'advocate_recorded', { formOn: '/referrals/:referralId/feedback' }),
  referral('POST', '/feedback/kiosk', 'admin', 'advocate_recorded', { formOn: '/referrals/:referralId/feedback' }),
  referral('POST', '/feedback/kiosk/close', 'admin', 'advocate_recorded', { formOn: '/referrals/:referralId/feedback' }),
  referral('POST', '/feedback/card', 'admin', 'advocate_recorded', { formOn: '/referrals/:referralId/feedback' }),
  referral('POST', '/feedback/card/revoke', 'admin', 'advocate_recorded', { formOn: '/referrals/:referralId/feedback' }),
  referral('POST', '/way-in/reminders', 'admin', 'in_review'),
  referral('POST', '/child-advocate/:childId', 'admin', 'awaiting_admin'),
  referral('POST', '/child-advocate/:childId/referral', 'admin', 'awaiting_admin', { formOn: '/referrals/:referralId' }),
  referral('POST', '/consultation/:childId', 'admin', 'advocate_recorded', { returnsHere: true }),
]

export const routes: readonly Route[] = [
  // Referrals
  { method: 'POST', route: '/referrals', area: 'referrals', who: 'referrer', formOn: '/start' },
  ...referralPages,
  ...referralForms,

  // The advocate's own pages: hers alone, for the allocation offered to her.
  { method: 'GET', route: '/my-people/offers/:allocationId', area: 'my-people', who: 'advocate', open: ['advocate'], stage: 'awaiting_advocate' },
  { method: 'POST', route: '/my-people/offers/:allocationId', area: 'my-people', who: 'advocate', open: ['advocate'], stage: 'awaiting_advocate' },
  { method: 'GET', route: '/my-people/people/:allocationId', area: 'my-people', who: 'advocate', open: ['advocate'], stage: 'advocate_recorded' },
  { method: 'GET', route: '/my-people/people/:allocationId/contacts', area: 'my-people', who: 'advocate', open: ['advocate'], stage: 'advocate_recorded' },
  {
    method: 'POST',
    route: '/my-people/people/:allocationId/contacts',
    area: 'my-people',
    who: 'advocate',
    open: ['advocate'],
    stage: 'advocate_recorded',
  },
  { method: 'GET', route: '/my-people/people/:allocationId/views', area: 'my-people', who: 'advocate', open: ['advocate'], stage: 'advocate_recorded' },
  { method: 'POST', route: '/my-people/people/:allocationId/views', area: 'my-people', who: 'advocate', open: ['advocate'], stage: 'advocate_recorded' },
  {
    method: 'GET',
    route: '/my-people/allocations/:allocationId/meeting.ics',
    area: 'my-people',
    who: 'advocate',
    open: ['advocate'],
    stage: 'advocate_recorded',
  },

  // People
  { method: 'GET', route: '/people/:personId', area: 'people', who: 'referrer', open: ['referrer', 'admin', 'manager', 'otherManager'] },
  { method: 'GET', route: '/people/:personId/seen-by', area: 'people', who: 'manager', open: managers },
  { method: 'GET', route: '/people/:personId/equality', area: 'people', who: 'referrer', open: ['referrer', 'admin', 'manager', 'otherManager'] },
  { method: 'POST', route: '/people/:personId/equality', area: 'people', who: 'referrer', open: ['referrer', 'admin', 'manager', 'otherManager'] },

  // The pool: advocates and local services
  { method: 'POST', route: '/advocates/new', area: 'pool', who: 'coordinator' },
  { method: 'GET', route: '/advocates/:advocateId', area: 'pool', who: 'coordinator', open: keepers },
  { method: 'GET', route: '/advocates/:advocateId/edit', area: 'pool', who: 'coordinator', open: coordinator },
  { method: 'POST', route: '/advocates/:advocateId/edit', area: 'pool', who: 'coordinator', open: coordinator },
  { method: 'GET', route: '/advocates/:advocateId/stage', area: 'pool', who: 'coordinator', open: coordinator },
  { method: 'POST', route: '/advocates/:advocateId/stage', area: 'pool', who: 'coordinator', open: coordinator },
  { method: 'GET', route: '/advocates/:advocateId/sign-in', area: 'pool', who: 'coordinator', open: coordinator },
  { method: 'POST', route: '/advocates/:advocateId/sign-in', area: 'pool', who: 'coordinator', open: coordinator },
  {
    method: 'POST',
    route: '/advocates/:advocateId/sign-in/link',
    area: 'pool',
    who: 'coordinator',
    open: coordinator,
    formOn: '/advocates/:advocateId/sign-in',
  },
  { method: 'GET', route: '/advocates/:advocateId/absences', area: 'pool', who: 'coordinator', open: coordinator },
  { method: 'POST', route: '/advocates/:advocateId/absences', area: 'pool', who: 'coordinator', open: coordinator },
  {
    method: 'POST',
    route: '/advocates/:advocateId/absences/:absenceId/remove',
    area: 'pool',
    who: 'coordinator',
    open: coordinator,
    formOn: '/advocates/:advocateId',
  },
  { method: 'GET', route: '/advocates/:advocateId/known-families', area: 'pool', who: 'coordinator', open: coordinator },
  { method: 'POST', route: '/advocates/:advocateId/known-families', area: 'pool', who: 'coordinator', open: coordinator },
  {
    method: 'POST',
    route: '/advocates/:advocateId/known-families/:familyGroupId/remove',
    area: 'pool',
    who: 'coordinator',
    open: coordinator,
    formOn: '/advocates/:advocateId',
  },
  { method: 'GET', route: '/advocates/:advocateId/photo', area: 'pool', who: 'coordinator', open: keepers },
  { method: 'GET', route: '/advocates/:advocateId/photo/change', area: 'pool', who: 'coordinator', open: coordinator },
  { method: 'POST', route: '/advocates/:advocateId/photo/change', area: 'pool', who: 'coordinator', open: coordinator, multipart: true },
  { method: 'POST', route: '/local-services/new', area: 'pool', who: 'admin' },
  { method: 'GET', route: '/local-services/:serviceId', area: 'pool', who: 'admin', open: keepers },
  { method: 'POST', route: '/local-services/:serviceId', area: 'pool', who: 'admin', open: keepers },

  // The peer advocate programme
  { method: 'POST', route: '/programme/cohorts', area: 'programme', who: 'coordinator', returnsHere: true },
  { method: 'GET', route: '/programme/cohorts/:cohortId', area: 'programme', who: 'coordinator', open: coordinator },
  { method: 'POST', route: '/programme/cohorts/:cohortId', area: 'programme', who: 'coordinator', open: coordinator, returnsHere: true },
  {
    method: 'POST',
    route: '/programme/cohorts/:cohortId/members/:advocateId/remove',
    area: 'programme',
    who: 'coordinator',
    open: coordinator,
    formOn: '/programme/cohorts/:cohortId',
  },
  { method: 'GET', route: '/programme/cohorts/:cohortId/modules', area: 'programme', who: 'coordinator', open: coordinator },
  { method: 'POST', route: '/programme/cohorts/:cohortId/modules', area: 'programme', who: 'coordinator', open: coordinator },
  { method: 'GET', route: '/programme/cohorts/:cohortId/sessions/:week', area: 'programme', who: 'coordinator', open: coordinator },
  { method: 'POST', route: '/programme/cohorts/:cohortId/sessions/:week', area: 'programme', who: 'coordinator', open: coordinator },
  { method: 'GET', route: '/programme/cohorts/:cohortId/accreditation', area: 'programme', who: 'coordinator', open: coordinator },
  { method: 'POST', route: '/programme/cohorts/:cohortId/accreditation', area: 'programme', who: 'coordinator', open: coordinator },
  { method: 'POST', route: '/programme/supervision/new', area: 'programme', who: 'coordinator' },

  // Administration and settings
  { method: 'POST', route: '/notifications/settings', area: 'admin', who: 'manager' },
  {
    method: 'POST',
    route: '/notifications/:notificationId/done',
    area: 'admin',
    who: 'manager',
    open: ['manager'],
    formOn: '/notifications',
    returnsHere: true,
  },
  { method: 'POST', route: '/admin/users/new', area: 'admin', who: 'sysadmin' },
  { method: 'GET', route: '/admin/users/:userId', area: 'admin', who: 'sysadmin', open: sysadmin },
  { method: 'POST', route: '/admin/users/:userId', area: 'admin', who: 'sysadmin', open: sysadmin },
  { method: 'POST', route: '/admin/users/:userId/link', area: 'admin', who: 'sysadmin', open: sysadmin, formOn: '/admin/users/:userId' },
  { method: 'POST', route: '/admin/teams', area: 'admin', who: 'sysadmin', returnsHere: true },
  { method: 'GET', route: '/admin/teams/:teamId', area: 'admin', who: 'sysadmin', open: sysadmin },
  {
    method: 'POST',
    route: '/admin/role-changes/:grantId/acknowledge',
    area: 'admin',
    who: 'manager',
    open: managers,
    formOn: '/admin/role-changes',
    returnsHere: true,
  },
  { method: 'POST', route: '/admin/settings', area: 'admin', who: 'sysadmin', returnsHere: true },
  { method: 'POST', route: '/admin/settings/authority', area: 'admin', who: 'sysadmin' },
  { method: 'POST', route: '/admin/settings/meetings', area: 'admin', who: 'manager', returnsHere: true },
  { method: 'POST', route: '/admin/settings/families', area: 'admin', who: 'manager', returnsHere: true },
  { method: 'POST', route: '/account/for-families', area: 'admin', who: 'referrer', returnsHere: true },
  { method: 'POST', route: '/account/for-families/photo', area: 'admin', who: 'referrer', multipart: true },
  { method: 'POST', route: '/admin/settings/bank-holidays/new', area: 'admin', who: 'sysadmin' },
  {
    method: 'POST',
    route: '/admin/settings/bank-holidays/:changeId/remove',
    area: 'admin',
    who: 'sysadmin',
    open: sysadmin,
    formOn: '/admin/settings',
  },

  // Signing in, and the one-time links (open to whoever holds the link)
  { method: 'POST', route: '/sign-in', area: 'sign-in', who: 'anyone' },
  { method: 'POST', route: '/sign-in/link', area: 'sign-in', who: 'anyone' },
  { method: 'GET', route: '/sign-in/link/:token', area: 'sign-in', who: 'anyone', open: 'token' },
  { method: 'POST', route: '/sign-in/link/:token', area: 'sign-in', who: 'anyone', open: 'token' },
  { method: 'POST', route: '/sign-out', area: 'sign-in', who: 'referrer', formOn: '/' },
  { method: 'GET', route: '/setup/:token', area: 'sign-in', who: 'anyone', open: 'token' },
  { method: 'POST', route: '/setup/:token', area: 'sign-in', who: 'anyone', open: 'token' },
  { method: 'GET', route: '/set-password/:token', area: 'sign-in', who: 'anyone', open: 'token' },
  { method: 'POST', route: '/set-password/:token', area: 'sign-in', who: 'anyone', open: 'token' },

  // The public pages (no sign-in), and the enquiries they send to the advocacy admins
  { method: 'POST', route: '/advocacy/ask', area: 'public', who: 'anyone' },
  // A kiosk takes answers only on the device it was opened on; without one, the post is refused (its own test opens one).
  { method: 'POST', route: '/kiosk', area: 'public', who: 'anyone', formOn: '/kiosk' },
  // A card's code opens its questions; the questions take answers only in a browser that typed a working code (their own test does).
  { method: 'POST', route: '/feedback/card', area: 'public', who: 'anyone' },
  { method: 'POST', route: '/feedback/card/questions', area: 'public', who: 'anyone', formOn: '/feedback/card' },
  { method: 'POST', route: '/advocacy/become-a-parent-advocate/apply', area: 'public', who: 'anyone' },
  { method: 'GET', route: '/enquiries/:enquiryId', area: 'public', who: 'admin', open: enquiryReaders },
  { method: 'POST', route: '/enquiries/:enquiryId', area: 'public', who: 'admin', open: enquiryReaders },

  // A family member's own pages: their sign-in is public; the rest need a family session, which no member of staff has
  { method: 'POST', route: '/your-advocacy/sign-in', area: 'family', who: 'anyone' },
  { method: 'POST', route: '/your-advocacy/sign-in/word', area: 'family', who: 'anyone', formOn: '/your-advocacy/sign-in' },
  { method: 'POST', route: '/your-advocacy/sign-out', area: 'family', who: 'anyone', formOn: '/your-advocacy/sign-in' },
  { method: 'POST', route: '/your-advocacy/views', area: 'family', who: 'anyone', formOn: '/your-advocacy/sign-in' },
  { method: 'POST', route: '/your-advocacy/concern', area: 'family', who: 'anyone', formOn: '/your-advocacy/sign-in' },
  // A child's consultation on their own pages (ADR 31): its hostile input with a child's session is tried in src/features/consultation/consultation.int.test.ts.
  { method: 'POST', route: '/your-advocacy/consultation', area: 'family', who: 'anyone', formOn: '/your-advocacy/sign-in' },

  // Safeguarding concerns (ADR 25): raised by an advocate from a person's page (and by a family from their own, above);
  // read by every service manager and the people on the authority's list, "not found" to everyone else. With no list
  // set (as in the fixture), a concern goes to every service manager. The rules are kept by a service manager.
  { method: 'GET', route: '/my-people/people/:allocationId/concern', area: 'concerns', who: 'advocate', open: ['advocate'], stage: 'advocate_recorded' },
  { method: 'POST', route: '/my-people/people/:allocationId/concern', area: 'concerns', who: 'advocate', open: ['advocate'], stage: 'advocate_recorded' },
  { method: 'GET', route: '/concerns/:concernId', area: 'concerns', who: 'manager', open: managers },
  { method: 'POST', route: '/concerns/:concernId/acknowledge', area: 'concerns', who: 'manager', open: managers, formOn: '/concerns/:concernId' },
  { method: 'POST', route: '/concerns/:concernId/close', area: 'concerns', who: 'manager', open: managers, formOn: '/concerns/:concernId' },
  { method: 'POST', route: '/admin/settings/concerns', area: 'concerns', who: 'manager', returnsHere: true },
  // Feedback they chose to give later, for their own meeting only (src/features/family/feedback/feedback.int.test.ts tries other meetings).
  { method: 'GET', route: '/your-advocacy/feedback/:meetingId', area: 'family', who: 'anyone', open: 'family session' },
  { method: 'POST', route: '/your-advocacy/feedback/:meetingId', area: 'family', who: 'anyone', open: 'family session', formOn: '/your-advocacy/sign-in' },
  {
    method: 'POST',
    route: '/your-advocacy/feedback/:meetingId/decline',
    area: 'family',
    who: 'anyone',
    open: 'family session',
    formOn: '/your-advocacy/sign-in',
  },

  // The information pages: anyone reads them; the advocacy admins and the coordinator edit their own authority's
  { method: 'GET', route: '/information/:page', area: 'information', who: 'anyone', open: everyone },
  // The reports: aggregate figures for the analyst and every service manager (each their own authority's)
  { method: 'GET', route: '/reports', area: 'reports', who: 'analyst' },
  { method: 'GET', route: '/reports/download/:format', area: 'reports', who: 'analyst', open: reportReaders },
  { method: 'GET', route: '/reports/participation', area: 'reports', who: 'analyst' },
  { method: 'GET', route: '/reports/annual', area: 'reports', who: 'analyst' },
  { method: 'GET', route: '/reports/annual/download/:format', area: 'reports', who: 'analyst', open: reportReaders },
  { method: 'GET', route: '/reports/referrals', area: 'reports', who: 'manager', open: drillers },
  { method: 'GET', route: '/reports/annual/:year/narrative', area: 'reports', who: 'manager', open: narrativeWriters },
  { method: 'POST', route: '/reports/annual/:year/narrative', area: 'reports', who: 'manager', open: narrativeWriters },
  // The themes the advocacy service keeps, and its coding of families' words, for the participation group
  { method: 'GET', route: '/feedback/themes', area: 'reports', who: 'admin' },
  { method: 'POST', route: '/feedback/themes', area: 'reports', who: 'admin', returnsHere: true },
  { method: 'GET', route: '/feedback/themes/:themeId', area: 'reports', who: 'admin', open: wordsReaders },
  { method: 'POST', route: '/feedback/themes/:themeId', area: 'reports', who: 'admin', open: wordsReaders },
  { method: 'GET', route: '/feedback/words/:responseId', area: 'reports', who: 'admin', open: wordsReaders },
  { method: 'POST', route: '/feedback/words/:responseId', area: 'reports', who: 'admin', open: wordsReaders },
  { method: 'GET', route: '/information/:page/edit', area: 'information', who: 'admin', open: informationEditors, sendsOn: true },
  { method: 'GET', route: '/information/:page/edit/:language', area: 'information', who: 'admin', open: informationEditors },
  { method: 'POST', route: '/information/:page/edit/:language', area: 'information', who: 'admin', open: informationEditors },
]

/** A route that names a record (a parameter in its path). */
export const namesARecord = (route: string): boolean => route.includes(':')

/** The routes of one area and method. */
export function routesOf(area: Area, method: 'GET' | 'POST'): Route[] {
  return routes.filter((route) => route.area === area && route.method === method)
}

/**
 * Every route the app serves, as `METHOD /path`, read from Fastify's own tree of routes (HEAD, and
 * the static assets and the catch-all 404, left out).
 */
export function servedRoutes(app: FastifyInstance): string[] {
  const tree = app.printRoutes({ commonPrefix: false })
  const paths: string[] = []
  const served: string[] = []
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[└├]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (!match) continue
    const depth = (match[1] ?? '').length / 4
    const segment = match[2] ?? ''
    const path = depth === 0 ? segment : `${paths[depth - 1] ?? ''}${segment}`
    paths[depth] = path
    paths.length = depth + 1
    for (const method of (match[3] ?? '').split(', ')) {
      if (method === 'GET' || method === 'POST') served.push(`${method} ${path.replace(/^\/\//, '/')}`)
    }
  }
  return served.filter((route) => !/ \/(assets\/|\*$)/.test(route)).sort()
}
