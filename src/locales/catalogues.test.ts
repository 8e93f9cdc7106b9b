import assert from 'node:assert/strict'
import { test } from 'node:test'
import { gapsIn, loadCatalogues, SOURCE_LANGUAGE } from '../platform/i18n/catalogues.ts'

// A family reads a language only when every English message is in it: a key added in English and
// not yet translated fails here, naming it, so the gap is filled (or the language is withdrawn) on purpose.
const catalogues = loadCatalogues()
for (const { code, englishName } of catalogues.languages.filter(({ code }) => code !== SOURCE_LANGUAGE)) {
  test(`the ${englishName} catalogue has every English message, filling in the same values`, () => {
    assert.deepEqual(gapsIn(catalogues, code), { missing: [], extra: [], broken: [] })
  })
}
