import { z } from 'zod'
import { newPasswordFields, passwordsMatch } from '../password-schema.ts'

export const setPasswordSchema = z.object(newPasswordFields).superRefine(passwordsMatch)
