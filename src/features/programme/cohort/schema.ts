import { z } from 'zod'
import { chosenAdvocate } from '../choice-schema.ts'

export const addMemberSchema = z.object({ advocateId: chosenAdvocate('Select who to add to the cohort') })
