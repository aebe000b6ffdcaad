import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NOTIFICATION_ENTITIES } from './entities';
import { NotificationStream } from './notification-stream';
import { NotificationWriter } from './notification-writer';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** Writing notices: what any process that causes them (the worker's timers) needs. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
  providers: [NotificationWriter],
  exports: [NotificationWriter],
})
export class NotificationWriterModule {}

/** The API side: every user's inbox, marking read, and the live stream. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES), NotificationWriterModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationStream],
  exports: [NotificationWriterModule],
})
export class NotificationsModule {}
