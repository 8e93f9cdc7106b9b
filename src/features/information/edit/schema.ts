import { z } from 'zod'
import { oneOf, recordVersion, requiredText } from '../../../platform/http/form-fields.ts'
import { parseMarkup } from '../markup.ts'

export const TITLE_LIMIT = 120
export const TEXT_LIMIT = 10_000

/** An information page's next version, to preview or publish. */
export const pageSchema = z.object({
  title: requiredText('Enter a title', 'Title', TITLE_LIMIT),
  body: requiredText('Enter the page’s text', 'Text', TEXT_LIMIT).refine((body) => parseMarkup(body).length > 0, 'Enter the page’s text'),
  writtenWithParents: z.preprocess((value) => value === 'yes', z.boolean()),
  version: recordVersion(),
  action: oneOf(['preview', 'publish'], 'Choose to preview the page or publish it'),
})
