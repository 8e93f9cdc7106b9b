import type { FastifyInstance, FastifyRequest } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { answersOf, parseForm } from '../../../platform/http/form-fields.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { createExplainer } from '../../../platform/i18n/glossary.ts'
import { checkPlainLanguage, TARGET_READING_AGE } from '../../../platform/i18n/plain-language.ts'
import type { Translations } from '../../../platform/i18n/translations.ts'
import { informationPages, isInformationPage, type InformationPage } from '../../../vocabulary/information.ts'
import { informationEditors } from '../editors.ts'
import { parseMarkup, piecesOf } from '../markup.ts'
import type { InformationService } from '../service.ts'
import { pageSchema, TEXT_LIMIT, TITLE_LIMIT } from './schema.ts'

export interface EditDependencies {
  readonly information: InformationService
  readonly translations: Translations
}

type Params = { page: string; language: string }

/** The plain-language check of a page's title and text, in its language. */
function checkOf(translations: Translations, language: string, title: string, body: string) {
  return checkPlainLanguage([title, ...piecesOf(parseMarkup(body))], { language, glossary: translations.translator(language).glossary })
}

/**
 * The information pages as the service keeps them, without a developer: a coordinator or an
 * advocacy admin sees every page in every language (`/information/edit`), edits one in the pages'
 * markup, previews it with the plain-language check's figures and flags, and publishes it as a new
 * version (`/information/<page>/edit/<language>`). A page opened before someone else published is
 * refused, their words kept.
 */
export function editRoutes(app: FastifyInstance, { information, translations }: EditDependencies): void {
  const editors = { preHandler: requireRole(...informationEditors) }
  const languageOf = (code: string) => translations.languages.find((language) => language.code === code)
  const target = (request: FastifyRequest<{ Params: Params }>): { page: InformationPage; language: string } => {
    const { page, language } = request.params
    if (!isInformationPage(page) || !languageOf(language)) throw new NotFoundError('No such information page')
    return { page, language }
  }

  app.get('/information/edit', editors, async (request, reply) => {
    const languages = translations.languages.map(({ code }) => code)
    const pages = await information.pagesOverview(callerOf(request), languages)
    return reply.view('features/information/edit/list.njk', {
      rows: pages.map((page) => ({
        ...page,
        name: informationPages.label(page.page),
        languageName: languageOf(page.language)?.englishName ?? page.language,
        readingAge: page.language === 'en' ? checkOf(translations, 'en', page.title, page.body).readingAge : null,
      })),
      target: TARGET_READING_AGE,
    })
  })

  app.get<{ Params: { page: string } }>('/information/:page/edit', editors, async (request, reply) => {
    if (!isInformationPage(request.params.page)) throw new NotFoundError('No such information page')
    return reply.redirect(`/information/${request.params.page}/edit/en`, 303)
  })

  app.get<{ Params: Params }>('/information/:page/edit/:language', editors, async (request, reply) => {
    const { page, language } = target(request)
    const editor = await information.editorPage(callerOf(request), page, language)
    const form = request.pageFlash.form
    const values = form?.values ?? {
      title: editor.current.title,
      body: editor.current.body,
      writtenWithParents: editor.current.writtenWithParents ? 'yes' : '',
    }
    const title = typeof values['title'] === 'string' ? values['title'] : ''
    const body = typeof values['body'] === 'string' ? values['body'] : ''
    const written = languageOf(language)
    const previewing = values['action'] === 'preview' && !(form?.errors.length ?? 0)
    return reply.view('features/information/edit/edit.njk', {
      page,
      name: informationPages.label(page),
      language: { code: language, dir: written?.dir ?? 'ltr', englishName: written?.englishName ?? language },
      editor,
      values,
      version: form?.values['version'] ?? editor.current.version,
      errors: form?.errors,
      check: checkOf(translations, language, title, body),
      target: TARGET_READING_AGE,
      preview: previewing ? { title, blocks: parseMarkup(body), explainPage: createExplainer(translations.translator(language).glossary) } : null,
      limits: { title: TITLE_LIMIT, text: TEXT_LIMIT },
      editInLanguages: translations.languages.filter((other) => other.code !== language),
    })
  })

  app.post<{ Params: Params }>('/information/:page/edit/:language', editors, async (request, reply) => {
    const { page, language } = target(request)
    const path = `/information/${page}/edit/${language}`
    const answers = answersOf(request.body)
    if (answers['action'] === 'preview') {
      const form = parseForm(pageSchema, request.body)
      return reply.redirectWithFormState(path, { values: answers, errors: form.ok ? [] : form.errors })
    }
    return submitForm(request, reply, pageSchema, async ({ title, body, writtenWithParents, version }) => {
      const published = await information.publish(callerOf(request), page, language, { title, body, writtenWithParents }, version)
      return {
        path: '/information/edit',
        banner: {
          heading: `${informationPages.label(page)} (${languageOf(language)?.englishName ?? language}) published`,
          text: `This is version ${published}. Families see it now.`,
        },
      }
    })
  })
}
