/** A CSV file's rows, read as a spreadsheet would (a byte order mark, quoted cells, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const body = text.replace(/^\uFEFF/, '')
  for (let index = 0; index < body.length; index++) {
    const char = body[index] as string
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"'
        index++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(cell)
      cell = ''
    } else if (char === '\r' && body[index + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      index++
    } else cell += char
  }
  return rows
}

/** A file the service sends for a spreadsheet: it starts with a byte order mark, so Excel reads UTF-8; its rows. */
export function csvFileRows(text: string): string[][] {
  if (!text.startsWith('\uFEFF')) throw new Error('The CSV has no byte order mark, so Excel would not read it as UTF-8')
  return parseCsv(text)
}

/** The cells of a published table or file that show a count from 1 to 4 (the first column names the row). */
export function smallNumbersShown(rows: readonly (readonly string[])[]): string[] {
  return rows.flatMap((row) =>
    row
      .slice(1)
      .filter((cell) => /^[1-4]$/.test(cell))
      .map((cell) => `${row[0]}: ${cell}`),
  )
}
