import { z } from 'zod'
import { roles } from '../../../platform/auth/roles.ts'
import { oneOf, requiredText, someIds, someOf, recordVersion } from '../../../platform/http/form-fields.ts'

const accountFields = {
  displayName: requiredText('Enter their full name', 'Full name', 200),
  email: requiredText('Enter their email address', 'Email address', 320).pipe(
    z.email({ error: 'Enter an email address in the correct format, like name@example.gov.uk' }),
  ),
  roles: someOf(roles, 'Select roles from the list').refine((chosen) => chosen.length > 0, 'Select at least one role'),
  teamIds: someIds('Select teams from the list'),
}

export const newAccountSchema = z.object(accountFields)

export const accountSchema = z.object({
  ...accountFields,
  active: oneOf(['yes', 'no'], 'Select whether the account can be used').transform((answer) => answer === 'yes'),
  version: recordVersion(),
})
