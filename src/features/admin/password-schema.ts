import { z } from 'zod'
import { newPasswordProblem, passwordMessages, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordOwner } from '../../platform/auth/passwords.ts'

/**
 * A new password: long rather than complicated, not common, not a pattern, not built from the
 * account's own details (NCSC and NIST SP 800-63B; the rule is platform/auth/password-rules.ts),
 * typed the same twice. Every page where a password is chosen uses these.
 */
export const newPasswordFields = {
  password: z
    .string({ error: 'Enter a password' })
    .min(1, 'Enter a password')
    .min(PASSWORD_MIN_LENGTH, passwordMessages['too-short'])
    .max(PASSWORD_MAX_LENGTH, passwordMessages['too-long']),
  confirmPassword: z.string({ error: 'Enter the password again' }).min(1, 'Enter the password again'),
}

/**
 * The checks that need the whole form: the rule, for the account `ownerOf` says the password is
 * for (the page's own answers, or the holder of a link), and the two passwords the same.
 */
export function newPasswordRules<F extends { password: string; confirmPassword: string }>(ownerOf: (form: F) => PasswordOwner) {
  return (form: F, context: z.RefinementCtx): void => {
    const problem = newPasswordProblem(form.password, ownerOf(form))
    if (problem) context.addIssue({ code: 'custom', path: ['password'], message: passwordMessages[problem] })
    else if (form.password !== form.confirmPassword) context.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'Enter the same password twice' })
  }
}
