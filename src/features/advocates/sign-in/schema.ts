import { z } from 'zod'
import { requiredText } from '../../../platform/http/form-fields.ts'

export const signInSchema = z.object({
  email: requiredText('Enter their email address', 'Email address', 320).pipe(
    z.email({ error: 'Enter an email address in the correct format, like name@example.com' }),
  ),
})
