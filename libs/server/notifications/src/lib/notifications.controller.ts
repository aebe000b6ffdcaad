import { Body, Controller, Get, Headers, HttpCode, type MessageEvent, Post, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import type { NotificationPage } from '@hotline/contracts';
import { CurrentUser, type AuthUser } from '@hotline/server-identity';
import { ListNotificationsDto, MarkReadDto } from './dto';
import { NotificationStream } from './notification-stream';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly stream: NotificationStream,
  ) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: ListNotificationsDto): Promise<NotificationPage> {
    return this.notifications.list(user, q);
  }

  @Post('read')
  @HttpCode(200)
  markRead(@CurrentUser() user: AuthUser, @Body() dto: MarkReadDto): Promise<{ unread: number }> {
    return this.notifications.markRead(user, dto);
  }

  /** Server-sent events; EventSource passes the token as ?access_token= and resumes with Last-Event-ID. */
  @Sse('stream')
  live(@CurrentUser() user: AuthUser, @Headers('last-event-id') lastEventId?: string): Observable<MessageEvent> {
    const after = Number(lastEventId);
    return this.stream.events(user, Number.isInteger(after) && after >= 0 && lastEventId ? after : null);
  }
}
