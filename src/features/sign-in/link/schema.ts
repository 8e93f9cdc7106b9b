import { z } from 'zod'
import { emailAddress } from '../../../platform/http/form-fields.ts'

export const signInLinkSchema = z.object({
  email: emailAddress({ required: 'Enter your email address', format: 'Enter an email address in the correct format, like name@example.com' }),
})
