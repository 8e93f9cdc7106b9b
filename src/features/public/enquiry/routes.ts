import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import { askers, contactWays, enquiryMeetingTypes, enquiryOutcomes } from '../../../vocabulary/enquiries.ts'
import { NoSuchReferralError, type PublicService } from '../service.ts'
import type { Translations } from '../../../platform/i18n/translations.ts'
import { closeSchema } from './schema.ts'

type Params = { Params: { enquiryId: string } }

const readers = { preHandler: requireRole('advocacy_admin', 'service_manager') }

/**
 * One enquiry, as the advocacy service reads it (every opening audited), and closing it with what
 * was done: linked to a referral, the social worker asked to refer, or answered.
 */
export function enquiryRoutes(app: FastifyInstance, { publicPages, translations }: { publicPages: PublicService; translations: Translations }): void {
  const languageName = (code: string) => translations.languages.find((language) => language.code === code)?.englishName ?? code

  app.get<Params>('/enquiries/:enquiryId', readers, async (request, reply) => {
    const enquiry = await publicPages.enquiry(callerOf(request), request.params.enquiryId)
    const form = request.pageFlash.form
    return reply.view('features/public/enquiry/enquiry.njk', {
      enquiry,
      pageLanguage: languageName(enquiry.pageLanguage),
      values: form?.values ?? {},
      errors: form?.errors,
      version: form?.values['version'] ?? enquiry.version,
      askers: askers.labels,
      contactWays: contactWays.labels,
      meetingTypes: enquiryMeetingTypes.labels,
      outcomes: enquiryOutcomes.labels,
      outcomeOptions: enquiryOutcomes.values,
    })
  })

  app.post<Params>('/enquiries/:enquiryId', readers, async (request, reply) => {
    // Another council's enquiry is not found, whatever the form holds: never an error summary about it.
    await publicPages.requireEnquiry(callerOf(request), request.params.enquiryId)
    return submitForm(request, reply, closeSchema, async ({ version, ...closing }) => {
      try {
        await publicPages.closeEnquiry(callerOf(request), request.params.enquiryId, version, closing)
      } catch (error) {
        if (error instanceof NoSuchReferralError) throw FormRefusal.field('referralReference', error.message)
        throw error
      }
      return { path: '/enquiries', banner: { heading: 'Enquiry closed', text: enquiryOutcomes.label(closing.outcome) } }
    })
  })
}
