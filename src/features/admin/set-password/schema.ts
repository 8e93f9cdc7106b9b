import { z } from 'zod'
import type { PasswordOwner } from '../../../platform/auth/passwords.ts'
import { newPasswordFields, newPasswordRules } from '../password-schema.ts'

/** Choosing a password from a link: the rule knows whose account it is from the link. */
export function setPasswordSchema(holder: PasswordOwner) {
  return z.object(newPasswordFields).superRefine(newPasswordRules(() => holder))
}
