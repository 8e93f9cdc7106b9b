import { z } from 'zod'
import { requiredText } from '../../../platform/http/form-fields.ts'

export const teamSchema = z.object({ name: requiredText('Enter the name of the team', 'Team name', 100) })
