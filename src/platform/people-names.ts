/** A person's name as the service writes it: given name, then family name. */
export function fullName(person: { given_name: string | null; family_name: string | null }): string {
  return `${person.given_name ?? ''} ${person.family_name ?? ''}`.trim()
}
