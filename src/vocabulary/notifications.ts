/** What a staff notification is about (the `notification.kind` check constraint, migrations 0014 and 0020). */
export const notificationKinds = [
  'decision_waiting',
  'offer_waiting',
  'supervision_due',
  'dbs_due',
  'report_due',
  'readiness_overdue',
  'concern_raised',
] as const

export type NotificationKind = (typeof notificationKinds)[number]
