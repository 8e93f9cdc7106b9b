import { z } from 'zod'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../platform/auth/passwords.ts'

/** A new password: long rather than complicated (NCSC guidance), typed the same twice. */
export const newPasswordFields = {
  password: z
    .string({ error: 'Enter a password' })
    .min(1, 'Enter a password')
    .min(PASSWORD_MIN_LENGTH, `Password must be ${PASSWORD_MIN_LENGTH} characters or more`)
    .max(PASSWORD_MAX_LENGTH, `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`),
  confirmPassword: z.string({ error: 'Enter the password again' }).min(1, 'Enter the password again'),
}

export function passwordsMatch(form: { password: string; confirmPassword: string }, context: z.RefinementCtx): void {
  if (form.password !== form.confirmPassword) {
    context.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'Enter the same password twice' })
  }
}
