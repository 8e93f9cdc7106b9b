import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Font } from 'fontkit'

/**
 * A report as a tagged PDF, by `pdfkit` (ADR 26): headings, paragraphs, quotes and tables, each
 * marked with its structure (H1 to H3, P, BlockQuote, Table with its header cells' scope) so a
 * screen reader reads it in order and a table by its headers, in the language it is written in,
 * with its title shown for its name. The text is set in DejaVu Sans, embedded (only the letters
 * used), so any name or word a service manager writes prints as written. The fonts are read and
 * parsed once per process (`fontkit`, which pdfkit uses): parsing them for each document was most of
 * its time. Both are loaded when the first PDF is asked for, not at start: most of the service's
 * processes never make one, and pdfkit, fontkit and the fonts' code hold about 20 MB (issue 9).
 */

export type PdfBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'quote'; readonly text: string }
  /** A table of figures: its caption, the header row, and rows whose first cell heads the row. */
  | { readonly kind: 'table'; readonly caption: string; readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] }

export interface PdfReport {
  readonly title: string
  /** The document's language, as a BCP 47 tag ("en-GB"). */
  readonly language: string
  readonly blocks: readonly PdfBlock[]
}

const fontFiles = createRequire(import.meta.url)
let fonts: Promise<{ regular: Font; bold: Font }> | undefined
function fontsOnce(): Promise<{ regular: Font; bold: Font }> {
  fonts ??= import('fontkit').then(({ create }) => {
    const fontOf = (file: string): Font => {
      const font = create(readFileSync(fontFiles.resolve(`dejavu-fonts-ttf/ttf/${file}`)))
      if (!('layout' in font)) throw new Error(`${file} is a collection, not a font`)
      return font
    }
    return { regular: fontOf('DejaVuSans.ttf'), bold: fontOf('DejaVuSans-Bold.ttf') }
  })
  return fonts
}

/** A header cell, with the scope pdfkit writes into the tag for a screen reader (its types leave it out). */
interface HeaderCell extends PDFKit.Mixins.CellOptions {
  readonly scope: 'Row' | 'Column'
}

/** A table tagged under its section (pdfkit's `structParent`, which its types leave out). */
interface AccessibleTable extends PDFKit.Mixins.TableOptionsWithData {
  readonly structParent: PDFKit.PDFStructureElement
}

const HEADING_SIZE = { 1: 22, 2: 16, 3: 12 } as const
const BODY_SIZE = 10.5
const TABLE_SIZE = 9

export async function toPdf(report: PdfReport): Promise<Buffer> {
  const [{ default: PDFDocument }, { regular, bold }] = await Promise.all([import('pdfkit'), fontsOnce()])
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    tagged: true,
    lang: report.language,
    displayTitle: true,
    info: { Title: report.title, Creator: 'Alongside' },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  // pdfkit takes a parsed font (anything with `layout`), though its types name only files and bytes.
  doc.registerFont('body', regular as unknown as Buffer)
  doc.registerFont('bold', bold as unknown as Buffer)

  const root = doc.struct('Document')
  doc.addStructure(root)
  for (const block of report.blocks) {
    switch (block.kind) {
      case 'heading': {
        if (block.level < 3 && doc.y > doc.page.height * 0.75) doc.addPage()
        doc.moveDown(block.level === 1 ? 0 : 0.6)
        root.add(doc.struct(`H${block.level}`, {}, () => doc.font('bold').fontSize(HEADING_SIZE[block.level]).text(block.text)))
        doc.moveDown(0.3)
        break
      }
      case 'paragraph':
        root.add(doc.struct('P', {}, () => doc.font('body').fontSize(BODY_SIZE).text(block.text)))
        doc.moveDown(0.5)
        break
      case 'quote':
        root.add(doc.struct('BlockQuote', {}, () => doc.font('body').fontSize(BODY_SIZE).text(`“${block.text}”`, { indent: 12 })))
        doc.moveDown(0.5)
        break
      case 'table': {
        if (doc.y > doc.page.height - 160) doc.addPage()
        const table = doc.struct('Sect')
        root.add(table)
        table.add(doc.struct('Caption', {}, () => doc.font('bold').fontSize(BODY_SIZE).text(block.caption)))
        doc.moveDown(0.2)
        doc.font('body').fontSize(TABLE_SIZE)
        const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
        const header = (text: string, scope: 'Row' | 'Column', x: 'left' | 'right'): HeaderCell => ({ text, type: 'TH', scope, align: { x } })
        const options: AccessibleTable = {
          structParent: table,
          columnStyles: block.head.map((_, index) => (index === 0 ? '*' : Math.min(72, (width - 150) / (block.head.length - 1)))),
          defaultStyle: { borderColor: '#b1b4b6', padding: 3 },
          data: [
            block.head.map((text, index) => ({ ...header(text, 'Column', index === 0 ? 'left' : 'right'), font: { src: 'bold' } })),
            ...block.rows.map((row) =>
              row.map((text, index) => (index === 0 ? header(text, 'Row', 'left') : { text, type: 'TD' as const, align: { x: 'right' as const } })),
            ),
          ],
        }
        doc.table(options)
        table.end()
        doc.moveDown(0.8)
        break
      }
    }
  }
  root.end()
  doc.end()
  await ended
  return Buffer.concat(chunks)
}
