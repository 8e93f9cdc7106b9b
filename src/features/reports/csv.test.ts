import assert from 'node:assert/strict'
import { test } from 'node:test'
import { defused, toCsv } from './csv.ts'

test('a cell a spreadsheet would run as a formula is shown as text', () => {
  for (const dangerous of ['=1+1', '+44 7700', '-2+3', '@SUM(A1)', '\t=x', '\r=x']) assert.equal(defused(dangerous), `'${dangerous}`)
  assert.equal(defused('Mothers'), 'Mothers')
  assert.equal(toCsv([['=HYPERLINK("http://x")']]), '\uFEFF"\'=HYPERLINK(""http://x"")"\r\n')
})

test('numbers stay numbers, a negative one too; commas, quotes and line breaks are quoted', () => {
  assert.equal(
    toCsv([
      ['Figure', 'Now', 'Change'],
      ['Referrals, all', 12, -3],
      ['He said "hi"\nthen', null, 0],
    ]),
    '\uFEFFFigure,Now,Change\r\n"Referrals, all",12,-3\r\n"He said ""hi""\nthen",,0\r\n',
  )
})
