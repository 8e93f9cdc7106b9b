import { z } from 'zod'
import { PASSWORD_MAX_LENGTH } from '../../../platform/auth/passwords.ts'
import { emailAddress } from '../../../platform/http/form-fields.ts'

export const signInSchema = z.object({
  email: emailAddress({ required: 'Enter your email address', format: 'Enter an email address in the correct format, like name@example.com' }),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(PASSWORD_MAX_LENGTH, 'Enter a correct email address and password'),
})
