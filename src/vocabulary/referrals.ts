/**
 * The service's words for the choices a referral records, in one place: stored values and the
 * labels people see. Labels follow the practice guidance and the family-led enquiry's plain words.
 */

import { labelled, type ValueOf } from './labelled.ts'
import { advocateKinds } from './advocates.ts'

/**
 * Where a referral is in the Advocacy Workflow. What each state means, who it waits on and what may
 * happen next is the workflow table's business (`features/referrals/workflow.ts`); this is only the
 * list of names the database stores.
 */
export const referralStates = [
  'draft',
  'awaiting_admin',
  'awaiting_decision',
  'returned',
  'in_review',
  'awaiting_advocate',
  'awaiting_sign_off',
  'no_further_action',
  'completed',
  'withdrawn',
] as const

export type ReferralState = (typeof referralStates)[number]

export const meetingTypes = labelled({
  initial_conference: 'Initial child protection conference',
  review_conference: 'Review child protection conference',
  core_group: 'Core group meeting',
  child_in_need_review: 'Child in need review',
  early_help_meeting: 'Early help meeting',
  family_group_conference: 'Family Group Conference',
  other: 'Another meeting',
})

export const stages = labelled({
  early_help: 'Early Help',
  child_in_need: 'Child in Need',
  child_protection: 'Child Protection',
})

/** The type of advocate the decision asks for: one of the pool's kinds, or a specialist local service. */
export const advocateTypes = labelled({
  ...advocateKinds.labels,
  specialist_local_service: 'Specialist local service',
})

export const priorities = labelled({
  urgent: 'Urgent',
  high: 'High',
  standard: 'Standard',
})

export const withdrawalReasons = labelled({
  consent_withdrawn: 'The person withdrew their consent',
  meeting_cancelled: 'The meeting was cancelled',
  made_in_error: 'The referral was made in error',
  other: 'Another reason',
})

export const attendance = labelled({
  yes: 'Yes',
  no: 'No',
  meeting_not_held: 'The meeting did not go ahead',
})

export const viewsHeard = labelled({
  yes: 'Yes, fully',
  partly: 'Partly',
  no: 'No',
})

export const meetingOutcomes = labelled({
  child_protection_plan: 'Child protection plan made',
  plan_continued: 'Child protection plan continued',
  plan_ended: 'Child protection plan ended',
  child_in_need_plan: 'Child in need plan',
  no_further_action: 'No further action',
  adjourned: 'Meeting adjourned or postponed',
  other: 'Something else',
})

export const contactMethods = labelled({
  in_person: 'In person',
  phone: 'Phone call',
  video: 'Video call',
  message: 'Message or email',
  meeting: 'At a meeting',
})

export const allocationStatuses = labelled({
  offered: 'Offered, waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined',
  lapsed: 'Not answered in time',
  withdrawn: 'Offer withdrawn',
  triaged: 'Triaged to a local service',
  ended: 'Ended',
})

/** How the person gave their consent to the referral (Section 1). */
export const consentMethods = labelled({
  verbal: 'Verbally',
  written: 'In writing',
  other: 'Another way',
})

/** The advocate's gender the person would prefer (Section 1). */
export const genderPreferences = labelled({
  woman: 'A woman',
  man: 'A man',
  non_binary: 'A non-binary advocate',
  no_preference: 'No preference',
})

/** What helps a person with a disability or learning need take part (Section 1). */
export const adjustments = labelled({
  extra_time: 'Extra time to take things in',
  visual_aids: 'Visual aids',
  easy_read: 'Easy read documents',
  bsl_interpreter: 'British Sign Language interpreter',
  large_print: 'Large print',
  quiet_space: 'A quiet space to talk',
})

export const nextActions = labelled({
  child_protection_advocacy_review: 'Child Protection Advocacy Review',
  no_further_action: 'No Further Action',
})

export type MeetingType = ValueOf<typeof meetingTypes>
export type ReferralStage = ValueOf<typeof stages>
export type AdvocateType = ValueOf<typeof advocateTypes>
export type Priority = ValueOf<typeof priorities>
export type WithdrawalReason = ValueOf<typeof withdrawalReasons>
export type Attendance = ValueOf<typeof attendance>
export type ViewsHeard = ValueOf<typeof viewsHeard>
export type MeetingOutcome = ValueOf<typeof meetingOutcomes>
export type ContactMethod = ValueOf<typeof contactMethods>
export type AllocationStatus = ValueOf<typeof allocationStatuses>
export type ConsentMethod = ValueOf<typeof consentMethods>
export type GenderPreference = ValueOf<typeof genderPreferences>
export type Adjustment = ValueOf<typeof adjustments>
export type NextAction = ValueOf<typeof nextActions>
/** Why a referral ended: withdrawn (with its reason), No Further Action, or Advocacy Completed. */
/** Why a referral ended: a withdrawal's reason, the decision or sign-off, or a draft the service closed (`lapsed`). */
export type ClosedReason = WithdrawalReason | 'no_further_action' | 'completed' | 'lapsed'

/** Every label, for templates: `labels.meetingTypes[referral.meeting.type]`. */
/**
 * The Section 1 answers a referrer may mark as not for the family to read (by question name): the
 * written answers a family's own pages show. Section 1's questions (`section-1/questions.ts`) check
 * each is one of theirs; the database holds only these (migration 0015).
 */
export const notForFamilyQuestions = labelled({
  consentDetails: 'Why the person has not consented',
  reason: 'The reason for the referral',
  preferenceDetails: 'Their preferences for an advocate',
  disabilityDetails: 'The disability or learning need',
  otherNeedsDetails: 'Their other needs',
})
export type NotForFamilyQuestion = ValueOf<typeof notForFamilyQuestions>

export const labels = {
  meetingTypes: meetingTypes.labels,
  stages: stages.labels,
  advocateTypes: advocateTypes.labels,
  priorities: priorities.labels,
  withdrawalReasons: withdrawalReasons.labels,
  attendance: attendance.labels,
  viewsHeard: viewsHeard.labels,
  meetingOutcomes: meetingOutcomes.labels,
  allocationStatuses: allocationStatuses.labels,
  consentMethods: consentMethods.labels,
  genderPreferences: genderPreferences.labels,
  adjustments: adjustments.labels,
  nextActions: nextActions.labels,
}
