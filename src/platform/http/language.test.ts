import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createTranslations } from '../i18n/translations.ts'
import { acceptedLanguages, chooseLanguage } from './language.ts'

const translations = createTranslations()

test('reads the languages a browser asks for, best first', () => {
  assert.deepEqual(acceptedLanguages('en;q=0.5, ar-SA, es;q=0.9'), ['ar-sa', 'ar', 'es', 'es', 'en', 'en'])
  assert.deepEqual(acceptedLanguages('*;q=0, ;;, es;q=nonsense'), [])
  assert.deepEqual(acceptedLanguages(undefined), [])
  assert.deepEqual(acceptedLanguages('es,'.repeat(400)), [], 'an absurd header is ignored, not parsed')
})

test('opens a page in what the reader chose, then their record, then their browser, then English', () => {
  assert.equal(chooseLanguage(translations, { asked: 'ar', remembered: 'es', recorded: 'es', browser: 'es' }), 'ar')
  assert.equal(chooseLanguage(translations, { remembered: 'es', recorded: 'ar' }), 'es')
  assert.equal(chooseLanguage(translations, { recorded: 'ar', browser: 'es' }), 'ar')
  assert.equal(chooseLanguage(translations, { browser: 'fr-FR, es-MX;q=0.8' }), 'es')
  assert.equal(chooseLanguage(translations, { browser: 'fr' }), 'en')
})

test('never takes a language families are not offered, or something that is not a language', () => {
  assert.equal(chooseLanguage(translations, { asked: ['es', 'ar'], remembered: '../../etc', recorded: 'xx' }), 'en')
  assert.equal(chooseLanguage(translations, { asked: { toString: () => 'es' } }), 'en')
})
