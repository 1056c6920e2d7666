import { Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam, ListRoute, PageQuery } from '@app/core';
import { Actor, Allow, ALL_ROLES, CurrentActor } from '@app/access';
import { NotificationView } from './notification';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @ListRoute(undefined, { operationId: 'listMyNotifications', summary: 'My notifications, unread first, newest first', item: NotificationView })
  @Allow(...ALL_ROLES)
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    return this.notifications.listMine(actor.userId, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Allow(...ALL_ROLES)
  @ApiOperation({ operationId: 'markNotificationRead', summary: "Mark one of my notifications read; another user's is a 404" })
  @ApiOkResponse({ type: NotificationView })
  read(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<NotificationView> {
    return this.notifications.markRead(actor.userId, id);
  }
}
