import type { Cell } from './csv.ts'

/**
 * Rows as an Excel workbook of one sheet, by `write-excel-file` (ADR 22). Numbers are number cells
 * and text is text cells: a workbook never runs a text cell as a formula, whatever it starts with.
 * The library is loaded when the first workbook is asked for, not at start (issue 9).
 */
export async function toXlsx(rows: readonly (readonly Cell[])[], sheet: string): Promise<Buffer> {
  const data = rows.map((row) =>
    row.length === 0
      ? [null]
      : row.map((cell) => (cell === null ? null : typeof cell === 'number' ? { value: cell, type: Number } : { value: cell, type: String })),
  )
  const { default: writeXlsxFile } = await import('write-excel-file/node')
  return writeXlsxFile(data, { sheet }).toBuffer()
}
