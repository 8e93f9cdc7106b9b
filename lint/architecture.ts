/**
 * The shape of the code, as two lint rules: `architecture/layers` says which file may import which,
 * and `architecture/sql-in-repositories` says which file may build a query. Each import is resolved
 * to a file in the project (or a package) and both ends are placed by their path and name alone, so
 * a file keeps its place when it moves, as long as it keeps its kind of name.
 *
 * Where a file sits (paths from the project root):
 *
 *   route        src/features/** named routes.ts, schema.ts, actions.ts, *-routes.ts, *-schema.ts,
 *                *-actions.ts or *-page.ts: the HTTP edge (handlers, form schemas, step pages, view
 *                models). It parses the request, calls a service and renders the answer.
 *   service      src/features/** named service.ts or *-service.ts: owns the transaction and the
 *                checks on who may do what.
 *   repository   src/features/** named repository.ts or *-repository.ts, or anything in a
 *                repositories/ folder: the feature's queries.
 *   module       any other file in src/features/** (pure rules, helpers a service uses).
 *   platform     src/platform/**: what every feature stands on.
 *   vocabulary   src/vocabulary/**: the service's words, fixed sets of values and their labels (built
 *                with src/vocabulary/labelled.ts). The bottom layer: every file may import it.
 *   exempt       tests (*.test.ts, test/**, e2e/**) and benchmarks (bench/**): they set up data as
 *                they need to, repositories included, so they sit outside the layers.
 *
 * A feature is the first folder under src/features/. A pure rule is any file whose first block
 * comment has a line that starts with the tag `@pure` (as JSDoc tags do): the tag travels with the
 * file when it moves.
 *
 * The rules, each reported with what to do instead:
 *
 *   1. A route imports no repository and nothing of the database (kysely, pg, PGlite, src/platform/db).
 *   2. No file of feature A imports a repository of feature B.
 *   3. A pure rule imports nothing that does input or output: src/platform/http, src/platform/db,
 *      repositories, kysely, pg, PGlite, Fastify.
 *   4. src/platform imports nothing from src/features.
 *   5. A repository imports no service and no route; its values come only from kysely,
 *      src/platform/db, src/platform/ids.ts, src/vocabulary, pure rules and its own feature's
 *      repositories (types may also come from modules, the platform and packages). Whether the file
 *      imported is a pure rule is read from that file, on disk.
 *   6. A vocabulary file imports only other vocabulary files: no platform, no feature, no package.
 *
 * And `architecture/sql-in-repositories`:
 *
 *   7. SQL is built only in a repository. In a file under src/ that is not exempt, a Kysely query
 *      (a call of a method named selectFrom, insertInto, updateTable, deleteFrom, replaceInto,
 *      mergeInto or selectNoFrom) or a piece of raw SQL (a template tagged `sql`, or a call of a
 *      method of `sql`: sql.raw, sql.val, sql.ref, sql.join...) is reported unless the file is a
 *      repository: in a feature, the repository kind above; in the platform, a file named
 *      repository.ts or *-repository.ts, or anything in src/platform/db/ (migrations, the
 *      database opener, text-array.ts). The names are matched, not their types: a method of
 *      another name that builds SQL is not seen, and a method of these names that does not is.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils'
import { parser } from 'typescript-eslint'

const WHERE = 'See CONTRIBUTING.md#where-does-x-go.'

export type Kind = 'route' | 'service' | 'repository' | 'module' | 'platform' | 'vocabulary' | 'exempt' | 'elsewhere'

export interface Place {
  kind: Kind
  /** The first folder under src/features/, when the file is in one. */
  feature: string | undefined
  /** From the project root, with forward slashes. */
  path: string
}

const DATABASE_PACKAGES = ['kysely', 'pg', '@electric-sql/pglite']
const HTTP_PACKAGES = ['fastify', 'fastify-plugin', '@fastify/']

function isPackage(name: string, packages: readonly string[]): boolean {
  return packages.some((item) => (item.endsWith('/') ? name.startsWith(item) : name === item || name.startsWith(`${item}/`)))
}

/** Where a file sits in the layers, from its path alone. */
export function placeOf(root: string, file: string): Place {
  const relative = path.relative(root, file).split(path.sep).join('/')
  const name = path.posix.basename(relative)
  const place = (kind: Kind, feature?: string): Place => ({ kind, feature, path: relative })
  if (relative.startsWith('../') || path.isAbsolute(relative)) return place('elsewhere')
  if (name.endsWith('.test.ts') || /^(test|e2e|bench)\//.test(relative)) return place('exempt')
  if (relative.startsWith('src/platform/')) return place('platform')
  if (relative.startsWith('src/vocabulary/')) return place('vocabulary')
  if (!relative.startsWith('src/features/')) return place('elsewhere')

  const folders = relative.split('/').slice(2, -1)
  const feature = folders[0]
  if (name === 'repository.ts' || name.endsWith('-repository.ts') || folders.includes('repositories')) return place('repository', feature)
  if (/^(routes|schema|actions)\.ts$/.test(name) || /-(routes|schema|actions|page)\.ts$/.test(name)) return place('route', feature)
  if (name === 'service.ts' || name.endsWith('-service.ts')) return place('service', feature)
  return place('module', feature)
}

type Target = { package: string; file?: undefined; absolute?: undefined } | { package?: undefined; file: Place; absolute: string }

function targetOf(root: string, importer: string, specifier: string): Target {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const absolute = path.resolve(path.dirname(importer), specifier)
    return { file: placeOf(root, absolute), absolute }
  }
  const parts = specifier.split('/')
  return { package: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier) }
}

function under(target: Target, folder: string): boolean {
  return target.file !== undefined && target.file.path.startsWith(folder)
}

export type MessageId =
  | 'routeImportsRepository'
  | 'routeImportsDatabase'
  | 'otherFeaturesRepository'
  | 'pureRuleImportsInputOutput'
  | 'platformImportsFeature'
  | 'repositoryImportsUpward'
  | 'repositoryImportsElsewhere'
  | 'vocabularyImportsOutside'

interface Verdict {
  messageId: MessageId
  data: Record<string, string>
}

/** A pure rule says so in its first block comment, with a line that starts with the tag `@pure`. */
function hasPureTag(comments: readonly TSESTree.Comment[]): boolean {
  const first = comments.find((comment) => comment.type === AST_TOKEN_TYPES.Block)
  return first !== undefined && /^\s*\*?\s*@pure\b/m.test(first.value)
}

function isMarkedPure(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return hasPureTag(sourceCode.getAllComments())
}

/** The source file an import names, as written, or with `.ts` added or put for `.js`; and when it last changed. */
function sourceFileOf(file: string): { path: string; modified: number } | undefined {
  for (const candidate of [file, `${file}.ts`, ...(file.endsWith('.js') ? [`${file.slice(0, -3)}.ts`] : [])]) {
    const stats = fs.statSync(candidate, { throwIfNoEntry: false })
    if (stats?.isFile()) return { path: candidate, modified: stats.mtimeMs }
  }
  return undefined
}

/** Parsed by typescript-eslint's parser, as ESLint parses the file itself. A file that cannot be read or parsed is not pure. */
function readsAsPure(file: string): boolean {
  try {
    // The parser's published type leaves the AST unknown; it is typescript-estree's Program.
    const { ast } = parser.parseForESLint(fs.readFileSync(file, 'utf8')) as { ast: TSESTree.Program }
    return hasPureTag(ast.comments ?? [])
  } catch {
    return false
  }
}

/** Per path, with when the file changed: an editor's ESLint runs for hours, and a tag may be added. */
const pureFiles = new Map<string, { modified: number; pure: boolean }>()

/**
 * Whether the file an import resolves to is a pure rule, by the same test as an importer's own tag:
 * the file is read from disk, once per path while it is unchanged. A missing file is not pure.
 */
export function isPureFile(file: string): boolean {
  const source = sourceFileOf(file)
  if (source === undefined) return false
  const known = pureFiles.get(source.path)
  if (known?.modified === source.modified) return known.pure
  const pure = readsAsPure(source.path)
  pureFiles.set(source.path, { modified: source.modified, pure })
  return pure
}

/** What is wrong with one import, if anything. The first rule that applies is the one reported. */
function judge(importer: Place, pure: boolean, target: Target, specifier: string, typeOnly: boolean): Verdict | undefined {
  if (importer.kind === 'exempt') return undefined
  const data = { target: specifier }

  if (importer.kind === 'vocabulary') return target.file?.kind === 'vocabulary' ? undefined : { messageId: 'vocabularyImportsOutside', data }

  if (importer.kind === 'platform' && under(target, 'src/features/')) return { messageId: 'platformImportsFeature', data }

  if (pure) {
    const inputOutput =
      (target.package !== undefined && isPackage(target.package, [...DATABASE_PACKAGES, ...HTTP_PACKAGES])) ||
      under(target, 'src/platform/http/') ||
      under(target, 'src/platform/db/') ||
      target.file?.kind === 'repository'
    if (inputOutput) return { messageId: 'pureRuleImportsInputOutput', data }
  }

  if (importer.kind === 'route') {
    if (target.file?.kind === 'repository') return { messageId: 'routeImportsRepository', data }
    if ((target.package !== undefined && isPackage(target.package, DATABASE_PACKAGES)) || under(target, 'src/platform/db/')) {
      return { messageId: 'routeImportsDatabase', data }
    }
  }

  if (importer.feature !== undefined && target.file?.kind === 'repository' && target.file.feature !== importer.feature) {
    return { messageId: 'otherFeaturesRepository', data: { ...data, feature: importer.feature, other: target.file.feature ?? '(none)' } }
  }

  if (importer.kind === 'repository') {
    if (target.file?.kind === 'route' || target.file?.kind === 'service')
      return { messageId: 'repositoryImportsUpward', data: { ...data, kind: target.file.kind } }
    const allowed =
      (target.package !== undefined && isPackage(target.package, ['kysely'])) ||
      under(target, 'src/platform/db/') ||
      target.file?.path === 'src/platform/ids.ts' ||
      target.file?.kind === 'vocabulary' ||
      (target.file?.kind === 'repository' && target.file.feature === importer.feature)
    // Read last, as it reads the file: a pure rule is one definition a repository may derive from.
    if (!allowed && !typeOnly && !(target.absolute !== undefined && isPureFile(target.absolute))) {
      return { messageId: 'repositoryImportsElsewhere', data }
    }
  }
  return undefined
}

function isTypeOnly(node: TSESTree.ImportDeclaration | TSESTree.ExportNamedDeclaration | TSESTree.ExportAllDeclaration): boolean {
  if (node.type === AST_NODE_TYPES.ImportDeclaration) {
    if (node.importKind === 'type') return true
    return (
      node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type')
    )
  }
  if (node.exportKind === 'type') return true
  return (
    node.type === AST_NODE_TYPES.ExportNamedDeclaration && node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.exportKind === 'type')
  )
}

export interface LayersOptions {
  /** The project root that src/ is in. Defaults to the directory ESLint runs in. */
  root?: string
}

export const layers: TSESLint.RuleModule<MessageId, [LayersOptions?]> = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep routes, services, repositories, pure rules, the platform and the vocabulary in their layers.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      routeImportsRepository: `A route may not import a repository ({{target}}): call the feature's service, which owns the transaction and checks who may do what. ${WHERE}`,
      routeImportsDatabase: `A route may not import the database ({{target}}): a route parses the request, calls the feature's service and renders the answer; the service does the work. ${WHERE}`,
      otherFeaturesRepository: `The {{feature}} feature may not import the {{other}} feature's repository ({{target}}): a feature's tables are its own. Ask the {{other}} feature's service instead (services are handed to each other in src/composition.ts). ${WHERE}`,
      pureRuleImportsInputOutput: `A pure rule (tagged @pure in its first comment) may not import {{target}}: it takes plain values and returns an answer. Let its caller read, write or speak HTTP, and pass the values in. ${WHERE}`,
      platformImportsFeature: `src/platform may not import a feature ({{target}}): the platform knows no feature. Move what both need into src/platform, or have the feature pass it in. ${WHERE}`,
      repositoryImportsUpward: `A repository may not import a {{kind}} ({{target}}): imports point one way, route → service → repository. Define the type beside the query, or let the service pass the value in. ${WHERE}`,
      repositoryImportsElsewhere: `A repository's values come only from kysely, src/platform/db, src/platform/ids.ts, src/vocabulary, pure rules (tagged @pure) and its own feature's repositories (types may come from anywhere below the service), not {{target}}: do that work in the service and pass the result in, or, if the file takes plain values and returns an answer, tag it @pure. ${WHERE}`,
      vocabularyImportsOutside: `A vocabulary file imports only other vocabulary files, not {{target}}: src/vocabulary is the service's words (fixed values and their labels, built with labelled.ts) and every layer imports it, so it stands on nothing. Keep the words here and move what uses them (checks, queries, formatting) to the feature or the platform. ${WHERE}`,
    },
  },
  defaultOptions: [{}],
  create(context) {
    const root = context.options[0]?.root ?? context.cwd
    const importer = placeOf(root, context.filename)
    if (importer.kind === 'exempt') return {}
    const pure = isMarkedPure(context.sourceCode)
    // Files elsewhere (src/app.ts, src/composition.ts, scripts) wire the layers together: only a
    // claim to be pure binds them.
    if (importer.kind === 'elsewhere' && !pure) return {}

    function check(source: TSESTree.Node | null, typeOnly: boolean): void {
      if (source?.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') return
      const verdict = judge(importer, pure, targetOf(root, context.filename, source.value), source.value, typeOnly)
      if (verdict) context.report({ node: source, ...verdict })
    }

    return {
      ImportDeclaration: (node) => check(node.source, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => check(node.source, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node.source, isTypeOnly(node)),
      ImportExpression: (node) => check(node.source, false),
      TSImportType: (node) => check(node.source, true),
    }
  },
}

const QUERY_BUILDERS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto', 'selectNoFrom'])

/** Whether a file may build SQL: under src/, only a repository (a feature's, the platform's, or src/platform/db itself). */
export function mayBuildSql(place: Place): boolean {
  if (place.kind === 'exempt' || !place.path.startsWith('src/')) return true
  if (place.kind === 'repository') return true
  if (place.kind !== 'platform') return false
  const name = path.posix.basename(place.path)
  return name === 'repository.ts' || name.endsWith('-repository.ts') || place.path.startsWith('src/platform/db/')
}

function isSqlTag(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'sql'
  return node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier && node.object.name === 'sql'
}

function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name
  if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') return node.property.value
  return undefined
}

export const sqlInRepositories: TSESLint.RuleModule<'sqlOutsideRepository', [LayersOptions?]> = {
  meta: {
    type: 'problem',
    docs: { description: 'Build SQL (Kysely queries and sql templates) only in repositories.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      sqlOutsideRepository: `SQL lives only in repositories: move this query into the feature's repository (a plain function taking \`db\` or \`trx\`) and call it from the service. In src/platform, name the file *-repository.ts. ${WHERE}`,
    },
  },
  defaultOptions: [{}],
  create(context) {
    const root = context.options[0]?.root ?? context.cwd
    if (mayBuildSql(placeOf(root, context.filename))) return {}
    const report = (node: TSESTree.Node) => context.report({ node, messageId: 'sqlOutsideRepository' })

    return {
      CallExpression(node) {
        if (node.callee.type !== AST_NODE_TYPES.MemberExpression) return
        const name = memberName(node.callee)
        // A query: reported at the method's name, the line a chain starts its query on.
        if (name !== undefined && QUERY_BUILDERS.has(name)) report(node.callee.property)
        // sql.raw('...'), sql.val(x), sql.ref('column'), sql.join(...)
        else if (isSqlTag(node.callee)) report(node)
      },
      TaggedTemplateExpression(node) {
        if (isSqlTag(node.tag)) report(node)
      },
    }
  },
}

/** The plugin, as eslint.config.js uses it: `architecture/layers` and `architecture/sql-in-repositories`. */
export default {
  meta: { name: 'architecture' },
  rules: { layers, 'sql-in-repositories': sqlInRepositories },
}
