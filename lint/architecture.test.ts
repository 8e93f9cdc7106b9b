import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { RuleTester } from 'eslint'
import tseslint from 'typescript-eslint'
import architecture, { isPureFile, placeOf } from './architecture.ts'

RuleTester.describe = describe
RuleTester.it = it
RuleTester.itOnly = it.only

const root = path.resolve(import.meta.dirname, '..')
const at = (file: string) => path.join(root, file)
const options = [{ root }]

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } })

// The rule is written with typescript-eslint's types; ESLint's RuleTester takes its own.
const layers = architecture.rules.layers as unknown as Parameters<RuleTester['run']>[1]

// Whether an imported file is a pure rule is read from disk: a small project of its own, so these
// tests do not hang on which files in src/ carry the tag today.
const project = fs.mkdtempSync(path.join(os.tmpdir(), 'architecture-'))
after(() => fs.rmSync(project, { recursive: true, force: true }))
const inProject = (file: string) => path.join(project, file)
function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(inProject(file)), { recursive: true })
  fs.writeFileSync(inProject(file), text)
}
const inProjectOptions = [{ root: project }]
write('src/features/referrals/section-1/questions.ts', '/**\n * @pure\n *\n * Section 1, its one definition.\n */\nexport const questions = {}\n')
write('src/features/referrals/section-1/schema.ts', '/** @pure */\nexport const sectionOneSchema = {}\n')
write(
  'src/features/referrals/section-1/answers.ts',
  '/** Answers, with a tag too late to count. */\nexport const blank = {}\n/** @pure */\nexport const none = null\n',
)
write('src/features/referrals/section-1/noted.ts', '// @pure\nexport const noted = {}\n')
write('src/platform/time/calendar.ts', '/**\n * Dates.\n * @pure\n */\nexport const addDays = (day: string, days: number) => `${day}+${days}`\n')

describe('isPureFile', () => {
  it('reads the tag from the first block comment of the file on disk', () => {
    assert.equal(isPureFile(inProject('src/features/referrals/section-1/questions.ts')), true)
    assert.equal(isPureFile(inProject('src/features/referrals/section-1/answers.ts')), false, 'the tag is in a later comment')
    assert.equal(isPureFile(inProject('src/features/referrals/section-1/noted.ts')), false, 'the tag is in a line comment')
  })

  it('resolves .ts, and a missing file or a folder is not pure', () => {
    assert.equal(isPureFile(inProject('src/features/referrals/section-1/questions')), true)
    assert.equal(isPureFile(inProject('src/features/referrals/section-1/questions.js')), true)
    assert.equal(isPureFile(inProject('src/features/referrals/section-1/gone.ts')), false)
    assert.equal(isPureFile(inProject('src/features/referrals/section-1')), false)
  })

  it('reads the file again when it changes', () => {
    write('src/features/referrals/retagged.ts', '/** Not yet. */\nexport const later = 1\n')
    assert.equal(isPureFile(inProject('src/features/referrals/retagged.ts')), false)
    write('src/features/referrals/retagged.ts', '/** Now.\n * @pure\n */\nexport const later = 1\n')
    const future = new Date(Date.now() + 60_000)
    fs.utimesSync(inProject('src/features/referrals/retagged.ts'), future, future)
    assert.equal(isPureFile(inProject('src/features/referrals/retagged.ts')), true)
  })
})

describe('placeOf', () => {
  it('places a file by its path and name', () => {
    assert.deepEqual(
      [
        'src/features/referrals/check/routes.ts',
        'src/features/referrals/person/schema.ts',
        'src/features/referrals/step-page.ts',
        'src/features/referrals/overview/actions.ts',
        'src/features/referrals/allocation-service.ts',
        'src/features/referrals/repository.ts',
        'src/features/referrals/repositories/offers.ts',
        'src/features/referrals/workflow.ts',
        'src/platform/db/schema.ts',
        'src/vocabulary/referrals.ts',
        'src/features/referrals/workflow.test.ts',
        'test/support/world.ts',
        'src/composition.ts',
      ].map((file) => {
        const { kind, feature } = placeOf(root, at(file))
        return `${kind} ${feature ?? '-'}`
      }),
      [
        'route referrals',
        'route referrals',
        'route referrals',
        'route referrals',
        'service referrals',
        'repository referrals',
        'repository referrals',
        'module referrals',
        'platform -',
        'vocabulary -',
        'exempt -',
        'exempt -',
        'elsewhere -',
      ],
    )
  })
})

describe('architecture/layers', () => {
  tester.run('layers', layers, {
    valid: [
      // 1. A route calls its service.
      {
        name: "1. a route imports its feature's service",
        filename: at('src/features/people/routes.ts'),
        options,
        code: "import type { PeopleService } from './service.ts'",
      },
      {
        name: '1. a route imports a vocabulary',
        filename: at('src/features/referrals/check/routes.ts'),
        options,
        code: "import { labels } from '../vocabulary.ts'",
      },
      // 2. A service uses its own feature's repository.
      {
        name: "2. a service imports its own feature's repository",
        filename: at('src/features/people/service.ts'),
        options,
        code: "import * as repository from './repository.ts'",
      },
      // 3. A pure rule uses other pure code.
      {
        name: '3. a pure rule imports other pure code',
        filename: at('src/features/referrals/timeliness.ts'),
        options,
        code: "/**\n * Deadlines.\n * @pure\n */\nimport { addDays } from '../../platform/time/calendar.ts'",
      },
      // 3. An untagged file may use the platform's HTTP helpers.
      {
        name: "3. an untagged file may use the platform's HTTP helpers",
        filename: at('src/features/programme/answers.ts'),
        options,
        code: "import { FormRefusal } from '../../platform/http/submit-form.ts'",
      },
      // 4. The platform uses the platform.
      {
        name: '4. the platform imports the platform',
        filename: at('src/platform/auth/sessions.ts'),
        options,
        code: "import type { Schema } from '../db/schema.ts'",
      },
      // 5. A repository uses kysely, the database's types, ids and its feature's other repositories; types from a vocabulary.
      {
        name: "5. a repository imports kysely, the database, ids, its feature's repositories, and types from a vocabulary",
        filename: at('src/features/referrals/repository.ts'),
        options,
        code: [
          "import { sql } from 'kysely'",
          "import type { Queryable } from '../../platform/db/schema.ts'",
          "import { isId } from '../../platform/ids.ts'",
          "import { offers } from './repositories/offers.ts'",
          "import type { ModuleKey } from '../advocates/vocabulary.ts'",
        ].join('\n'),
      },
      {
        name: '5. a repository imports values from the vocabulary',
        filename: at('src/features/advocates/repository.ts'),
        options,
        code: "import { stages, type Stage } from '../../vocabulary/advocates.ts'",
      },
      {
        name: '5. a repository imports values from a pure rule, the one definition it derives its columns from',
        filename: inProject('src/features/referrals/section-1/section-one-repository.ts'),
        options: inProjectOptions,
        code: "import { questions } from './questions.ts'\nimport { addDays } from '../../../platform/time/calendar.ts'",
      },
      {
        name: '5. a pure rule is found without its .ts, or by its .js',
        filename: inProject('src/features/referrals/section-1/section-one-repository.ts'),
        options: inProjectOptions,
        code: "import { questions } from './questions'\nexport { questions as definition } from './questions.js'",
      },
      // 6. The vocabulary stands on the vocabulary; every layer stands on it.
      {
        name: '6. a vocabulary file imports other vocabulary files',
        filename: at('src/vocabulary/referrals.ts'),
        options,
        code: "import { labelled, type ValueOf } from './labelled.ts'\nimport { advocateKinds } from './advocates.ts'",
      },
      {
        name: '6. the platform types its columns with the vocabulary, and builds a set with labelled',
        filename: at('src/platform/db/schema.ts'),
        options,
        code: "import type { ReferralState } from '../../vocabulary/referrals.ts'\nimport { labelled } from '../../vocabulary/labelled.ts'",
      },
      {
        name: '6. a pure rule imports the vocabulary',
        filename: at('src/features/referrals/section-1/questions.ts'),
        options,
        code: "/**\n * @pure\n */\nimport { adjustments } from '../../../vocabulary/referrals.ts'",
      },
      {
        name: '6. a route imports the vocabulary',
        filename: at('src/features/referrals/check/routes.ts'),
        options,
        code: "import { meetingTypes } from '../../../vocabulary/referrals.ts'",
      },
      // Tests and benchmarks set up data through repositories.
      {
        name: 'tests are outside the layers',
        filename: at('src/features/referrals/workflow.int.test.ts'),
        options,
        code: "import * as people from '../people/repository.ts'",
      },
      {
        name: 'test support is outside the layers',
        filename: at('test/support/world.ts'),
        options,
        code: "import * as admin from '../../src/features/admin/repository.ts'",
      },
      {
        name: 'benchmarks are outside the layers',
        filename: at('bench/worktray.ts'),
        options,
        code: "import * as admin from '../src/features/admin/repository.ts'",
      },
      // The composition root wires every feature.
      {
        name: 'the composition root wires every feature',
        filename: at('src/composition.ts'),
        options,
        code: "import { createPeopleService } from './features/people/service.ts'",
      },
    ],
    invalid: [
      // 1. A route reaches a repository, or the database.
      {
        name: '1. a route imports a repository',
        filename: at('src/features/people/routes.ts'),
        options,
        code: "import * as repository from './repository.ts'",
        errors: [{ messageId: 'routeImportsRepository' }],
      },
      {
        name: '1. a step page imports kysely',
        filename: at('src/features/referrals/step-page.ts'),
        options,
        code: "import { sql } from 'kysely'",
        errors: [{ messageId: 'routeImportsDatabase' }],
      },
      {
        name: "1. a form schema imports the database's types",
        filename: at('src/features/admin/users/schema.ts'),
        options,
        code: "import type { Schema } from '../../../platform/db/schema.ts'",
        errors: [{ messageId: 'routeImportsDatabase' }],
      },
      {
        name: '1. a view model re-exports a repository',
        filename: at('src/features/referrals/overview/actions.ts'),
        options,
        code: "export { findReferral } from '../repository.ts'",
        errors: [{ messageId: 'routeImportsRepository' }],
      },
      // 2. A service reaches another feature's repository.
      {
        name: "2. a service imports another feature's repository",
        filename: at('src/features/referrals/service.ts'),
        options,
        code: "import * as people from '../people/repository.ts'",
        errors: [{ messageId: 'otherFeaturesRepository', data: { feature: 'referrals', other: 'people', target: '../people/repository.ts' } }],
      },
      {
        name: "2. a dynamic import of another feature's repository",
        filename: at('src/features/demo/demo-data.ts'),
        options,
        code: "const admin = await import('../admin/repository.ts')",
        errors: [{ messageId: 'otherFeaturesRepository' }],
      },
      // 3. A pure rule reaches HTTP, the database or a repository.
      {
        name: '3. a pure rule imports an HTTP type',
        filename: at('src/features/referrals/section-one.ts'),
        options,
        code: "/** Section 1.\n * @pure\n */\nimport type { FieldError } from '../../platform/http/session.ts'",
        errors: [{ messageId: 'pureRuleImportsInputOutput' }],
      },
      {
        name: '3. a pure rule in the platform imports kysely and fastify',
        filename: at('src/platform/time/calendar.ts'),
        options,
        code: "/** @pure */\nimport { sql } from 'kysely'\nimport type { FastifyRequest } from 'fastify'",
        errors: [{ messageId: 'pureRuleImportsInputOutput' }, { messageId: 'pureRuleImportsInputOutput' }],
      },
      {
        name: '3. a pure rule imports a repository',
        filename: at('src/features/referrals/allocation/matching.ts'),
        options,
        code: "/**\n * Matching.\n *\n * @pure\n */\nimport { findAdvocates } from '../repository.ts'",
        errors: [{ messageId: 'pureRuleImportsInputOutput' }],
      },
      // 4. The platform reaches a feature.
      {
        name: '4. the platform imports a feature',
        filename: at('src/platform/http/views.ts'),
        options,
        code: "import { labels } from '../../features/referrals/vocabulary.ts'",
        errors: [{ messageId: 'platformImportsFeature' }],
      },
      // 5. A repository reaches up to a service or route, or to anything else for a value.
      {
        name: '5. a repository imports its service and a route',
        filename: at('src/features/advocates/repository.ts'),
        options,
        code: "import type { AdvocateDetails } from './service.ts'\nimport { stageSchema } from './schema.ts'",
        errors: [
          { messageId: 'repositoryImportsUpward', data: { kind: 'service', target: './service.ts' } },
          { messageId: 'repositoryImportsUpward', data: { kind: 'route', target: './schema.ts' } },
        ],
      },
      {
        name: "5. a repository imports a value from a feature's module and the platform's errors",
        filename: at('src/features/advocates/repository.ts'),
        options,
        code: "import { modules } from './vocabulary.ts'\nimport { NotFoundError } from '../../platform/errors.ts'",
        errors: [{ messageId: 'repositoryImportsElsewhere' }, { messageId: 'repositoryImportsElsewhere' }],
      },
      {
        name: "2. a repository imports another feature's repository",
        filename: at('src/features/advocates/repository.ts'),
        options,
        code: "import { users } from '../admin/repository.ts'",
        errors: [{ messageId: 'otherFeaturesRepository' }],
      },
      {
        name: '5. a repository imports a value from a file whose tag is not in its first block comment, or is a line comment',
        filename: inProject('src/features/referrals/section-1/section-one-repository.ts'),
        options: inProjectOptions,
        code: "import { blank } from './answers.ts'\nimport { noted } from './noted.ts'",
        errors: [
          { messageId: 'repositoryImportsElsewhere', data: { target: './answers.ts' } },
          { messageId: 'repositoryImportsElsewhere', data: { target: './noted.ts' } },
        ],
      },
      {
        name: '5. a repository imports a value from a file that is not there',
        filename: inProject('src/features/referrals/section-1/section-one-repository.ts'),
        options: inProjectOptions,
        code: "import { gone } from './gone.ts'",
        errors: [{ messageId: 'repositoryImportsElsewhere' }],
      },
      {
        name: '5. a route tagged @pure is still a route to a repository',
        filename: inProject('src/features/referrals/section-1/section-one-repository.ts'),
        options: inProjectOptions,
        code: "import { sectionOneSchema } from './schema.ts'",
        errors: [{ messageId: 'repositoryImportsUpward', data: { kind: 'route', target: './schema.ts' } }],
      },
      // 6. A vocabulary file reaches outside the vocabulary.
      {
        name: '6. a vocabulary file imports the platform',
        filename: at('src/vocabulary/advocates.ts'),
        options,
        code: "import { inWords } from '../platform/time/calendar.ts'",
        errors: [{ messageId: 'vocabularyImportsOutside', data: { target: '../platform/time/calendar.ts' } }],
      },
      {
        name: '6. a vocabulary file imports a type from a feature',
        filename: at('src/vocabulary/referrals.ts'),
        options,
        code: "import type { ReferralState } from '../features/referrals/workflow.ts'",
        errors: [{ messageId: 'vocabularyImportsOutside' }],
      },
      {
        name: '6. a vocabulary file imports packages',
        filename: at('src/vocabulary/labelled.ts'),
        options,
        code: "import { z } from 'zod'\nimport { sql } from 'kysely'\nimport path from 'node:path'",
        errors: [{ messageId: 'vocabularyImportsOutside' }, { messageId: 'vocabularyImportsOutside' }, { messageId: 'vocabularyImportsOutside' }],
      },
      {
        name: '6. a vocabulary file imports a file elsewhere in src',
        filename: at('src/vocabulary/referrals.ts'),
        options,
        code: "export { config } from '../config.ts'",
        errors: [{ messageId: 'vocabularyImportsOutside' }],
      },
    ],
  })
})

const sqlInRepositories = architecture.rules['sql-in-repositories'] as unknown as Parameters<RuleTester['run']>[1]

describe('architecture/sql-in-repositories', () => {
  tester.run('sql-in-repositories', sqlInRepositories, {
    valid: [
      // A feature's repository builds its queries.
      {
        name: "a feature's repository builds queries and raw SQL",
        filename: at('src/features/people/repository.ts'),
        options,
        code: [
          'export const find = (db, id) => db.selectFrom("people").where("id", "=", id).selectAll().executeTakeFirst()',
          'export const add = (trx, row) => trx.insertInto("people").values(row).execute()',
          'export const rename = (trx, id, name) => trx.updateTable("people").set({ name }).where("id", "=", id).execute()',
          'export const forget = (trx, id) => trx.deleteFrom("people").where("id", "=", id).execute()',
          'export const now = (db) => db.selectNoFrom(sql`now()`.as("now")).executeTakeFirstOrThrow()',
          'export const order = sql.raw("name asc")',
          'export const by = (column) => sql.ref(column)',
        ].join('\n'),
      },
      {
        name: "a feature's *-repository.ts builds queries",
        filename: at('src/features/referrals/section-1/section-one-repository.ts'),
        options,
        code: 'export const save = (trx, row) => trx.insertInto("section_one").values(row).onConflict((oc) => oc.column("referral_id").doUpdateSet(row)).execute()',
      },
      {
        name: 'a file in a repositories/ folder builds queries',
        filename: at('src/features/referrals/repositories/offers.ts'),
        options,
        code: 'export const offers = (db) => db.selectFrom("offers").selectAll().execute()',
      },
      // The platform's repositories, and the database itself.
      {
        name: 'a platform *-repository.ts builds queries',
        filename: at('src/platform/auth/staff-repository.ts'),
        options,
        code: 'export const lock = (trx, id) => trx.updateTable("users").set({ locked: sql`true` }).where("id", "=", id).execute()',
      },
      {
        name: 'a platform repository.ts builds queries',
        filename: at('src/platform/audit/repository.ts'),
        options,
        code: 'export const record = (trx, entry) => trx.insertInto("audit").values(entry).execute()',
      },
      {
        name: 'a migration builds raw SQL',
        filename: at('src/platform/db/migrations/0005-more.ts'),
        options,
        code: 'export async function up(db) { await sql`alter table people add column nickname text`.execute(db) }',
      },
      {
        name: 'text-array.ts, in src/platform/db, builds raw SQL and a query with no table',
        filename: at('src/platform/db/text-array.ts'),
        options,
        code: 'export const textArray = (values) => sql`array[${sql.join(values)}]::text[]`\nexport const ping = (db) => db.selectNoFrom(sql.lit(1).as("one")).execute()',
      },
      // Tests, test support, end-to-end tests and benchmarks set up their data as they need to.
      {
        name: 'a test builds queries',
        filename: at('src/features/referrals/workflow.int.test.ts'),
        options,
        code: 'await db.deleteFrom("referrals").execute()\nawait sql`truncate people`.execute(db)',
      },
      {
        name: 'test support builds queries',
        filename: at('test/support/world.ts'),
        options,
        code: 'export const people = (db) => db.selectFrom("people").selectAll().execute()',
      },
      {
        name: 'a benchmark builds queries',
        filename: at('bench/worktray.ts'),
        options,
        code: 'await db.insertInto("referrals").values(rows).execute()',
      },
      {
        name: 'a script outside src/ is not bound',
        filename: at('scripts/seed.ts'),
        options,
        code: 'await db.insertInto("people").values(rows).execute()',
      },
      // Names that are not a query.
      {
        name: 'other names are not queries: a plain function named selectFrom, methods of other names, tags of other names',
        filename: at('src/features/referrals/service.ts'),
        options,
        code: [
          'selectFrom("menu")',
          'menu.selectFromList("a")',
          'rows.select("name")',
          'mysql.raw("x")',
          'const text = html`<p>${name}</p>`',
          'const q = query.sql`x`',
        ].join('\n'),
      },
    ],
    invalid: [
      // Features: a service, a route, a module.
      {
        name: 'a service builds a query in its transaction',
        filename: at('src/features/referrals/drafting-service.ts'),
        options,
        code: 'await db.transaction().execute(async (trx) => {\n  await trx\n    .updateTable("referrals")\n    .set({ state: "returned" })\n    .execute()\n})',
        errors: [{ messageId: 'sqlOutsideRepository', line: 3, column: 6 }],
      },
      {
        name: 'a route builds raw SQL, typed',
        filename: at('src/features/worktray/routes.ts'),
        options,
        code: 'const count = await sql<number>`select count(*) from referrals`.execute(db)',
        errors: [{ messageId: 'sqlOutsideRepository' }],
      },
      {
        name: 'a module builds a query with raw SQL in it: both are reported',
        filename: at('src/features/demo/demo-data.ts'),
        options,
        code: 'await trx.selectFrom("people").where(sql`lower(name)`, "=", name).selectAll().execute()',
        errors: [{ messageId: 'sqlOutsideRepository' }, { messageId: 'sqlOutsideRepository' }],
      },
      {
        name: 'the rest of the query builders, and one named by a string',
        filename: at('src/features/people/records-service.ts'),
        options,
        code: [
          'db.insertInto("a")',
          'db.deleteFrom("a")',
          'db.replaceInto("a")',
          'db.mergeInto("a")',
          'db.selectNoFrom(() => [])',
          'db["selectFrom"]("a")',
          'db?.selectFrom("a")',
        ].join('\n'),
        errors: [1, 2, 3, 4, 5, 6, 7].map((line) => ({ messageId: 'sqlOutsideRepository', line })),
      },
      {
        name: 'the methods of sql, and a tag that is one',
        filename: at('src/features/worktray/service.ts'),
        options,
        code: 'const order = sql.raw("created_at desc")\nconst id = sql.val(referralId)\nconst column = sql.ref("state")\nconst q = sql.id`people`',
        errors: [1, 2, 3, 4].map((line) => ({ messageId: 'sqlOutsideRepository', line })),
      },
      // The platform: any file that is not a repository nor in src/platform/db.
      {
        name: 'a platform file that is not a repository builds a query',
        filename: at('src/platform/auth/sessions.ts'),
        options,
        code: 'export const end = (db, id) => db.deleteFrom("sessions").where("id", "=", id).execute()',
        errors: [{ messageId: 'sqlOutsideRepository' }],
      },
      {
        name: 'a platform file named for its queries but not *-repository.ts',
        filename: at('src/platform/audit/audit-queries.ts'),
        options,
        code: 'export const record = (trx, entry) => trx.insertInto("audit").values(entry).execute()',
        errors: [{ messageId: 'sqlOutsideRepository' }],
      },
      {
        name: 'a platform file beside src/platform/db, not in it',
        filename: at('src/platform/database-tools.ts'),
        options,
        code: 'export const ping = (db) => sql`select 1`.execute(db)',
        errors: [{ messageId: 'sqlOutsideRepository' }],
      },
      // Elsewhere in src/.
      {
        name: 'the composition root builds a query',
        filename: at('src/composition.ts'),
        options,
        code: 'const users = await db.selectFrom("users").selectAll().execute()',
        errors: [{ messageId: 'sqlOutsideRepository' }],
      },
      {
        name: 'a vocabulary file builds raw SQL',
        filename: at('src/vocabulary/referrals.ts'),
        options,
        code: "export const open = sql`state not in ('completed', 'withdrawn')`",
        errors: [{ messageId: 'sqlOutsideRepository' }],
      },
    ],
  })
})
