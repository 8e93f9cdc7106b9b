import type { Row } from '../../platform/db/schema.ts'
import type { BankHolidayChange, BankHolidayChangeKind, BankHolidayRegion } from '../../platform/time/bank-holidays.ts'

/** A change a system admin makes to the bank holidays: what it is, and why one can be refused. */

/** A change to the bank holidays that would make no sense: the message names the field it is about. */
export class BankHolidayChangeRefused extends Error {
  override name = 'BankHolidayChangeRefused'
  readonly field: string

  constructor(field: string, message: string) {
    super(message)
    this.field = field
  }
}

export interface NewBankHolidayChange {
  readonly date: string
  readonly regions: readonly BankHolidayRegion[]
  readonly change: BankHolidayChangeKind
  readonly name: string
}

/** A bank holiday as the settings page lists it. */
export interface ListedBankHolidayChange {
  readonly id: string
  readonly date: string
  readonly region: string
  readonly change: string
  readonly name: string
}

export function changeOf(row: Pick<Row<'bank_holiday_change'>, 'region' | 'on_date' | 'change' | 'name'>): BankHolidayChange {
  return { region: row.region, date: row.on_date, change: row.change, name: row.name }
}
