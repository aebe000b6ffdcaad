export * from './lib/entities';
export * from './lib/dto';
export * from './lib/mappers';
export * from './lib/notification-writer';
export * from './lib/notifications.service';
export * from './lib/notification-stream';
export * from './lib/notifications.module';
