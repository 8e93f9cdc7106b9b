import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { readPdf } from '../../../test/support/pdf.ts'
import { toPdf } from './pdf.ts'

describe('a report as a tagged PDF', () => {
  test('reads back in order, tagged: headings, paragraphs, quotes and tables with their header cells', async () => {
    const pdf = await readPdf(
      await toPdf({
        title: 'A report',
        language: 'en-GB',
        blocks: [
          { kind: 'heading', level: 1, text: 'A report' },
          { kind: 'paragraph', text: 'What the year was.' },
          { kind: 'heading', level: 2, text: 'Reach' },
          { kind: 'table', caption: 'Referrals', head: ['Figure', 'This year', 'Last year'], rows: [['Sent', '12', '[c]']] },
          { kind: 'quote', text: 'She listened.' },
        ],
      }),
    )
    assert.equal(pdf.title, 'A report')
    assert.equal(pdf.language, 'en-GB')
    assert.deepEqual(pdf.text.split('\n'), [
      'A report',
      'What the year was.',
      'Reach',
      'Referrals',
      'Figure',
      'This year',
      'Last year',
      'Sent',
      '12',
      '[c]',
      '“She listened.”',
    ])
    assert.deepEqual(pdf.tags, ['Root', 'Document', 'H1', 'P', 'H2', 'Sect', 'Caption', 'Table', 'TR', 'TH', 'TH', 'TH', 'TR', 'TH', 'TD', 'TD', 'BlockQuote'])
  })

  test('whatever a person wrote prints: any letter, right to left, emoji, control characters, a lone surrogate, one endless word, a long table', async () => {
    const hostile = [
      'Łódź, Ærøskøbing, Şişli, Θεσσαλονίκη, Київ',
      'قالت إنها شعرت بالاستماع',
      'Thanks 👍🏽',
      'a\u0000b\u0007c\u202Ed',
      'half \uD800 a pair',
      'x'.repeat(2000),
      '',
    ]
    const pdf = await readPdf(
      await toPdf({
        title: 'Hostile',
        language: 'en-GB',
        blocks: [
          ...hostile.map((text) => ({ kind: 'paragraph' as const, text })),
          { kind: 'table', caption: 'Long', head: ['Figure', ...'abcdefgh'], rows: Array.from({ length: 60 }, (_, row) => [`Row ${row}`, ...'12345678']) },
        ],
      }),
    )
    assert.ok(pdf.text.includes('Łódź, Ærøskøbing, Şişli, Θεσσαλονίκη, Київ'))
    assert.ok(pdf.text.includes('Row 59'), 'a table longer than a page goes on to the next')
    assert.ok(pdf.pages >= 2)
  })
})
