import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { commonPasswords, COMMON_PASSWORDS_AT_LEAST } from './common-passwords.ts'
import { passwordProblem, type PasswordOwner } from './password-rules.ts'

const owner: PasswordOwner = { email: 'rita.referrer@camden.gov.uk', displayName: 'Rita Referrer', authorityName: 'London Borough of Camden' }
const listed = new Set(['password', 'iloveyou', 'football', 'letmein123', 'password1234'])
const problem = (password: string) => passwordProblem(password, owner, listed)

describe('the one rule for a new password', () => {
  test('length is checked first, as it always was', () => {
    assert.equal(problem('short one'), 'too-short')
    assert.equal(problem('x'.repeat(257)), 'too-long')
  })

  test('a listed password is refused however it is dressed up: case, spaces, digits and symbols at its ends', () => {
    for (const password of ['password1234', 'PASSWORD1234', 'Password1234!', '2024password!!', 'i love you 1234', '!!!football!!!!', 'Letmein123!!']) {
      assert.equal(problem(password), 'common', password)
    }
  })

  test('repeated and sequential patterns are refused', () => {
    for (const password of [
      'aaaaaaaaaaaa',
      'abababababab',
      '123123123123',
      'abcabcabcabc',
      'abcdefghijklmnop',
      '1234567890123',
      'qwertyuiopasdf',
      'lkjhgfdsapoiuy',
      'zyxwvutsrqpo',
      'purplepurple',
    ]) {
      assert.equal(problem(password), 'pattern', password)
    }
  })

  test("a password built from the account's own details is refused: name, email, the service's name, the council's", () => {
    for (const password of [
      'rita.referrer@camden.gov.uk',
      'RitaReferrer2026',
      'referrer-rita-99',
      'Alongside2026!!',
      'alongside alongside rita',
      'camden borough 1',
      'London Borough of Camden',
    ]) {
      assert.equal(problem(password), 'personal', password)
    }
  })

  test('long passphrases stay welcome, even with one of their own words among the others; no composition rules', () => {
    for (const password of [
      'purple river lantern',
      'rita walks the quiet canal',
      'correct horse battery staple',
      'camden has seven tall trees',
      'ÉTÉ À LA MER, SOUS LE SOLEIL',
      'ünïcödé wörds wörk tóò',
    ]) {
      assert.equal(problem(password), undefined, password)
    }
  })

  test(`the list shipped with the service holds at least ${COMMON_PASSWORDS_AT_LEAST.toLocaleString('en-GB')} passwords, and catches the usual ones`, () => {
    const list = commonPasswords()
    assert.ok(list.size >= COMMON_PASSWORDS_AT_LEAST, `${list.size} passwords`)
    for (const password of ['password1234', 'Password1234!', 'qwertyuiop123', 'iloveyou2024', 'letmein123456']) {
      assert.equal(passwordProblem(password, owner, list), 'common', password)
    }
  })
})
