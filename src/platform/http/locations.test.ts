import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { locationPath } from './locations.ts'

describe('a path for a Location header', () => {
  test('a path of plain characters is kept as it is, escapes included', () => {
    assert.equal(locationPath('/referrals/abc-123?step=draft&page=2#top'), '/referrals/abc-123?step=draft&page=2#top')
    assert.equal(locationPath('/people?name=L%C3%B3pez'), '/people?name=L%C3%B3pez')
  })

  test('characters a header cannot carry are percent-encoded as UTF-8', () => {
    assert.equal(locationPath('/advocates?name=Łódź ✓'), '/advocates?name=%C5%81%C3%B3d%C5%BA%20%E2%9C%93')
    assert.equal(locationPath('/a\u0000b\r\nSet-Cookie: x'), '/a%00b%0D%0ASet-Cookie:%20x')
    assert.equal(locationPath('/a\\b"<>'), '/a%5Cb%22%3C%3E')
    assert.equal(locationPath('/\ud800'), '/%EF%BF%BD', 'a lone surrogate as U+FFFD')
  })

  test('whatever goes in, only visible ASCII comes out', () => {
    const everything = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code)).join('')
    assert.match(locationPath(`/${everything}`), /^[\x21-\x7e]+$/)
  })
})
