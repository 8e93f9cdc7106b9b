import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { parseForm } from '../../../platform/http/form-fields.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { ConflictError, WorkflowRefusedError } from '../../../platform/errors.ts'
import { plainDate, type Translations } from '../../../platform/i18n/translations.ts'
import { FAMILY_PREFIX, recordedLanguage } from '../family-request.ts'
import type { WayInService } from '../way-in-service.ts'
import { issueSchema, revokeSchema } from './schema.ts'

type Params = { Params: { referralId: string } }

const staff = { preHandler: requireRole('advocacy_admin', 'advocate') }

/**
 * A person's way in to their own pages, from their referral (ADR 17): its state, and issuing,
 * re-issuing and revoking their code. Issuing shows the letter once, with the code on it, to print;
 * the code is never shown again (only its hash is kept), so a lost letter means a new code.
 */
export function wayInRoutes(
  app: FastifyInstance,
  { wayIn, baseUrl, codeDaysAfterEnd, translations }: { wayIn: WayInService; baseUrl: string; codeDaysAfterEnd: number; translations: Translations },
): void {
  app.get<Params>('/referrals/:referralId/way-in', staff, async (request, reply) => {
    const view = await wayIn.wayIn(callerOf(request), request.params.referralId)
    const form = request.pageFlash.form
    const languages = translations.familyLanguages.map((language) => ({
      value: language.code,
      text:
        language.code === 'en'
          ? language.englishName
          : `${language.englishName} (${language.name})${language.reviewedByTranslator ? '' : ': not yet checked by a translator'}`,
    }))
    const language = form?.values['language'] ?? recordedLanguage(translations, view.languages) ?? 'en'
    return reply.view('features/family/way-in/way-in.njk', { view, languages, values: { language, ...form?.values }, errors: form?.errors })
  })

  // The letter is the answer to the post itself, never a page to come back to: the code is shown once.
  app.post<Params>('/referrals/:referralId/way-in', staff, async (request, reply) => {
    const back = `/referrals/${request.params.referralId}/way-in`
    const form = parseForm(issueSchema, request.body)
    if (!form.ok) return reply.redirectWithFormState(back, { values: {}, errors: form.errors })
    try {
      const letter = await wayIn.issueCode(callerOf(request), request.params.referralId, form.data.openedAt)
      const { language, t } = translations.translator(form.data.language)
      return reply.header('cache-control', 'no-store').view('features/family/way-in/letter.njk', {
        letter,
        address: form.data.address,
        signInUrl: `${baseUrl}${FAMILY_PREFIX}`,
        codeDaysAfterEnd,
        letterLanguage: language.code,
        letterDir: language.dir,
        t,
        issuedOn: plainDate(letter.issuedOn),
        lastDay: letter.lastDay ? plainDate(letter.lastDay) : null,
      })
    } catch (error) {
      if (error instanceof ConflictError)
        return reply.redirectWithFormState(back, {
          values: {},
          errors: [
            {
              field: 'form',
              href: '#main-content',
              message: 'Someone else changed this person’s way in after you opened this page. Check it below before you issue a code.',
            },
          ],
        })
      if (error instanceof WorkflowRefusedError)
        return reply.redirectWithFormState(back, { values: {}, errors: [{ field: 'form', href: '#main-content', message: error.message }] })
      throw error
    }
  })

  app.post<Params>('/referrals/:referralId/way-in/revoke', staff, async (request, reply) =>
    submitForm(
      request,
      reply,
      revokeSchema,
      async ({ openedAt }) => {
        await wayIn.revokeCode(callerOf(request), request.params.referralId, openedAt)
        return {
          path: `/referrals/${request.params.referralId}/way-in`,
          banner: { heading: 'Code revoked', text: 'It no longer works, and anyone signed in with it has been signed out.' },
        }
      },
      { backTo: `/referrals/${request.params.referralId}/way-in` },
    ),
  )
}
