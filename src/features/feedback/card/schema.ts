import { z } from 'zod'
import { requiredTextKey } from '../../public/fields.ts'

/** The code typed from a card: any text up to a length, checked by the service (a wrong shape opens nothing). Messages are catalogue keys. */
export const codeSchema = z.object({
  code: requiredTextKey(40, { required: 'feedback:card.errors.empty', tooLong: 'feedback:card.errors.code' }),
})
