/**
 * @pure
 *
 * Rows as CSV (RFC 4180) that a spreadsheet opens safely. A cell a spreadsheet would read as a
 * formula (one starting with = + - @, a tab or a carriage return) is given a leading apostrophe, as
 * OWASP advises against CSV injection, so it is shown as text and never run. Numbers are written as
 * numbers (a negative change stays a number). Every cell is quoted when it holds a comma, a quote or
 * a line break. Lines end CRLF; a byte order mark lets Excel read the UTF-8.
 */

export type Cell = string | number | null

const FORMULA_START = /^[=+\-@\t\r]/

/** A text cell made safe to open: a formula's first character is kept from being read as one. */
export function defused(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

function field(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  const text = defused(cell)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n'
}
