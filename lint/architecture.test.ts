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
