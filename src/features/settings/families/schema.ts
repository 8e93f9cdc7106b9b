import { z } from 'zod'
import { recordVersion, yesNo } from '../../../platform/http/form-fields.ts'

export const familyRulesSchema = z.object({
  socialWorkersShownToFamilies: yesNo('Select yes if social workers may show families their photo and introduction'),
  /** The version of the authority's settings the page was opened on. */
  version: recordVersion(),
})
