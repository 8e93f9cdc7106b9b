import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf, requireRole, signedInUser } from '../../../platform/http/authentication.ts'
import { answersOf, parseForm, recordVersion } from '../../../platform/http/form-fields.ts'
import { wordsFor } from '../../../platform/http/language.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { ConflictError, WorkflowRefusedError } from '../../../platform/errors.ts'
import { inWords } from '../../public/fields.ts'
import { meetingTypes } from '../../../vocabulary/referrals.ts'
import type { SignInService } from '../../sign-in/service.ts'
import { plainDate, type Translations } from '../../../platform/i18n/translations.ts'
import { CARD_PATH } from '../card/routes.ts'
import { KIOSK_HOURS } from '../feedback-service.ts'
import { cardOpenings } from '../later.ts'
import { KIOSK_COOKIE, KIOSK_PATH } from '../kiosk/routes.ts'
import { saysSomething } from '../questionnaire.ts'
import { answerFields, answersSchema } from '../schema.ts'
import type { FeedbackService } from '../service.ts'

type Params = { Params: { referralId: string } }

const staff = { preHandler: requireRole('advocacy_admin', 'advocate') }

const choiceSchema = z.object({
  state: z.enum(['later', 'declined'], { error: 'Select what they chose' }),
  version: recordVersion(),
})

const cardSchema = z.object({
  opening: z.enum(cardOpenings, { error: 'Select when they can answer from' }),
  // The card's language: one of the family languages, or English for anything else (the translator falls back too).
  language: z.string().max(20).catch('en'),
  version: recordVersion(),
})

/**
 * How a person's meeting went, from their referral: what they chose when asked (now on a kiosk,
 * later, or not at all), the answers they gave and how, entering answers given at the debrief (the
 * advocate) or on paper (the admin), and opening a kiosk on this device (the admin).
 */
export function feedbackReferralRoutes(
  app: FastifyInstance,
  {
    feedback,
    signIn,
    secureCookie,
    translations,
    baseUrl,
  }: { feedback: FeedbackService; signIn: SignInService; secureCookie: boolean; translations: Translations; baseUrl: string },
): void {
  app.get<Params>('/referrals/:referralId/feedback', staff, async (request, reply) => {
    const view = await feedback.feedbackFor(callerOf(request), request.params.referralId)
    const form = request.pageFlash.form
    return reply.view('features/feedback/referral/feedback.njk', {
      view,
      meetingType: meetingTypes.labels[view.meetingType as keyof typeof meetingTypes.labels] ?? 'Meeting',
      values: form?.values ?? {},
      errors: form?.errors,
      kioskHours: KIOSK_HOURS,
      languages: translations.familyLanguages.map((language) => ({
        value: language.code,
        text: language.code === 'en' ? language.englishName : `${language.englishName} (${language.name})`,
      })),
    })
  })

  app.post<Params>('/referrals/:referralId/feedback/choice', staff, async (request, reply) => {
    const back = `/referrals/${request.params.referralId}/feedback`
    return submitForm(
      request,
      reply,
      choiceSchema,
      async (choice) => {
        await feedback.recordChoice(callerOf(request), request.params.referralId, choice)
        return {
          path: back,
          banner:
            choice.state === 'later'
              ? { heading: 'They will answer later', text: 'It waits in their own pages until they answer or say no.' }
              : { heading: 'They do not want to give feedback', text: 'They will not be asked again about this meeting.' },
        }
      },
      { backTo: back },
    )
  })

  app.post<Params>('/referrals/:referralId/feedback/answers', staff, async (request, reply) => {
    const back = `/referrals/${request.params.referralId}/feedback`
    const t = wordsFor(reply)
    const form = parseForm(answersSchema, request.body)
    const errors = !form.ok ? form.errors : saysSomething(form.data) ? [] : [{ field: 'listened', message: 'feedback:errors.nothing', href: '#listened' }]
    if (!form.ok || errors.length > 0) return reply.redirectWithFormState(back, { values: answersOf(request.body), errors: inWords(errors, t, answerFields) })
    try {
      await feedback.enterAnswers(callerOf(request), request.params.referralId, form.data)
    } catch (error) {
      if (error instanceof WorkflowRefusedError)
        return reply.redirectWithFormState(back, {
          values: answersOf(request.body),
          errors: [{ field: 'form', href: '#main-content', message: error.message }],
        })
      throw error
    }
    return reply.redirectWithBanner(back, { heading: 'Answers saved', text: 'They count in the service’s feedback figures.' })
  })

  // The kiosk opens on this device, and whoever opened it is signed out here: the device is handed to the family.
  app.post<Params>('/referrals/:referralId/feedback/kiosk', { preHandler: requireRole('advocacy_admin') }, async (request, reply) => {
    let token: string
    try {
      token = await feedback.openKiosk(callerOf(request), request.params.referralId)
    } catch (error) {
      if (error instanceof WorkflowRefusedError)
        return reply.redirectWithFormState(`/referrals/${request.params.referralId}/feedback`, {
          values: {},
          errors: [{ field: 'form', href: '#main-content', message: error.message }],
        })
      throw error
    }
    await signIn.signOut(request.sessionId, signedInUser(request), request.ip)
    reply.setCookie(KIOSK_COOKIE, token, { path: KIOSK_PATH, httpOnly: true, sameSite: 'strict', secure: secureCookie, maxAge: KIOSK_HOURS * 3600 })
    return reply.redirect(KIOSK_PATH, 303)
  })

  app.post<Params>('/referrals/:referralId/feedback/kiosk/close', { preHandler: requireRole('advocacy_admin') }, async (request, reply) => {
    const closed = await feedback.closeKiosks(callerOf(request), request.params.referralId)
    return reply.redirectWithBanner(`/referrals/${request.params.referralId}/feedback`, {
      heading: closed === 1 ? 'Kiosk closed' : closed > 1 ? 'Kiosks closed' : 'No kiosk was open',
      text: closed > 0 ? 'It takes no more answers.' : 'Nothing has changed.',
    })
  })

  // The card is the answer to the post itself, never a page to come back to: its code is shown once.
  app.post<Params>('/referrals/:referralId/feedback/card', staff, async (request, reply) => {
    const back = `/referrals/${request.params.referralId}/feedback`
    const form = parseForm(cardSchema, request.body)
    if (!form.ok) return reply.redirectWithFormState(back, { values: answersOf(request.body), errors: form.errors })
    let card
    try {
      card = await feedback.issueCard(callerOf(request), request.params.referralId, { opening: form.data.opening, version: form.data.version })
    } catch (error) {
      if (error instanceof ConflictError)
        return reply.redirectWithFormState(back, {
          values: {},
          errors: [
            {
              field: 'form',
              href: '#main-content',
              message: 'Someone changed what they chose after you opened this page. Check it, then issue the card again.',
            },
          ],
          notice: 'conflict',
        })
      if (error instanceof WorkflowRefusedError)
        return reply.redirectWithFormState(back, { values: {}, errors: [{ field: 'form', href: '#main-content', message: error.message }] })
      throw error
    }
    const { language, t } = translations.translator(form.data.language)
    return reply.header('cache-control', 'no-store').view('features/feedback/referral/card.njk', {
      card,
      address: `${baseUrl}${CARD_PATH}`,
      cardLanguage: language.code,
      cardDir: language.dir,
      t,
      opensOn: new Date(`${card.opensOn}T12:00:00Z`),
      until: card.expiresAt,
      opensOnText: plainDate(card.opensOn),
    })
  })

  app.post<Params>('/referrals/:referralId/feedback/card/revoke', staff, async (request, reply) => {
    const revoked = await feedback.revokeCards(callerOf(request), request.params.referralId)
    return reply.redirectWithBanner(`/referrals/${request.params.referralId}/feedback`, {
      heading: revoked > 0 ? 'Card code stopped' : 'No card code was working',
      text: revoked > 0 ? 'The code on the card no longer opens anything.' : 'Nothing has changed.',
    })
  })
}
