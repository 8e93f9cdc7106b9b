import { z } from 'zod'
import { optionalText, recordVersion, yesNo } from '../../../platform/http/form-fields.ts'

/** A few sentences, as an advocate's "about me" is: who they are, and how they work with families. */
export const INTRODUCTION_MAX_LENGTH = 600

export const forFamiliesSchema = z.object({
  introduction: optionalText('Your introduction', INTRODUCTION_MAX_LENGTH),
  shownToFamilies: yesNo('Select yes if families you refer may see your photo and introduction'),
  version: recordVersion(),
})
