import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { OutboxChannel, Queryable } from '../../platform/db/schema.ts'
import { ConflictError, NotFoundError } from '../../platform/errors.ts'
import type { Translations } from '../../platform/i18n/translations.ts'
import { isId } from '../../platform/ids.ts'
import { queueMessage } from '../../platform/mail/outbox.ts'
import { fullName } from '../../platform/people-names.ts'
import { bindService, type BoundService, type ServiceContext } from '../../platform/service-context.ts'
import { addDays } from '../../platform/time/calendar.ts'
import { londonDate } from '../../platform/time/clock.ts'
import { recordedLanguage } from './family-request.ts'
import { meetingReminder, REMIND_DAYS_AHEAD, reminderKey } from './meeting-reminder.ts'
import * as choices from './reminder-choice-repository.ts'
import * as wayInReads from './way-in-repository.ts'

/**
 * Reminders of their meeting for a family member who agreed to them (issue 12): staff record on the
 * way-in page whether the person wants them, by email or by text, and where to; the scheduler's
 * `remind-families` job queues one reminder for each meeting in the outbox (ADR 20), in the
 * person's language, naming nothing about them. Open to the same staff as the way in: the advocacy
 * admins for any referral that reached the service, and the advocate working with the person.
 */

export interface RemindersContext extends ServiceContext {
  readonly translations: Translations
  /** Where a family member signs in: the one link a reminder holds. */
  readonly signInUrl: string
}

export interface ReminderChoiceView {
  readonly referralId: string
  readonly reference: string
  readonly personName: string
  readonly channel: OutboxChannel | null
  readonly address: string | null
  /** Recorded at all (a "no" is a choice too). */
  readonly recorded: { readonly at: Date; readonly by: string | null } | null
  /** 0 until a choice is recorded. */
  readonly version: number
}

export type ReminderAnswer = { readonly channel: null } | { readonly channel: OutboxChannel; readonly address: string }

/** The referral, if this member of staff may record the person's choice; "not found" for anyone else. */
async function referralFor(db: Queryable, caller: Caller, referralId: string) {
  if (!isId(referralId)) throw new NotFoundError('No such referral')
  const row = await wayInReads.referralForWayIn(db, caller.user.authorityId, referralId)
  if (!row || row.sent_at === null || !row.person_id) throw new NotFoundError('No such referral')
  const advocate = await wayInReads.allocatedAdvocate(db, caller.user.authorityId, referralId)
  const service = hasRole(caller.user, 'advocacy_admin')
  const ownPerson = hasRole(caller.user, 'advocate') && advocate?.user_id === caller.user.id
  if (!service && !ownPerson) throw new NotFoundError('No such referral')
  return row
}

/** The person's choice as it stands. Viewing it (it holds their email or number) is audited. */
export async function reminderChoice(context: RemindersContext, caller: Caller, referralId: string): Promise<ReminderChoiceView> {
  const row = await referralFor(context.db, caller, referralId)
  const choice = await choices.choiceOf(context.db, caller.user.authorityId, row.id)
  await recordAudit(context.db, auditActorOf(caller), { action: 'family.reminders-viewed', recordType: 'referral', recordId: row.id })
  return {
    referralId: row.id,
    reference: row.reference,
    personName: fullName(row),
    channel: choice?.channel ?? null,
    address: choice?.address ?? null,
    recorded: choice ? { at: choice.updated_at, by: choice.updated_by_name } : null,
    version: choice?.version ?? 0,
  }
}

/**
 * Records the person's choice, if nobody changed it since `version` (0: nobody had recorded one).
 * Audited with the way they chose, never the address or number.
 */
export async function saveReminderChoice(
  context: RemindersContext,
  caller: Caller,
  referralId: string,
  answer: ReminderAnswer,
  version: number,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const row = await referralFor(trx, caller, referralId)
    const values = {
      authorityId: caller.user.authorityId,
      referralId: row.id,
      channel: answer.channel,
      address: answer.channel ? answer.address : null,
      updatedBy: caller.user.id,
      now: context.clock.now(),
    }
    const saved = version === 0 ? await choices.insertChoice(trx, values) : await choices.updateChoice(trx, values, version)
    if (!saved) {
      const now = await choices.choiceOf(trx, caller.user.authorityId, row.id)
      throw new ConflictError('The reminder choice changed after you opened this page', now?.updated_by_name ?? null, now?.updated_at ?? null)
    }
    await recordAudit(trx, auditActorOf(caller), {
      action: 'family.reminders-changed',
      recordType: 'referral',
      recordId: row.id,
      details: { wants: answer.channel ?? 'none' },
    })
  })
}

/**
 * The `remind-families` job: for each meeting from tomorrow to two days on whose person wants
 * reminders, one reminder in the outbox, in their language. Each in its own transaction with its
 * audit event; a reminder already queued for that meeting's day and time is not queued again, so
 * running this twice, or in two processes at once, queues each reminder once. Says how many it queued.
 */
export async function remindFamiliesOfMeetings(context: RemindersContext): Promise<number> {
  const today = londonDate(context.clock.now())
  const due = await choices.meetingsToRemind(context.db, addDays(today, 1), addDays(today, REMIND_DAYS_AHEAD))
  let queued = 0
  for (const meeting of due) {
    if (!meeting.channel || !meeting.address) continue
    const { t } = context.translations.translator(recordedLanguage(context.translations, meeting.preferred_languages ?? []))
    const when = { date: meeting.meeting_date, time: meeting.meeting_time }
    const message = meetingReminder(t, when, context.signInUrl)
    const channel = meeting.channel
    const address = meeting.address
    const isNew = await context.db.transaction().execute(async (trx) => {
      const added = await queueMessage(trx, context.clock, { channel, to: address, ...message, dedupeKey: reminderKey(meeting.referral_id, when) })
      if (added) {
        await recordAudit(
          trx,
          { userId: null, authorityId: meeting.authority_id, ip: null },
          { action: 'family.meeting-reminder-queued', recordType: 'referral', recordId: meeting.referral_id, details: { channel } },
        )
      }
      return added
    })
    if (isNew) queued += 1
  }
  return queued
}

const functions = { reminderChoice, saveReminderChoice, remindFamiliesOfMeetings }

export type RemindersService = BoundService<typeof functions, RemindersContext>

export function remindersService(context: RemindersContext): RemindersService {
  return bindService(context, functions)
}
