// @ts-check
/**
 * Lint: the rules that hold the shape of the code (ADR 9). `npm run lint`, or `npm test -- lint`
 * with the Prettier check. Zero warnings: every rule here is an error or off.
 *
 * - architecture/layers (lint/architecture.ts) keeps routes, services, repositories, pure rules,
 *   the platform and the vocabulary (src/vocabulary) in their layers. Its header says which file is
 *   which, by path and name.
 * - architecture/sql-in-repositories (the same file) keeps SQL in repositories: a Kysely query or an
 *   `sql` template in src/ is built only in a feature's repository, a platform *-repository.ts, or
 *   src/platform/db. Tests, test/, e2e/ and bench/ set up data as they need to.
 * - A pure rule is a file whose first doc comment has a line of its own with the tag `@pure`,
 *   as JSDoc tags are written. It may not import HTTP, the database or a repository. Tag a file
 *   when you write a rule that needs neither (dates in, answer out); the tag moves with the file.
 * - typescript-eslint's recommended type-checked rules, with promises held strictly: a promise is
 *   awaited, returned or handed to something that handles it.
 *
 * Where does X go? See CONTRIBUTING.md#where-does-x-go.
 */
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import tseslint from 'typescript-eslint'
import architecture from './lint/architecture.ts'

export default defineConfig(
  globalIgnores(['node_modules/', 'data/', 'test-results/', 'playwright-report/']),
  {
    files: ['**/*.{ts,js}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Every .ts file is in tsconfig.json; this file is not, and is read with the same options.
        projectService: { allowDefaultProject: ['eslint.config.js'], defaultProject: 'tsconfig.json' },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' },
    plugins: { architecture },
    rules: {
      'architecture/layers': ['error', { root: import.meta.dirname }],
      'architecture/sql-in-repositories': ['error', { root: import.meta.dirname }],

      // Promises: never dropped, never passed where nothing waits for them. node:test's test() and
      // describe() return promises the runner itself waits for.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',

      // Off: Fastify plugins, Kysely migrations and tables of steps are async to fit their interface,
      // awaiting or not; a forgotten await is caught by no-floating-promises.
      '@typescript-eslint/require-await': 'off',
      // Off: stripping control characters from what people type is deliberate (form fields, sign-in).
      'no-control-regex': 'off',

      // `const { password: _p, ...values } = body` is how the code leaves a field out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Numbers and query strings in URLs: `${query}` of a URLSearchParams is its encoded form.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allowNumber: true,
          allow: [
            { from: 'lib', name: ['Error', 'URL', 'URLSearchParams'] },
            { from: 'package', package: '@types/node', name: ['URL', 'URLSearchParams'] },
          ],
        },
      ],
    },
  },
  {
    // The browser's progressive enhancement: plain JavaScript, outside the TypeScript project.
    files: ['src/assets/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
)
