/**
 * @pure
 *
 * The tiny markup staff write information pages in (ADR 18), read into a structure the template
 * renders with GOV.UK's classes, escaping every word. Nothing here is HTML and nothing becomes HTML:
 * `<script>` in the text is the eight characters `<script>` on the page.
 *
 *     ## A heading              (### a smaller one; # is read as ##)
 *
 *     A paragraph: lines next to each other are one paragraph.
 *     A blank line starts the next.
 *
 *     - a bullet point          (or * a bullet point)
 *     1. a numbered step        (or 1) a numbered step)
 *
 * A line that starts a list item inside a paragraph starts the list; a line after a list item that
 * is not one carries on that item. Anything else is a paragraph: there is no way to write wrong.
 */

export type Block =
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[] }

const HEADING = /^(#{1,3})(?:[ \t]+(.*))?$/
const BULLET = /^[-*•](?:[ \t]+(.*))?$/
const NUMBERED = /^\d{1,3}[.)](?:[ \t]+(.*))?$/

/** Spaces inside a line made one; invisible control characters (other than tab) taken out. */
function tidy(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim()
}

export function parseMarkup(source: string): Block[] {
  const blocks: Block[] = []
  let paragraph: string[] = []
  let list: { ordered: boolean; items: string[] } | null = null

  const endParagraph = () => {
    const text = tidy(paragraph.join(' '))
    if (text) blocks.push({ kind: 'paragraph', text })
    paragraph = []
  }
  const endList = () => {
    if (list) {
      const items = list.items.map(tidy).filter((item) => item.length > 0)
      if (items.length > 0) blocks.push({ kind: 'list', ordered: list.ordered, items })
    }
    list = null
  }

  for (const raw of source.normalize('NFC').replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim()
    if (line === '') {
      endParagraph()
      endList()
      continue
    }
    const heading = HEADING.exec(line)
    if (heading) {
      endParagraph()
      endList()
      const text = tidy(heading[2] ?? '')
      if (text) blocks.push({ kind: 'heading', level: heading[1] === '###' ? 3 : 2, text })
      continue
    }
    const bullet = BULLET.exec(line)
    const numbered = bullet ? null : NUMBERED.exec(line)
    const item = bullet ?? numbered
    if (item) {
      endParagraph()
      const ordered = numbered !== null
      if (list && list.ordered !== ordered) endList()
      list ??= { ordered, items: [] }
      list.items.push(item[1] ?? '')
      continue
    }
    if (list) {
      const items = list.items
      items[items.length - 1] = `${items[items.length - 1] ?? ''} ${line}`
      continue
    }
    paragraph.push(line)
  }
  endParagraph()
  endList()
  return blocks
}

/** The page's words as a reader meets them, one piece a heading, paragraph or list item: for the plain-language check. */
export function piecesOf(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'list' ? [...block.items] : [block.text]))
}
