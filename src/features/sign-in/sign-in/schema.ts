import { z } from 'zod'
import { PASSWORD_MAX_LENGTH } from '../../../platform/auth/passwords.ts'
import { cleanText } from '../../../platform/http/form-fields.ts'

export const signInSchema = z.object({
  email: z.preprocess(
    cleanText,
    z.string({ error: 'Enter your email address' }).min(1, 'Enter your email address').max(320, 'Enter a correct email address and password'),
  ),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(PASSWORD_MAX_LENGTH, 'Enter a correct email address and password'),
})
