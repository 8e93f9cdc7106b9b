import type { FastifyInstance } from 'fastify'
import { hasRole } from '../../../platform/auth/roles.ts'
import { z } from 'zod'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { formatClockTime, formatDayAndDate } from '../../../platform/http/view-filters.ts'
import type { Move } from '../reschedule/moved-note.ts'
import type { AdvocacyRecordService, ReferralService } from '../service.ts'
import { contactMethods, labels } from '../../../vocabulary/referrals.ts'
import { queryOf } from '../../../platform/http/query.ts'
import { listFrom } from '../../worktray/lists.ts'
import { referralActions } from './actions.ts'

/** "Moved from Tuesday 15 December 2026 at 10:30am to …", as every other date is shown. */
function movedText(move: Move): string {
  const when = (at: Move['from']) => `${formatDayAndDate(at.date)}${at.time ? ` at ${formatClockTime(at.time)}` : ''}`
  return `Moved from ${when(move.from)} to ${when(move.to)}`
}

/** A referral's page: a task list while it is a draft, then everything about it and its timeline. */
export function overviewRoutes(
  app: FastifyInstance,
  { referrals, advocacyRecord }: { referrals: ReferralService; advocacyRecord: AdvocacyRecordService },
): void {
  app.get<{ Params: { referralId: string } }>('/referrals/:referralId', async (request, reply) => {
    const caller = callerOf(request)
    const referral = await referrals.view(caller, request.params.referralId)
    const { allocationHistory, record, sharedViews } = referral
    const template = referral.state === 'draft' ? 'features/referrals/overview/task-list.njk' : 'features/referrals/overview/referral.njk'
    const timeline = referral.timeline.map((entry) => ({
      label: { text: entry.label },
      text: entry.moved ? movedText(entry.moved) : (entry.note ?? ''),
      datetime: { timestamp: entry.at.toISOString(), type: 'datetime' },
      byline: { text: entry.by },
    }))
    return reply.view(template, {
      referral,
      actions: referralActions(referral),
      labels,
      timeline,
      allocationHistory,
      record,
      sharedViews,
      canShareViews: hasRole(caller.user, 'advocacy_admin'),
      canRecordChildOffers: hasRole(caller.user, 'advocacy_admin'),
      // A child's consultation before a review (issue 11, ADR 31): the advocacy service records it; the referrer sees it as the child agreed.
      canSeeConsultations: hasRole(caller.user, 'advocacy_admin') || referral.referrer.id === caller.user.id,
      contactMethods: contactMethods.labels,
      backTo: listFrom(queryOf(request)['from']),
      errors: request.pageFlash.form?.errors,
    })
  })

  app.post<{ Params: { referralId: string } }>('/referrals/:referralId/share-views', { preHandler: requireRole('advocacy_admin') }, async (request, reply) =>
    submitForm(
      request,
      reply,
      z.object({}),
      async () => {
        await advocacyRecord.shareViews(callerOf(request), request.params.referralId)
        return {
          path: `/referrals/${request.params.referralId}`,
          banner: { heading: 'Views shared', text: 'The person’s views are recorded as shared with the conference chair.' },
        }
      },
      { backTo: `/referrals/${request.params.referralId}` },
    ),
  )
}
