import type { FastifyInstance, FastifyReply } from 'fastify'
import { createExplainer } from '../../../platform/i18n/glossary.ts'
import type { Translations } from '../../../platform/i18n/translations.ts'
import type { InformationService } from '../../information/service.ts'
import { parseMarkup } from '../../information/markup.ts'
import { familyCallerOf } from '../family-request.ts'
import type { FamilyPagesService } from '../pages-service.ts'

/** The language the page opened in (the family language hook sets it). */
function pageLanguage(reply: FastifyReply): string {
  const language = reply.locals['htmlLang']
  return typeof language === 'string' ? language : 'en'
}

/**
 * Their rights, and how to complain: the information page "Your rights" (one definition, ADR 21),
 * as their authority published it in their language, shown here inside their own pages so they
 * stay signed in; then how to reach the advocacy service, with the authority's own contacts.
 */
export function rightsRoutes(
  app: FastifyInstance,
  { pages, information, translations }: { pages: FamilyPagesService; information: InformationService; translations: Translations },
): void {
  app.get('/rights', async (request, reply) => {
    const caller = familyCallerOf(request)
    const language = pageLanguage(reply)
    const [rights, shown] = await Promise.all([pages.familyRights(caller), information.readPage(caller.member.authorityId, 'rights', language)])
    const written = translations.translator(shown.language)
    return reply.view('features/family/rights/rights.njk', {
      contact: rights.contact,
      navigation: 'rights',
      shown,
      blocks: parseMarkup(shown.body),
      // The page's own explainer when the text is in the page's language, so a word is explained once.
      explainPage: shown.language === language ? reply.locals['explain'] : createExplainer(written.glossary),
      textLanguage: { code: written.language.code, dir: written.language.dir },
    })
  })
}
