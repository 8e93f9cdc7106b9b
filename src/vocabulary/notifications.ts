/** What a staff notification is about (the `notification.kind` check constraint, migration 0014). */
export const notificationKinds = ['decision_waiting', 'offer_waiting', 'supervision_due', 'dbs_due', 'report_due', 'readiness_overdue'] as const

export type NotificationKind = (typeof notificationKinds)[number]
