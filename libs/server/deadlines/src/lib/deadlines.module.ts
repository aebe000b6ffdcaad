import { BullModule } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationWriterModule } from '@hotline/server-notifications';
import { OrderEventStream, OrderHooks, OrdersModule } from '@hotline/server-orders';
import { ReferenceDataModule } from '@hotline/server-reference-data';
import { DeadlineHook } from './deadline-hook';
import { DeadlineOpsService } from './deadline-ops.service';
import { deadlinesConfig, DeadlinesConfig } from './deadlines.config';
import { DeadlinesAdminController, DeadlinesController } from './deadlines.controller';
import { DeadlinesService } from './deadlines.service';
import { DEADLINE_ENTITIES } from './entities';
import { OutboxRelay, TIMER_SUBSCRIBER } from './outbox-relay';
import { Pruner } from './pruner';
import { SweepScheduler, SweepsProcessor, TimersProcessor } from './processors';
import { DEADLINE_QUEUES } from './queues';
import { Reconciler } from './reconciler';
import { TimeLimitPolicyService } from './time-limit-policy.service';
import { TimerFiring } from './timer-firing';
import { TimerPlanner } from './timer-planner';
import { TimerQueue } from './timer-queue';

const QUEUES = BullModule.registerQueue({ name: DEADLINE_QUEUES.timers }, { name: DEADLINE_QUEUES.sweeps });
const CONFIG = { provide: DeadlinesConfig, useFactory: deadlinesConfig };

/**
 * The API side: follows every order change (timer rows + outbox in the action's transaction, queue after
 * commit), the admin policy and operations endpoints, an order's timers and the escalation queue.
 * Needs BullModule.forRoot in the application (connection from REDIS_URL, prefix QUEUE_PREFIX).
 */
@Module({
  imports: [TypeOrmModule.forFeature(DEADLINE_ENTITIES), QUEUES, OrdersModule, ReferenceDataModule],
  controllers: [DeadlinesController, DeadlinesAdminController],
  providers: [CONFIG, TimerPlanner, TimerQueue, DeadlineHook, TimeLimitPolicyService, DeadlineOpsService, DeadlinesService],
})
export class DeadlinesModule implements OnModuleInit {
  constructor(
    private readonly hooks: OrderHooks,
    private readonly hook: DeadlineHook,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this.hook);
  }
}

/**
 * The worker side: fires timers (their effects go through the orders writer and hooks, OrdersModule), runs the
 * reconciler, the outbox relay (also the order-event stream's reader of the timer topic) and the pruner, keeps their schedulers. The deadline hook follows order changes made
 * here as it does in the API. It serves no HTTP routes of its own.
 */
@Module({
  imports: [TypeOrmModule.forFeature(DEADLINE_ENTITIES), QUEUES, NotificationWriterModule, OrdersModule],
  providers: [CONFIG, TimerPlanner, TimerQueue, DeadlineHook, TimerFiring, OutboxRelay, Reconciler, Pruner, TimersProcessor, SweepsProcessor, SweepScheduler],
})
export class DeadlinesWorkerModule implements OnModuleInit {
  constructor(
    private readonly hooks: OrderHooks,
    private readonly hook: DeadlineHook,
    private readonly events: OrderEventStream,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this.hook);
    this.events.register(TIMER_SUBSCRIBER, this.relay);
  }
}
