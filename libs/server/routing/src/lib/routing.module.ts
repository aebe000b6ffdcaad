import { BullModule } from '@nestjs/bullmq';
import { Module, type OnModuleInit } from '@nestjs/common';
import { OrderEventStream, OrdersModule } from '@hotline/server-orders';
import { ReferenceDataModule } from '@hotline/server-reference-data';
import { OrderClustersService } from './clusters/order-clusters.service';
import { RouterLoader } from './model/router-loader';
import { ROUTING_QUEUE, RoutingProcessor, RoutingScheduler, RoutingTrainQueue } from './model/routing-jobs';
import { RoutingModelStore } from './model/routing-model.store';
import { RoutingTrainer } from './model/routing-trainer.service';
import { ROUTING_SUBSCRIBER, RoutingOutcomes } from './outcomes/routing-outcomes.service';
import { RoutingController } from './routing.controller';
import { RoutingRulesService } from './rules/routing-rules.service';
import { SimilarOrdersService } from './similar/similar-orders.service';
import { RoutingSuggestService } from './suggest/routing-suggest.service';

const QUEUE = BullModule.registerQueue({ name: ROUTING_QUEUE });
const SERVICES = [
  RoutingModelStore,
  RouterLoader,
  RoutingTrainer,
  RoutingRulesService,
  SimilarOrdersService,
  RoutingSuggestService,
  RoutingOutcomes,
  RoutingTrainQueue,
  OrderClustersService,
];

/** Routing without HTTP: the model, the catalogue, similar orders, outcomes. Needs BullModule.forRoot in the application. */
@Module({
  imports: [QUEUE, ReferenceDataModule, OrdersModule],
  providers: SERVICES,
  exports: [...SERVICES, QUEUE],
})
export class RoutingCoreModule {}

/** Routing over HTTP: /api/routing/suggest, suggest-batch, queue-clusters, clusters, /api/admin/routing/*, /api/stats/routing-accuracy. */
@Module({
  imports: [RoutingCoreModule],
  controllers: [RoutingController],
})
export class RoutingModule {}

/** The worker side: training jobs, the nightly scheduler, and the order-event subscriber (outcomes and repeats). */
@Module({
  imports: [RoutingCoreModule, OrdersModule],
  providers: [RoutingProcessor, RoutingScheduler],
})
export class RoutingWorkerModule implements OnModuleInit {
  constructor(
    private readonly events: OrderEventStream,
    private readonly outcomes: RoutingOutcomes,
  ) {}

  onModuleInit(): void {
    this.events.register(ROUTING_SUBSCRIBER, this.outcomes);
  }
}
