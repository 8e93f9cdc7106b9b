import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { isId } from '../../platform/ids.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { advocateOf, requireCoordinator, requireReader } from './access-service.ts'
import { PHOTO_MAX_BYTES, PhotoRefusedError, type PhotoType } from '../../platform/images/photo.ts'
import { remadePhoto } from '../../platform/images/photo-image.ts'
import * as photos from './photo-repository.ts'
import * as repository from './repository.ts'

/** The advocate's photo, shown to families with their "about me". */

/**
 * Keeps the advocate's photo, made again from its pixels with no metadata (`photo-image.ts`), or
 * removes it (`null`). An upload that is not a whole JPEG or PNG is refused (`PhotoRefusedError`).
 */
export async function setPhoto(context: ServiceContext, caller: Caller, advocateId: string, bytes: Buffer | null): Promise<void> {
  requireCoordinator(caller.user)
  let photo: { bytes: Buffer; type: PhotoType } | null = null
  if (bytes) {
    if (bytes.length > PHOTO_MAX_BYTES) throw new PhotoRefusedError('tooLarge')
    photo = await remadePhoto(bytes)
  }
  await context.db.transaction().execute(async (trx) => {
    const row = await advocateOf(trx, caller.user.authorityId, advocateId)
    await photos.setPhoto(trx, caller.user.authorityId, row.id, photo, context.clock.now())
    await recordAudit(trx, auditActorOf(caller), { action: photo ? 'advocate.photo-set' : 'advocate.photo-removed', recordType: 'advocate', recordId: row.id })
  })
}

/** The photo, for the advocacy service and the advocate themselves. Each time it is served is recorded. */
export async function photo(
  context: ServiceContext,
  caller: Caller,
  advocateId: string,
): Promise<{ bytes: Buffer; type: PhotoType; updatedAt: Date } | undefined> {
  const { db } = context
  const own =
    hasRole(caller.user, 'advocate') && isId(advocateId) ? await repository.findAdvocateByUser(db, caller.user.authorityId, caller.user.id) : undefined
  if (own?.id !== advocateId) requireReader(caller.user)
  const row = isId(advocateId) ? await photos.photoOf(db, caller.user.authorityId, advocateId) : undefined
  if (!row?.photo || !row.photo_type) return undefined
  await recordAudit(db, auditActorOf(caller), { action: 'advocate.photo-viewed', recordType: 'advocate', recordId: advocateId })
  return { bytes: row.photo, type: row.photo_type, updatedAt: row.updated_at }
}
