import { z } from 'zod'

/** Which page of "Who has seen this record": from the address bar; anything unexpected is the first. */
export const seenByQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) })
