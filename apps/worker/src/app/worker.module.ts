import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DeadlinesWorkerModule } from '@hotline/server-deadlines';
import { KnowledgeBaseWorkerModule } from '@hotline/server-knowledge-base';
import { IntegrationsWorkerModule } from '@hotline/server-integrations';
import { LegacyImportWorkerModule } from '@hotline/server-legacy-import';
import { OversightWorkerModule } from '@hotline/server-oversight';
import { AppConfig, PlatformModule } from '@hotline/server-platform';
import { OrdersModule } from '@hotline/server-orders';
import { RoutingWorkerModule } from '@hotline/server-routing';
import { MAINTENANCE_QUEUE, MaintenanceProcessor, MaintenanceScheduler } from './maintenance.processor';
import { ORDER_EVENTS_QUEUE, OrderEventsProcessor, OrderEventsScheduler } from './order-events.processor';
import { WorkerHealthController } from './worker-health.controller';

/**
 * The background process: BullMQ processors and schedulers (heartbeat and the text-index fill, the order-event relay,
 * deadlines, imports, surge scan), scaled separately from the API.
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
    RoutingWorkerModule,
    IntegrationsWorkerModule,
  ],
  controllers: [WorkerHealthController],
  providers: [MaintenanceProcessor, MaintenanceScheduler, OrderEventsProcessor, OrderEventsScheduler],
})
export class WorkerModule {}
