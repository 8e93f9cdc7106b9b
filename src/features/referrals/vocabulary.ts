/**
 * The service's words for the choices a referral records, in one place: stored values and the
 * labels people see. Labels follow the practice guidance and the family-led enquiry's plain words.
 */

import { labelled } from '../../platform/labelled.ts'

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

export const advocateTypes = labelled({
  peer_parent_advocate: 'Peer parent advocate',
  professional_advocate: 'Professional advocate',
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

/** Every label, for templates: `labels.meetingTypes[referral.meeting.type]`. */
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
}
