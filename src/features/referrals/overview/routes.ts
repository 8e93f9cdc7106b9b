import type { FastifyInstance } from 'fastify'
import { callerOf } from '../../../platform/http/authentication.ts'
import { adjustmentLabels, consentMethodLabels, genderPreferenceLabels } from '../section-one.ts'
import type { ReferralService } from '../service.ts'
import { labels } from '../vocabulary.ts'
import { referralActions } from './actions.ts'

export const sectionOneLabels = { consentMethods: consentMethodLabels, genders: genderPreferenceLabels, adjustments: adjustmentLabels }

/** A referral's page: a task list while it is a draft, then everything about it and its timeline. */
export function overviewRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  app.get<{ Params: { referralId: string } }>('/referrals/:referralId', async (request, reply) => {
    const referral = await referrals.view(callerOf(request), request.params.referralId)
    const template = referral.state === 'draft' ? 'features/referrals/overview/task-list.njk' : 'features/referrals/overview/referral.njk'
    const timeline = referral.timeline.map((entry) => ({
      label: { text: entry.label },
      text: entry.note ?? '',
      datetime: { timestamp: entry.at.toISOString(), type: 'datetime' },
      byline: { text: entry.by },
    }))
    return reply.view(template, { referral, actions: referralActions(referral), labels, sectionOneLabels, timeline })
  })
}
