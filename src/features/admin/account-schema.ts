import { z } from 'zod'
import { roleNames, roles } from '../../platform/auth/roles.ts'
import { emailAddress, oneOf, recordVersion, requiredText, someIds, someOf } from '../../platform/http/form-fields.ts'

/** The questions about an account, shared by "Add a user" and "Change a user". */
export const accountFields = {
  displayName: requiredText('Enter their full name', 'Full name', 200),
  email: emailAddress({ required: 'Enter their email address', format: 'Enter an email address in the correct format, like name@example.gov.uk' }),
  roles: someOf(roles, 'Select roles from the list').refine((chosen) => chosen.length > 0, 'Select at least one role'),
  teamIds: someIds('Select teams from the list'),
}

export const newAccountSchema = z.object(accountFields)

export const accountSchema = z.object({
  ...accountFields,
  active: oneOf(['yes', 'no'], 'Select whether the account can be used').transform((answer) => answer === 'yes'),
  version: recordVersion(),
})

export const roleOptions = roles.map((role) => ({ value: role, text: roleNames[role] }))

/** An account form's answers to show: checkbox answers are lists, whether one, several or none came back. */
export function accountValues(values: Record<string, unknown>): Record<string, unknown> {
  const list = (value: unknown) => (value === undefined ? [] : [value].flat())
  return { ...values, roles: list(values['roles']), teamIds: list(values['teamIds']) }
}
