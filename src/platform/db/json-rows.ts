/**
 * Rows read back from JSON (`to_json`), as pg itself would have given them. A query that reads a
 * record and the records beside it in one statement (issue 9) carries each of those as JSON, and
 * JSON carries a timestamp as text: each of the row's timestamp columns is made a Date again. The
 * rest already come back as pg's parsers give them here: a `date` and a time of day as text,
 * numbers as numbers, arrays as arrays, `json` as its value.
 */

/** The columns of a row whose values are timestamps. */
type TimestampColumns<T> = { [K in keyof T]-?: NonNullable<T[K]> extends Date ? K : never }[keyof T]

/**
 * Names every timestamp column of a row, and nothing else: the type checker refuses a list that
 * misses one the schema has, so a column added later cannot come back as text.
 */
export type Timestamps<T> = Readonly<Record<TimestampColumns<T>, true>>

/** The row a JSON object holds (null when the record is not there), its timestamps as Dates. */
export function rowFromJson<T>(json: unknown, timestamps: Timestamps<T>): T | undefined {
  if (json === null || json === undefined) return undefined
  if (typeof json !== 'object') throw new TypeError('A row read as JSON is an object')
  const row: Record<string, unknown> = { ...json }
  for (const column of Object.keys(timestamps)) {
    const value = row[column]
    if (typeof value === 'string') row[column] = new Date(value)
  }
  return row as T
}

/** The rows a JSON array holds (`jsonArrayFrom`), in its order, each as `rowFromJson` gives it. */
export function rowsFromJson<T>(json: unknown, timestamps: Timestamps<T>): T[] {
  if (json === null || json === undefined) return []
  if (!Array.isArray(json)) throw new TypeError('Rows read as JSON are an array')
  return json.map((row: unknown) => {
    const read = rowFromJson<T>(row, timestamps)
    if (read === undefined) throw new TypeError('A row read as JSON is an object')
    return read
  })
}
