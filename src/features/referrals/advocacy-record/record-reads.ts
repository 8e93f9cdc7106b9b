import type { Queryable } from '../../../platform/db/schema.ts'
import type { ContactMethod } from '../../../vocabulary/referrals.ts'
import * as repository from './advocacy-record-repository.ts'

/** What the advocacy record holds, read inside a caller's transaction (the referral's page, the advocate's pages). */

export interface Contact {
  readonly contactedOn: string
  readonly method: ContactMethod
  readonly minutes: number | null
  readonly notes: string | null
}

export interface PersonViews {
  readonly views: string | null
  readonly personAgreedToShare: boolean
  readonly agreedOn: string | null
  readonly sharedAt: Date | null
  readonly version: number
}

export const noViews: PersonViews = { views: null, personAgreedToShare: false, agreedOn: null, sharedAt: null, version: 0 }

/** The advocate's contacts with the person, for the advocacy record. */
export async function contactsOf(trx: Queryable, authorityId: string, referralId: string): Promise<Contact[]> {
  return (await repository.contactsOf(trx, authorityId, referralId)).map(contactFrom)
}

/** A contact as `contactsOf` reads it (the referral's page reads the rows with the referral). */
export function contactFrom(row: Awaited<ReturnType<typeof repository.contactsOf>>[number]): Contact {
  return { contactedOn: row.contacted_on, method: row.method, minutes: row.minutes, notes: row.notes }
}

/** The person's views, whether they agree to share them, and when they were shared. */
export async function viewsOf(trx: Queryable, authorityId: string, referralId: string): Promise<PersonViews> {
  return viewsFrom(await repository.findViews(trx, authorityId, referralId))
}

/** The views as `viewsOf` reads them, from the row (undefined: none recorded yet). */
export function viewsFrom(row: Awaited<ReturnType<typeof repository.findViews>>): PersonViews {
  return row
    ? { views: row.views, personAgreedToShare: row.person_agreed_to_share, agreedOn: row.agreed_on, sharedAt: row.shared_at, version: row.version }
    : noViews
}
