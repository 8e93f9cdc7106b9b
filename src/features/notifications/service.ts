import { bindService, type BoundService } from '../../platform/service-context.ts'
import * as notificationsService from './notifications-service.ts'
import type { NotificationsContext } from './notifications-service.ts'

export type NotificationsService = BoundService<typeof notificationsService, NotificationsContext>

export function notificationsServiceFor(context: NotificationsContext): NotificationsService {
  return bindService(context, notificationsService)
}

export type { NotificationsContext }
