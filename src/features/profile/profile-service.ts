import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { ConflictError, ForbiddenError } from '../../platform/errors.ts'
import { PHOTO_MAX_BYTES, PhotoRefusedError, type PhotoType } from '../../platform/images/photo.ts'
import { remadePhoto } from '../../platform/images/photo-image.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { familyRulesFor } from '../settings/family-rules-service.ts'
import * as repository from './profile-repository.ts'

/**
 * A social worker's photo and introduction for the families they refer (issue 10). Theirs alone to
 * write and to show; families see them only when the social worker chooses and their authority lets
 * families see social workers (`/admin/settings/families`). An advocate's are on their advocate
 * record, kept by the coordinator.
 */

export interface OwnProfile {
  readonly introduction: string | null
  readonly shownToFamilies: boolean
  readonly hasPhoto: boolean
  readonly version: number
  /** Whether the authority lets families see social workers at all. */
  readonly authorityAllows: boolean
}

function requireSocialWorker(caller: Caller): void {
  if (!hasRole(caller.user, 'referrer')) throw new ForbiddenError('Only a social worker who refers families has a page for families')
}

/** The caller's own profile (a new one if they have none yet), and whether their authority shows it. */
export async function ownProfile(context: ServiceContext, caller: Caller): Promise<OwnProfile> {
  requireSocialWorker(caller)
  const [row, rules] = await Promise.all([
    repository.profileOf(context.db, caller.user.authorityId, caller.user.id),
    familyRulesFor(context, caller.user.authorityId),
  ])
  return {
    introduction: row?.introduction ?? null,
    shownToFamilies: row?.shown_to_families ?? false,
    hasPhoto: row?.has_photo ?? false,
    version: row?.version ?? 0,
    authorityAllows: rules.socialWorkersShownToFamilies,
  }
}

/** Saves the caller's introduction and whether families see it, unless another window of theirs saved since `version`. Audited. */
export async function saveOwnProfile(
  context: ServiceContext,
  caller: Caller,
  profile: { introduction: string | null; shownToFamilies: boolean },
  version: number,
): Promise<void> {
  requireSocialWorker(caller)
  await context.db.transaction().execute(async (trx) => {
    if (!(await repository.saveProfile(trx, caller.user.authorityId, caller.user.id, profile, version, context.clock.now())))
      throw new ConflictError('Your page for families changed after you opened it')
    await recordAudit(trx, auditActorOf(caller), {
      action: 'profile.changed',
      recordType: 'account',
      recordId: caller.user.id,
      details: { shownToFamilies: profile.shownToFamilies, introduction: profile.introduction !== null },
    })
  })
}

/** Keeps the caller's photo, made again from its pixels with no metadata, or removes it (`null`). */
export async function setOwnPhoto(context: ServiceContext, caller: Caller, bytes: Buffer | null): Promise<void> {
  requireSocialWorker(caller)
  let photo: { bytes: Buffer; type: PhotoType } | null = null
  if (bytes) {
    if (bytes.length > PHOTO_MAX_BYTES) throw new PhotoRefusedError('tooLarge')
    photo = await remadePhoto(bytes)
  }
  await context.db.transaction().execute(async (trx) => {
    await repository.setPhoto(trx, caller.user.authorityId, caller.user.id, photo, context.clock.now())
    await recordAudit(trx, auditActorOf(caller), {
      action: photo ? 'profile.photo-set' : 'profile.photo-removed',
      recordType: 'account',
      recordId: caller.user.id,
    })
  })
}

/** The caller's own photo, to see what families would see. */
export async function ownPhoto(context: ServiceContext, caller: Caller): Promise<{ bytes: Buffer; type: PhotoType } | undefined> {
  requireSocialWorker(caller)
  const row = await repository.photoOf(context.db, caller.user.authorityId, caller.user.id)
  return row?.photo && row.photo_type ? { bytes: row.photo, type: row.photo_type } : undefined
}

/**
 * What a family sees of their social worker beyond the name: their introduction and whether there
 * is a photo, only when the social worker chose to show them and the authority lets families see
 * social workers. The family's service audits the view as the family's.
 */
export async function shownToFamilies(
  context: ServiceContext,
  authorityId: string,
  userId: string,
  trx: Queryable = context.db,
): Promise<{ readonly introduction: string | null; readonly hasPhoto: boolean } | undefined> {
  const [row, rules] = await Promise.all([repository.profileOf(trx, authorityId, userId), familyRulesFor(context, authorityId, trx)])
  if (!row?.shown_to_families || !rules.socialWorkersShownToFamilies) return undefined
  if (!row.introduction && !row.has_photo) return undefined
  return { introduction: row.introduction, hasPhoto: row.has_photo }
}

/** The social worker's photo for a family, on the same terms as `shownToFamilies`. */
export async function photoShownToFamilies(
  context: ServiceContext,
  authorityId: string,
  userId: string,
): Promise<{ bytes: Buffer; type: PhotoType } | undefined> {
  const [row, rules] = await Promise.all([repository.photoOf(context.db, authorityId, userId), familyRulesFor(context, authorityId)])
  if (!row?.shown_to_families || !rules.socialWorkersShownToFamilies || !row.photo || !row.photo_type) return undefined
  return { bytes: row.photo, type: row.photo_type }
}
