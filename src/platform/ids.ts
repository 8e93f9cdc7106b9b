const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whether a value from a URL or a form can be a record's id (anything else is "not found"). */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}
