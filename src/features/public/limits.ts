/**
 * @pure
 *
 * How much anyone may send from the public pages, so that nobody can fill the FGC Advocacy Admin
 * team's worktray or the coordinator's pipeline. Three layers, each cheaper to pass than the next:
 *
 * 1. every public page: the platform's per-address limit a minute (`PUBLIC_PAGES_PER_MINUTE`);
 * 2. each form's post, sent or refused: `POSTS_PER_HOUR` from one address (in each process's memory);
 * 3. what is accepted, counted in the database (so every process and restart agrees): a few a day
 *    from one address, and a ceiling a day for the authority, past which the form asks people to
 *    phone or email instead of filling the worktray without end.
 *
 * An IPv6 address counts by its /64, the block one home or phone is given, so a flood cannot
 * step through the addresses of its own block.
 */

import type { PublicForm } from '../../vocabulary/enquiries.ts'

/** Posts of one public form (with mistakes, or not) from one address in an hour. */
export const POSTS_PER_HOUR = 10

/** Forms accepted from one address in a day. */
export const ACCEPTED_PER_ADDRESS_PER_DAY: Readonly<Record<PublicForm, number>> = { enquiry: 3, application: 2 }

/** Forms accepted for one authority in a day, from every address together. */
export const ACCEPTED_PER_AUTHORITY_PER_DAY: Readonly<Record<PublicForm, number>> = { enquiry: 100, application: 30 }

/** How long receipts are kept: long enough to count a day. */
export const RECEIPT_KEPT_HOURS = 48

/** Why a form was not accepted, if it was not. */
export type Refusal = 'address' | 'authority'

/** Whether one more form may be accepted, given what has been accepted in the last day. */
export function refusalFor(form: PublicForm, fromAddressToday: number, forAuthorityToday: number): Refusal | null {
  if (fromAddressToday >= ACCEPTED_PER_ADDRESS_PER_DAY[form]) return 'address'
  if (forAuthorityToday >= ACCEPTED_PER_AUTHORITY_PER_DAY[form]) return 'authority'
  return null
}

/** The eight groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(address: string): string[] | null {
  const text = address.toLowerCase().replace(/%.*$/, '')
  if (!/^[0-9a-f:.]+$/.test(text) || !text.includes(':')) return null
  const halves = text.split('::')
  if (halves.length > 2) return null
  const partsOf = (half: string | undefined): string[] | null => {
    if (!half) return []
    const parts = half.split(':')
    const last = parts[parts.length - 1] ?? ''
    if (last.includes('.')) {
      const octets = last.split('.').map(Number)
      if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet) || octet < 0 || octet > 255)) return null
      const [a = 0, b = 0, c = 0, d = 0] = octets
      parts.splice(parts.length - 1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16))
    }
    return parts.every((part) => /^[0-9a-f]{1,4}$/.test(part)) ? parts : null
  }
  const head = partsOf(halves[0])
  const tail = partsOf(halves[1])
  if (!head || !tail) return null
  if (halves.length === 1) return head.length === 8 ? head : null
  const missing = 8 - head.length - tail.length
  if (missing < 1) return null
  return [...head, ...Array<string>(missing).fill('0'), ...tail].map((part) => part.replace(/^0+(?=.)/, ''))
}

/**
 * The address a public form is counted against: an IPv4 address as it is (an IPv4 address written
 * as IPv6, `::ffff:192.0.2.1`, as IPv4), an IPv6 address by its /64. Anything else counts as itself.
 */
export function addressKey(ip: string): string {
  const groups = ipv6Groups(ip)
  if (!groups) return ip.toLowerCase()
  const isMappedIpv4 = groups.slice(0, 5).every((group) => group === '0') && groups[5] === 'ffff'
  if (isMappedIpv4) {
    const [high = 0, low = 0] = groups.slice(6).map((group) => parseInt(group, 16))
    return [high >> 8, high & 255, low >> 8, low & 255].join('.')
  }
  return `${groups.slice(0, 4).join(':')}::/64`
}
