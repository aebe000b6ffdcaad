import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { RoutingModelStore } from './routing-model.store';
import { RoutingTrainer } from './routing-trainer.service';

/** The routing queue: one job name, `train`, data { modelId } (a routing_model row in 'queued'). */
export const ROUTING_QUEUE = 'routing';
export const ROUTING_TRAIN_JOB = 'train';

/** Queues a training run: a queued model row first, then the job carrying its id (deterministic job id). */
@Injectable()
export class RoutingTrainQueue {
  constructor(
    @InjectQueue(ROUTING_QUEUE) private readonly queue: Queue,
    private readonly store: RoutingModelStore,
  ) {}

  async request(requestedBy: number | null): Promise<number> {
    const modelId = await this.store.create(requestedBy);
    await this.queue.add(ROUTING_TRAIN_JOB, { modelId }, { jobId: `train-${modelId}`, removeOnComplete: 20, removeOnFail: 50 });
    return modelId;
  }
}

/** Runs training jobs, one at a time (training takes both cores for minutes at the scale of a city). */
@Processor(ROUTING_QUEUE, { concurrency: 1, lockDuration: 600_000 })
export class RoutingProcessor extends WorkerHost {
  constructor(
    private readonly trainer: RoutingTrainer,
    private readonly queue: RoutingTrainQueue,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === 'nightly') return this.trainer.run(await this.queue.request(null));
    if (job.name !== ROUTING_TRAIN_JOB) throw new Error(`no handler for routing job ${job.name}`);
    return this.trainer.run(Number((job.data as { modelId: number }).modelId));
  }
}

/** Retrains every night at 02:15 China time (a job scheduler: one, however many workers start). */
@Injectable()
export class RoutingScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(ROUTING_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'routing-nightly',
      { pattern: '0 15 2 * * *', tz: 'Asia/Shanghai' },
      { name: 'nightly', data: {}, opts: { removeOnComplete: 20, removeOnFail: 50 } },
    );
  }
}
