import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { bankHolidayChangeKinds, bankHolidayOn, bankHolidayRegions, bankHolidaysBetween, type BankHoliday } from '../../platform/time/bank-holidays.ts'
import { addDays, inWords, isWeekend } from '../../platform/time/calendar.ts'
import { londonDate } from '../../platform/time/clock.ts'
import { BankHolidayChangeRefused, changeOf, type ListedBankHolidayChange, type NewBankHolidayChange } from './bank-holiday-change.ts'
import * as repository from './repository.ts'
import { regionValue } from './settings.ts'

/**
 * The bank holidays an authority's due dates skip: its region's, as the rules give them, with the
 * one-off changes a system admin keeps (a day announced since, a holiday moved). A change belongs
 * to no authority: a bank holiday is the same for every authority in its part of the UK.
 */

function requireSystemAdmin(caller: Caller): void {
  if (!hasRole(caller.user, 'system_admin')) throw new ForbiddenError('Only a system admin can change the settings')
}

/** The authority's bank holidays in the next 12 months, and every change a system admin has made (in any region). */
export async function bankHolidays(
  context: ServiceContext,
  authorityId: string,
): Promise<{ region: string; upcoming: BankHoliday[]; changes: ListedBankHolidayChange[] }> {
  const region = regionValue((await repository.settingsOf(context.db, authorityId)).get('bankHolidayRegion'))
  const rows = await repository.bankHolidayChanges(context.db)
  const today = londonDate(context.clock.now())
  const until = addDays(today, 365)
  const year = Number(today.slice(0, 4))
  return {
    region: bankHolidayRegions.label(region),
    upcoming: bankHolidaysBetween(region, year, year + 1, rows.map(changeOf)).filter((holiday) => holiday.date >= today && holiday.date <= until),
    changes: rows.map((row) => ({
      id: row.id,
      date: row.on_date,
      region: bankHolidayRegions.label(row.region),
      change: bankHolidayChangeKinds.label(row.change),
      name: row.name,
    })),
  }
}

/**
 * Records a bank holiday the rules do not know (a one-off announced since), or takes away one
 * they give that is not (a holiday moved), in each region chosen. It applies to every authority there.
 */
export async function addBankHolidayChange(context: ServiceContext, caller: Caller, change: NewBankHolidayChange): Promise<void> {
  requireSystemAdmin(caller)
  const when = inWords(change.date)
  if (change.change === 'added' && isWeekend(change.date)) {
    throw new BankHolidayChangeRefused('date', `${when} is at a weekend: enter the weekday people have off instead`)
  }
  await context.db.transaction().execute(async (trx) => {
    const made = (await repository.bankHolidayChanges(trx)).map(changeOf)
    for (const region of change.regions) {
      const where = bankHolidayRegions.label(region)
      if (made.some((existing) => existing.region === region && existing.date === change.date)) {
        throw new BankHolidayChangeRefused('date', `${when} has already been changed in ${where}: remove that change first`)
      }
      const known = bankHolidayOn(region, change.date, made)
      if (change.change === 'added' && known) throw new BankHolidayChangeRefused('date', `${when} is already a bank holiday in ${where} (${known.name})`)
      if (change.change === 'removed' && !known) throw new BankHolidayChangeRefused('date', `${when} is not a bank holiday in ${where}`)
    }
    for (const region of change.regions) {
      const id = await repository.insertBankHolidayChange(trx, {
        region,
        on_date: change.date,
        change: change.change,
        name: change.name,
        created_by: caller.user.id,
      })
      if (!id) throw new BankHolidayChangeRefused('date', `${when} has already been changed in ${bankHolidayRegions.label(region)}: remove that change first`)
      await recordAudit(trx, auditActorOf(caller), {
        action: 'settings.bank-holiday-changed',
        recordType: 'bank_holiday_change',
        recordId: id,
        details: { region, date: change.date, change: change.change, name: change.name },
      })
    }
  })
}

/** Takes a change away: the rules' own answer for that day stands again. */
export async function removeBankHolidayChange(context: ServiceContext, caller: Caller, id: string): Promise<void> {
  requireSystemAdmin(caller)
  if (!isId(id)) throw new NotFoundError('No such change to the bank holidays')
  await context.db.transaction().execute(async (trx) => {
    const removed = await repository.deleteBankHolidayChange(trx, id)
    if (!removed) throw new NotFoundError('No such change to the bank holidays')
    await recordAudit(trx, auditActorOf(caller), {
      action: 'settings.bank-holiday-change-removed',
      recordType: 'bank_holiday_change',
      recordId: id,
      details: { region: removed.region, date: removed.on_date, change: removed.change, name: removed.name },
    })
  })
}
