import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** What a reader of a PDF gets: its title and language, each page's text, and its tags in reading order. */
export interface ReadPdf {
  readonly title: string
  readonly language: string
  readonly pages: number
  /** The text of every page, one line per run of text, in order. */
  readonly text: string
  /** Every tag of the structure tree, depth first ("H1", "Table", "TH", …), as a screen reader walks it. */
  readonly tags: readonly string[]
}

interface StructNode {
  readonly role?: string
  readonly children?: readonly StructNode[]
}

function tagsOf(node: StructNode | null | undefined): string[] {
  if (!node) return []
  return [...(node.role ? [node.role] : []), ...(node.children ?? []).flatMap((child) => tagsOf(child))]
}

/** Reads a PDF as pdf.js (Firefox's reader) does. */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const loading = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false })
  const pdf = await loading.promise
  try {
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Language?: string } }
    const lines: string[] = []
    const tags: string[] = []
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number)
      const content = await page.getTextContent()
      for (const item of content.items) if ('str' in item && item.str.trim() !== '') lines.push(item.str)
      tags.push(...tagsOf((await page.getStructTree()) as StructNode))
    }
    return { title: info.Title ?? '', language: info.Language ?? '', pages: pdf.numPages, text: lines.join('\n'), tags }
  } finally {
    await loading.destroy()
  }
}
