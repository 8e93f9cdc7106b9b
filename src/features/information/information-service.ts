import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { ConflictError, ForbiddenError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { plainDate } from '../../platform/i18n/translations.ts'
import { informationPages, type InformationPage } from '../../vocabulary/information.ts'
import { informationEditors } from './editors.ts'
import * as repository from './information-repository.ts'
import { SHIPPED_ON, shippedKey, type ShippedPages } from './shipped-pages.ts'

/**
 * The information pages families read (what an advocate does, the conference, the plan, their
 * rights), one set for each authority, in each language: each publish is a new version, and until
 * an authority publishes its own a page is the first version shipped with Alongside (ADR 18).
 * A coordinator or an advocacy admin edits them.
 */

export interface InformationContext extends ServiceContext {
  readonly shipped: ShippedPages
}

/** A version of a page in one language, as a reader or an editor sees it. */
export interface PageVersion {
  readonly page: InformationPage
  /** The language its words are in. */
  readonly language: string
  /** 0 for the version shipped with Alongside. */
  readonly version: number
  readonly title: string
  /** In the pages' markup (markup.ts). */
  readonly body: string
  readonly writtenWithParents: boolean
  /** When it was last checked: published, or, for the shipped version, written. */
  readonly checkedOn: Date
  /** Who published it: null for the shipped version. */
  readonly publishedBy: string | null
}

export interface ReadPage extends PageVersion {
  /** The page is not yet in the language asked for: this is English. */
  readonly fallback: boolean
}

function mustEdit(caller: Caller): void {
  if (!hasRole(caller.user, ...informationEditors)) throw new ForbiddenError('Only a coordinator or an advocacy admin can change the information pages')
}

function shippedVersion(context: InformationContext, page: InformationPage, language: string): PageVersion | null {
  const shipped = context.shipped.get(shippedKey(page, language))
  if (!shipped) return null
  return {
    page,
    language,
    version: 0,
    title: shipped.title,
    body: shipped.body,
    writtenWithParents: false,
    checkedOn: plainDate(SHIPPED_ON),
    publishedBy: null,
  }
}

async function currentVersion(context: InformationContext, authorityId: string | null, page: InformationPage, language: string): Promise<PageVersion | null> {
  const row = authorityId ? await repository.latestVersion(context.db, authorityId, page, language) : undefined
  if (row)
    return {
      page,
      language,
      version: row.version,
      title: row.title,
      body: row.body,
      writtenWithParents: row.written_with_parents,
      checkedOn: row.published_at,
      publishedBy: row.published_by,
    }
  return shippedVersion(context, page, language)
}

/**
 * The page a reader sees: the authority's newest version in their language, or the shipped one;
 * English, said so, when neither is in their language. With no authority (a public reader where
 * the installation holds several), the shipped version.
 */
export async function readPage(context: InformationContext, authorityId: string | null, page: InformationPage, language: string): Promise<ReadPage> {
  const inLanguage = await currentVersion(context, authorityId, page, language)
  if (inLanguage) return { ...inLanguage, fallback: false }
  const english = await currentVersion(context, authorityId, page, 'en')
  if (!english) throw new Error(`The ${page} page has no English version`)
  return { ...english, fallback: language !== 'en' }
}

/** Every page's title in a language, for the list of pages. */
export async function pageTitles(context: InformationContext, authorityId: string | null, language: string) {
  return Promise.all(
    informationPages.values.map(async (page) => {
      const { title, fallback } = await readPage(context, authorityId, page, language)
      return { page, title, fallback }
    }),
  )
}

export interface EditorPage {
  readonly current: PageVersion
  readonly publishedByName: string | null
  readonly history: readonly { version: number; writtenWithParents: boolean; publishedAt: Date; publishedBy: string }[]
}

/** What the editor opens on: the current version in that language (the shipped one at first) and the versions before it. */
export async function editorPage(context: InformationContext, caller: Caller, page: InformationPage, language: string): Promise<EditorPage> {
  mustEdit(caller)
  const authorityId = caller.user.authorityId
  const history = await repository.versionsOf(context.db, authorityId, page, language, 10)
  const current = (await currentVersion(context, authorityId, page, language)) ?? {
    page,
    language,
    version: 0,
    title: '',
    body: '',
    writtenWithParents: false,
    checkedOn: context.clock.now(),
    publishedBy: null,
  }
  return {
    current,
    publishedByName: history[0]?.published_by_name ?? null,
    history: history.map((row) => ({
      version: row.version,
      writtenWithParents: row.written_with_parents,
      publishedAt: row.published_at,
      publishedBy: row.published_by_name,
    })),
  }
}

export interface PageOverview {
  readonly page: InformationPage
  readonly language: string
  readonly version: number
  readonly title: string
  readonly body: string
  readonly checkedOn: Date
  readonly publishedBy: string | null
  readonly writtenWithParents: boolean
}

/** Every page in every language, as it stands: for the editors' list. */
export async function pagesOverview(context: InformationContext, caller: Caller, languages: readonly string[]): Promise<PageOverview[]> {
  mustEdit(caller)
  const published = await repository.latestVersions(context.db, caller.user.authorityId)
  return informationPages.values.flatMap((page) =>
    languages.map((language): PageOverview => {
      const row = published.find((candidate) => candidate.page === page && candidate.language === language)
      if (row)
        return {
          page,
          language,
          version: row.version,
          title: row.title,
          body: row.body,
          checkedOn: row.published_at,
          publishedBy: row.published_by_name,
          writtenWithParents: row.written_with_parents,
        }
      const shipped = shippedVersion(context, page, language)
      return {
        page,
        language,
        version: 0,
        title: shipped?.title ?? '',
        body: shipped?.body ?? '',
        checkedOn: shipped?.checkedOn ?? plainDate(SHIPPED_ON),
        publishedBy: null,
        writtenWithParents: false,
      }
    }),
  )
}

export interface NewVersion {
  readonly title: string
  readonly body: string
  readonly writtenWithParents: boolean
}

/**
 * Publishes the next version of a page in one language, unless someone published since `version`
 * (the one the editor was opened on): then nothing is saved, and who published first is named.
 */
export async function publish(
  context: InformationContext,
  caller: Caller,
  page: InformationPage,
  language: string,
  text: NewVersion,
  version: number,
): Promise<number> {
  mustEdit(caller)
  const authorityId = caller.user.authorityId
  return context.db.transaction().execute(async (trx) => {
    const now = context.clock.now()
    const [latest] = await repository.versionsOf(trx, authorityId, page, language, 1)
    const conflict = () =>
      new ConflictError('Someone else published this page since you opened it', latest?.published_by_name ?? null, latest?.published_at ?? null)
    // A page opened on another version than the newest (older, or one that never was) publishes nothing.
    if ((latest?.version ?? 0) !== version) throw conflict()
    const id = await repository.insertVersion(trx, {
      authority_id: authorityId,
      page,
      language,
      version: version + 1,
      title: text.title,
      body: text.body,
      written_with_parents: text.writtenWithParents,
      published_by: caller.user.id,
      published_at: now,
    })
    if (!id) {
      const [first] = await repository.versionsOf(trx, authorityId, page, language, 1)
      throw new ConflictError('Someone else published this page since you opened it', first?.published_by_name ?? null, first?.published_at ?? null)
    }
    await recordAudit(trx, auditActorOf(caller), {
      action: 'information.published',
      recordType: 'information_page',
      recordId: id,
      details: { page, language, version: version + 1, writtenWithParents: text.writtenWithParents },
    })
    return version + 1
  })
}
