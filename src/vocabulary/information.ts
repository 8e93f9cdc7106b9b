import { labelled, type ValueOf } from './labelled.ts'

/**
 * The information pages the service keeps for families (issue 10), each at `/information/<page>`,
 * named here as staff see them in the editor. A family reads each page's own title, in their language.
 */
export const informationPages = labelled({
  advocates: 'What an advocate does',
  conference: 'What happens at a child protection conference',
  plan: 'A child protection plan',
  rights: 'Your rights, and how to complain',
})
export type InformationPage = ValueOf<typeof informationPages>

export function isInformationPage(value: unknown): value is InformationPage {
  return typeof value === 'string' && (informationPages.values as readonly string[]).includes(value)
}
