/**
 * @pure
 *
 * The themes the service codes what families wrote with, for the quarterly participation group
 * (the participation protocol's "themes and issues arising from participation"): the list each
 * service starts with, and the longest name and quote kept.
 */

/** The list a service starts with, the first time its themes are opened: the enquiry's and protocol's own words. */
export const STARTING_THEMES = [
  'Felt listened to',
  'Did not feel listened to',
  'Reports late',
  'Jargon',
  'Chair met me first',
  'Advocate helped',
  'Understood what was decided',
  'Meeting felt too big',
  'Wanted more time',
  'Interpreter or language',
] as const

export const THEME_NAME_MAX = 80

/** The longest quote kept: no longer than the answer it comes from. */
export const QUOTE_MAX = 1000

/** A theme's name as kept: spaces at either end and runs of spaces inside taken out. */
export function tidyThemeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ')
}
