/**
 * A fixed set of choices with the words people see for each: its stored values (for a schema), its
 * labels (for a template) and a lookup that answers '' for anything unknown.
 */
export function labelled<const T extends string>(labels: Readonly<Record<T, string>>) {
  const values = Object.keys(labels) as [T, ...T[]]
  return { values, labels, label: (value: string | null | undefined): string => (value && value in labels ? labels[value as T] : '') }
}

/** The stored values of a vocabulary, as a type: `ValueOf<typeof meetingTypes>`. */
export type ValueOf<T extends { readonly values: readonly string[] }> = T['values'][number]
