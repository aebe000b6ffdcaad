import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@hotline/server-deadlines';
import { IdentityModule } from '@hotline/server-identity';
import { IntegrationsModule } from '@hotline/server-integrations';
import { OrdersModule } from '@hotline/server-orders';
import { NotificationsModule } from '@hotline/server-notifications';
import { AppConfig, PlatformModule } from '@hotline/server-platform';
import { ReferenceDataModule } from '@hotline/server-reference-data';
import { AssessmentModule } from '@hotline/server-assessment';
import { GeneratorModule } from '@hotline/server-demo';
import { LegacyImportModule } from '@hotline/server-legacy-import';
import { KnowledgeBaseModule } from '@hotline/server-knowledge-base';
import { OversightModule } from '@hotline/server-oversight';
import { ReportsModule } from '@hotline/server-reports';
import { RoutingModule } from '@hotline/server-routing';
import { StatisticsModule } from '@hotline/server-statistics';
import { TelephonyModule } from '@hotline/server-telephony';

/** BullMQ for the features that feed queues: connection from REDIS_URL, keys under QUEUE_PREFIX. */
const QUEUES = BullModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (c: AppConfig) => ({ connection: { url: c.REDIS_URL, maxRetriesPerRequest: null }, prefix: c.QUEUE_PREFIX }),
});

/** The HTTP API: composition only; behaviour lives in the feature libs. */
@Module({
  imports: [
    PlatformModule.forRoot({ processName: 'api' }),
    IdentityModule,
    ReferenceDataModule,
    OrdersModule,
    StatisticsModule,
    ReportsModule,
    AssessmentModule,
    OversightModule,
    RoutingModule,
    LegacyImportModule,
    GeneratorModule,
    QUEUES,
    DeadlinesModule,
    NotificationsModule,
    KnowledgeBaseModule,
    TelephonyModule,
    IntegrationsModule,
  ],
})
export class AppModule {}
