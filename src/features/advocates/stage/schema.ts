import { z } from 'zod'
import { oneOf, recordVersion } from '../../../platform/http/form-fields.ts'
import { stages } from '../../../vocabulary/advocates.ts'

export const stageSchema = z.object({ stage: oneOf(stages.values, 'Select a stage'), version: recordVersion() })
