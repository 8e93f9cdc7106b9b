/**
 * The lists a referral is opened from, so its page can go back to the right one ("Back to my
 * team's work", not "Back to my work"). A referral's address says which (`?from=team`); anything
 * else goes back to "My work". Only these values are read: nothing sent chooses where "Back" goes.
 */

export const lists = {
  mine: { path: '/', back: 'Back to my work' },
  team: { path: '/team-work', back: 'Back to my team’s work' },
  made: { path: '/referrals-made', back: 'Back to referrals I’ve made' },
} as const

export type ListName = keyof typeof lists

/** A referral's address, opened from this list. */
export function referralFrom(referralId: string, list: ListName): string {
  return list === 'mine' ? `/referrals/${referralId}` : `/referrals/${referralId}?from=${list}`
}

/** The list a referral was opened from, from its address's `from`: "My work" unless it names another. */
export function listFrom(from: unknown): (typeof lists)[ListName] {
  return from === 'team' || from === 'made' ? lists[from] : lists.mine
}
