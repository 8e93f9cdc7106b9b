import { z } from 'zod'
import { emailAddress } from '../../../platform/http/form-fields.ts'

export const signInSchema = z.object({
  email: emailAddress({ required: 'Enter their email address', format: 'Enter an email address in the correct format, like name@example.com' }),
})
