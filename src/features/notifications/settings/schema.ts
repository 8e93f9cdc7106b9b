import { z } from 'zod'
import { recordVersion, yesNo } from '../../../platform/http/form-fields.ts'

export const preferenceSchema = z.object({
  email: yesNo('Select whether you want an email as well'),
  version: recordVersion(),
})
