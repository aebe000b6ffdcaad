import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DeadlinesWorkerModule } from '@hotline/server-deadlines';
import { KnowledgeBaseWorkerModule } from '@hotline/server-knowledge-base';
import { LegacyImportWorkerModule } from '@hotline/server-legacy-import';
import { OversightWorkerModule } from '@hotline/server-oversight';
import { AppConfig, PlatformModule } from '@hotline/server-platform';
import { OrdersModule } from '@hotline/server-orders';
import { HeartbeatProcessor, HeartbeatScheduler, MAINTENANCE_QUEUE } from './heartbeat.processor';
import { ORDER_EVENTS_QUEUE, OrderEventsProcessor, OrderEventsScheduler } from './order-events.processor';
import { WorkerHealthController } from './worker-health.controller';

/**
 * The background process: BullMQ processors and schedulers (heartbeat, the order-event relay, deadlines, imports, surge
 * scan), scaled separately from the API.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ processName: 'worker', health: false }),
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (c: AppConfig) => ({ connection: { url: c.REDIS_URL, maxRetriesPerRequest: null }, prefix: c.QUEUE_PREFIX }),
    }),
    BullModule.registerQueue({ name: MAINTENANCE_QUEUE }, { name: ORDER_EVENTS_QUEUE }),
    OrdersModule,
    DeadlinesWorkerModule,
    LegacyImportWorkerModule,
    OversightWorkerModule,
    KnowledgeBaseWorkerModule,
  ],
  controllers: [WorkerHealthController],
  providers: [HeartbeatProcessor, HeartbeatScheduler, OrderEventsProcessor, OrderEventsScheduler],
})
export class WorkerModule {}
