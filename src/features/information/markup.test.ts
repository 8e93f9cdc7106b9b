import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { parseMarkup, piecesOf } from './markup.ts'

describe('the information pages’ markup', () => {
  test('headings, paragraphs of joined lines, bullet and numbered lists', () => {
    const source = [
      '## What an advocate does',
      'An advocate is on your side.',
      'They help you speak up.',
      '',
      '- They listen',
      '* They explain',
      '',
      '### Before the meeting',
      '1. We call you',
      '2) We meet you',
      '',
      '# Read as a second-level heading',
    ].join('\n')
    assert.deepEqual(parseMarkup(source), [
      { kind: 'heading', level: 2, text: 'What an advocate does' },
      { kind: 'paragraph', text: 'An advocate is on your side. They help you speak up.' },
      { kind: 'list', ordered: false, items: ['They listen', 'They explain'] },
      { kind: 'heading', level: 3, text: 'Before the meeting' },
      { kind: 'list', ordered: true, items: ['We call you', 'We meet you'] },
      { kind: 'heading', level: 2, text: 'Read as a second-level heading' },
    ])
  })

  test('a list may follow a paragraph with no blank line, and a line after an item carries it on', () => {
    assert.deepEqual(parseMarkup('You can:\n- bring a friend\n  or a relative\n- ask for an interpreter\nThen it ends.'), [
      { kind: 'paragraph', text: 'You can:' },
      { kind: 'list', ordered: false, items: ['bring a friend or a relative', 'ask for an interpreter Then it ends.'] },
    ])
    assert.deepEqual(parseMarkup('- one\n1. two'), [
      { kind: 'list', ordered: false, items: ['one'] },
      { kind: 'list', ordered: true, items: ['two'] },
    ])
  })

  test('HTML, script and markdown it does not know stay as the words typed', () => {
    const hostile = '<script>alert("x")</script>\n\n## <img src=x onerror=alert(1)>\n\n- [a link](javascript:alert(1)) **bold** <b>b</b>\n\n&lt;&amp;'
    assert.deepEqual(parseMarkup(hostile), [
      { kind: 'paragraph', text: '<script>alert("x")</script>' },
      { kind: 'heading', level: 2, text: '<img src=x onerror=alert(1)>' },
      { kind: 'list', ordered: false, items: ['[a link](javascript:alert(1)) **bold** <b>b</b>'] },
      { kind: 'paragraph', text: '&lt;&amp;' },
    ])
  })

  test('Windows line endings, spaces, control characters and empty markers are tidied away', () => {
    assert.deepEqual(parseMarkup('##   Spaced   out  \r\n\r\nA\u0000 line\u0007 with\ttabs\r\n-  \r\n## \r\n'), [
      { kind: 'heading', level: 2, text: 'Spaced out' },
      { kind: 'paragraph', text: 'A line with tabs' },
    ])
    assert.deepEqual(parseMarkup(''), [])
    assert.deepEqual(parseMarkup('##no space is a paragraph\n-no space too'), [{ kind: 'paragraph', text: '##no space is a paragraph -no space too' }])
  })

  test('Arabic and Spanish text is kept as written', () => {
    assert.deepEqual(parseMarkup('## ما هو المناصر؟\n\n- يقف إلى جانبك\n- Está de su lado'), [
      { kind: 'heading', level: 2, text: 'ما هو المناصر؟' },
      { kind: 'list', ordered: false, items: ['يقف إلى جانبك', 'Está de su lado'] },
    ])
  })

  test('whatever is typed, no word is lost and none is made up', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('## ', '- ', '1. ', '\n', '\n\n', '<p>', '* ', '### '))), (pieces) => {
        const source = pieces.join('')
        const blocks = parseMarkup(source)
        const words = (text: string) =>
          text
            .replace(/\r/g, '\n')
            .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
            .match(/[^\s#*•\-0-9.)]+/gu) ?? []
        const kept = piecesOf(blocks).join(' ')
        assert.deepEqual(words(kept).sort(), words(source.normalize('NFC')).sort())
      }),
    )
  })

  test('its pieces are each heading, paragraph and list item', () => {
    assert.deepEqual(piecesOf(parseMarkup('## A\n\nB\n\n- C\n- D')), ['A', 'B', 'C', 'D'])
  })
})
