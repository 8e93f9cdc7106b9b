import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { argumentsOf, gapsIn, loadCatalogues } from './catalogues.ts'
import { createTranslations, plainDate } from './translations.ts'

function catalogueFolder(files: Record<string, unknown>): string {
  const folder = mkdtempSync(join(tmpdir(), 'catalogues-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true })
    writeFileSync(join(folder, path), JSON.stringify(content))
  }
  return folder
}

const languages = {
  en: { locale: 'en-GB', name: 'English', englishName: 'English', dir: 'ltr', reviewedByTranslator: true },
  es: { name: 'Español', englishName: 'Spanish', dir: 'ltr', reviewedByTranslator: false },
  ar: { name: 'العربية', englishName: 'Arabic', dir: 'rtl', reviewedByTranslator: false },
}
const english = {
  asked: 'Your social worker asked for an advocate for you on {date, date, long}.',
  meetings: '{count, plural, =0 {You have no meetings} one {You have # meeting} other {You have # meetings}}',
}

describe('translations', () => {
  test('fills in dates and plurals in each language', () => {
    const folder = catalogueFolder({
      'languages.json': languages,
      'en/family.json': english,
      'es/family.json': {
        asked: 'Su trabajador social pidió un defensor para usted el {date, date, long}.',
        meetings: '{count, plural, =0 {No tiene reuniones} one {Tiene # reunión} other {Tiene # reuniones}}',
      },
      'ar/family.json': {
        asked: 'طلب منك الأخصائي الاجتماعي مناصرًا في {date, date, long}.',
        meetings: '{count, plural, =0 {ليس لديك اجتماعات} one {لديك اجتماع واحد} other {لديك # اجتماعات}}',
      },
    })
    const translations = createTranslations(loadCatalogues(folder))
    const date = plainDate('2026-03-03')
    assert.equal(translations.translator('en').t('family:asked', { date }), 'Your social worker asked for an advocate for you on 3 March 2026.')
    assert.equal(translations.translator('es').t('family:asked', { date }), 'Su trabajador social pidió un defensor para usted el 3 de marzo de 2026.')
    assert.match(translations.translator('ar').t('family:asked', { date }), /مارس/)
    assert.equal(translations.translator('en').t('family:meetings', { count: 1 }), 'You have 1 meeting')
    assert.equal(translations.translator('es').t('family:meetings', { count: 3 }), 'Tiene 3 reuniones')
    assert.equal(translations.translator('ar').language.dir, 'rtl')
  })

  test('offers a language to families only when its catalogue has every English key, with the same values', () => {
    const folder = catalogueFolder({
      'languages.json': languages,
      'en/family.json': english,
      'es/family.json': { asked: 'Pidió un defensor el {date, date, long}.' },
      'ar/family.json': { asked: 'طلب في {when, date, long}.', meetings: '{count, plural, other {# اجتماعات}}' },
    })
    const catalogues = loadCatalogues(folder)
    assert.deepEqual(gapsIn(catalogues, 'es').missing, ['family:meetings'])
    assert.deepEqual(gapsIn(catalogues, 'ar').broken, ['family:asked'])
    const translations = createTranslations(catalogues)
    assert.deepEqual(
      translations.familyLanguages.map(({ code }) => code),
      ['en'],
    )
    assert.equal(translations.isFamilyLanguage('es'), false)
    assert.equal(translations.translator('es').language.code, 'en', 'an incomplete language falls back to English')
  })

  test('a key English lacks is a mistake in the code, and says so', () => {
    const translations = createTranslations(loadCatalogues(catalogueFolder({ 'languages.json': languages, 'en/family.json': english })))
    assert.throws(() => translations.translator('en').t('family:nothing'), /No English message for family:nothing/)
  })

  test('names the values a message fills in, inside plurals too', () => {
    assert.deepEqual(argumentsOf('{count, plural, one {# at {place}} other {# on {date, date, long}}}'), ['count', 'date', 'place'])
    assert.throws(() => argumentsOf('{unclosed'))
  })
})
