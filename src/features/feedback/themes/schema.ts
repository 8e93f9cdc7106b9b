import { z } from 'zod'
import { oneOf, recordVersion, requiredText } from '../../../platform/http/form-fields.ts'
import { THEME_NAME_MAX } from '../themes.ts'

const name = requiredText('Enter the name of the theme', 'The name of the theme', THEME_NAME_MAX)

/** A new theme: its name. */
export const newThemeSchema = z.object({ name })

/** A change to a theme: its name, whether it is still used, and the version the page was opened at. */
export const themeSchema = z.object({
  name,
  status: oneOf(['in_use', 'retired'], 'Select whether the theme is still used').transform((status) => status === 'retired'),
  version: recordVersion(),
})
