import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { wordProblem } from './word-rules.ts'

const maria = { givenName: 'María', familyName: 'Fernández', dateOfBirth: '1990-04-03' }
const problem = (word: string) => wordProblem(word, word, maria)

describe('the word or PIN chosen at first use', () => {
  test('a memorable word or a PIN nobody would guess first is kept', () => {
    for (const word of ['blue kettle', 'Tío Pepe 77', '8352', 'gatito', 'مرحبا بكم']) assert.equal(problem(word), undefined, word)
  })

  test('never her date of birth, in any way it is written', () => {
    for (const word of ['03041990', '03/04/1990', '0304', '030490', '1990', '19900403', '3490', '341990', '0403'])
      assert.equal(problem(word), 'dateOfBirth', word)
  })

  test('never her name, however it is typed', () => {
    for (const word of ['maria', 'MARIA1', 'Fernandez', 'fernández2024', 'mar1a'.replace('1', 'i')]) assert.equal(problem(word), 'name', word)
  })

  test('not a PIN or word everyone tries first, nor a run or a repeat', () => {
    for (const word of ['1234', '0000', '9876', 'abcd', 'password', '1111', '2580']) assert.equal(problem(word), 'tooSimple', word)
  })

  test('at least four letters or numbers, typed the same twice', () => {
    assert.equal(problem(''), 'missing')
    assert.equal(problem('ab1'), 'tooShort')
    assert.equal(problem('  ab  '), 'tooShort')
    assert.equal(problem('x'.repeat(65)), 'tooLong')
    assert.equal(wordProblem('blue kettle', 'blue kettel', maria), 'different')
  })

  test('with no date of birth on record, digits are judged on their own', () => {
    assert.equal(wordProblem('0304', '0304', { ...maria, dateOfBirth: null }), undefined)
  })
})
