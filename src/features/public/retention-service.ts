import { recordAudit } from '../../platform/audit/audit.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import * as repository from './enquiry-repository.ts'
import { ENQUIRY_RETENTION_MONTHS, keptUntil } from './enquiry.ts'

/**
 * Closed enquiries are deleted once they have been kept long enough (`ENQUIRY_RETENTION_MONTHS`, or
 * the `PUBLIC_ENQUIRY_RETENTION_MONTHS` setting): a job, run daily once it is scheduled. Safe to run
 * twice and from two processes at once: each authority's enquiries go in one statement in a
 * transaction of their own, and a second run finds nothing left to delete. Each authority's trail
 * records how many, never who. Open enquiries are never touched, however old.
 *
 * Applications to become a parent advocate are not kept here: each becomes an applicant in the
 * coordinator's pipeline (the advocates feature), which keeps it as long as the person is in it.
 */
export async function cleanUpClosedEnquiries(context: ServiceContext, now: Date, options: { retentionMonths?: number } = {}): Promise<number> {
  const retentionMonths = options.retentionMonths ?? ENQUIRY_RETENTION_MONTHS
  const closedBefore = keptUntil(now, retentionMonths)
  let deleted = 0
  for (const authorityId of await repository.authoritiesWithEnquiriesClosedBefore(context.db, closedBefore)) {
    deleted += await context.db.transaction().execute(async (trx) => {
      const count = await repository.deleteEnquiriesClosedBefore(trx, authorityId, closedBefore)
      if (count > 0) {
        await recordAudit(
          trx,
          { userId: null, authorityId, ip: null },
          { action: 'enquiry.cleaned-up', recordType: 'advocacy_enquiry', details: { count, closedBefore: closedBefore.toISOString(), retentionMonths } },
        )
      }
      return count
    })
  }
  return deleted
}
