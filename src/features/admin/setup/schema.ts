import { z } from 'zod'
import { emailAddress, requiredText } from '../../../platform/http/form-fields.ts'
import { newPasswordFields, newPasswordRules } from '../password-schema.ts'

export const setupSchema = z
  .object({
    authorityName: requiredText('Enter the name of your local authority', 'Name of your local authority', 200),
    displayName: requiredText('Enter your full name', 'Full name', 200),
    email: emailAddress({ required: 'Enter your email address', format: 'Enter an email address in the correct format, like name@example.gov.uk' }),
    ...newPasswordFields,
  })
  .superRefine(newPasswordRules((form) => ({ email: form.email, displayName: form.displayName, authorityName: form.authorityName })))
