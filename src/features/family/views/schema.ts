import { z } from 'zod'

/** Yes or no to sharing their views, with the views' version the page was opened at. Messages are family catalogue keys. */
export const shareSchema = z.object({
  share: z.enum(['yes', 'no'], { error: 'views.error.choose' }),
  version: z.preprocess(
    (value) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value),
    z.number({ error: 'views.error.changed' }).int().min(0),
  ),
})
