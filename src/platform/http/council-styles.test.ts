import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { BrandStylesError, SYSTEM_FONT_STACK, withoutGdsTransport } from './council-styles.ts'

/** Issue 8, item 20: GOV.UK Frontend as a service off GOV.UK uses it: no GDS Transport. */
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..')

describe('the compiled GOV.UK and MOJ styles, without GDS Transport', () => {
  for (const path of ['node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css', 'node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.css']) {
    test(path, () => {
      const shipped = readFileSync(join(root, path), 'utf8')
      assert.match(shipped, /GDS Transport/, 'as shipped, the package names the font')
      const css = withoutGdsTransport(shipped)
      assert.doesNotMatch(css, /GDS Transport/i)
      assert.doesNotMatch(css, /\/assets\/fonts\//, 'the font files are never fetched')
      assert.ok(css.includes(`font-family:${SYSTEM_FONT_STACK}`), 'the system font stack in its place')
      assert.ok(css.length > shipped.length * 0.9, 'nothing else is taken out')
    })
  }

  test('a stylesheet that names the font some new way stops the start', () => {
    assert.throws(() => withoutGdsTransport('.govuk-body{font-family:"GDS Transport Website",sans-serif}'), BrandStylesError)
  })
})
