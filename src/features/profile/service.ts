import { bindService, type BoundService, type ServiceContext } from '../../platform/service-context.ts'
import * as profileService from './profile-service.ts'

export type ProfileService = BoundService<typeof profileService, ServiceContext>

export function profileServiceFor(context: ServiceContext): ProfileService {
  return bindService(context, profileService)
}
