import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { CODE_ALPHABET, CODE_LENGTH, codeKey, groupedCode, hashCode, isCodeShaped, newCode, normaliseCode } from './codes.ts'

describe('family codes', () => {
  test('twelve characters from an alphabet with nothing that reads as something else', () => {
    for (const confusable of '0O1IL2Z5S8BGQUV') assert.ok(!CODE_ALPHABET.includes(confusable), confusable)
    const codes = Array.from({ length: 2000 }, newCode)
    for (const code of codes) assert.ok(isCodeShaped(code), code)
    assert.equal(new Set(codes).size, codes.length, 'no two alike')
    assert.ok(Math.log2(CODE_ALPHABET.length) * CODE_LENGTH > 50, 'more than 50 bits')
  })

  test('typed as people type them: any case, spaces and dashes', () => {
    assert.equal(normaliseCode(' acde fhjk–mnpr '), 'ACDEFHJKMNPR')
    assert.equal(groupedCode('ACDEFHJKMNPR'), 'ACDE-FHJK-MNPR')
    assert.ok(!isCodeShaped(normaliseCode('ACDE-FHJK-MNP0')))
  })

  test('kept as a keyed hash: the same code under another key hashes otherwise', () => {
    const code = 'ACDEFHJKMNPR'
    assert.equal(hashCode(codeKey('a secret'), code), hashCode(codeKey('a secret'), code))
    assert.notEqual(hashCode(codeKey('a secret'), code), hashCode(codeKey('another secret'), code))
    assert.ok(!hashCode(codeKey('a secret'), code).includes(code))
  })
})
