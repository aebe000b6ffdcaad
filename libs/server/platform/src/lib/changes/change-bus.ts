import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedis, REDIS } from '../redis/redis';

type Listener = () => void;

/**
 * Tells every process (API instances, the worker) that something they cache has changed: reference data, the
 * holiday calendar. `changed(topic)` calls the listeners of this process at once and publishes on Redis for the
 * others. A lost message (Redis down) costs only staleness until the caches' own expiry, never a wrong write:
 * the caches keep their TTLs as the fallback.
 */
@Injectable()
export class ChangeBus implements OnModuleDestroy {
  private readonly logger = new Logger(ChangeBus.name);
  private readonly listeners = new Map<string, Listener[]>();
  private subscriber: Redis | null = null;
  private readonly channel: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.channel = `${config.QUEUE_PREFIX}:changes`;
  }

  on(topic: string, fn: Listener): void {
    this.listeners.set(topic, [...(this.listeners.get(topic) ?? []), fn]);
    if (this.subscriber) return;
    // the subscriber is made on first use, so processes that cache nothing open no second connection
    this.subscriber = createRedis(this.config.REDIS_URL, 'changes');
    this.subscriber.on('message', (_channel: string, message: string) => this.notify(message));
    // not awaited: a process starts while Redis is down, and ioredis subscribes again on every reconnect
    this.subscriber.subscribe(this.channel).catch((e: Error) => this.logger.warn(`cannot subscribe to ${this.channel}: ${e.message}`));
  }

  async changed(topic: string): Promise<void> {
    this.notify(topic);
    // not awaited: while Redis is away the edit is stored and answered, and ioredis sends the publish when it is back
    void this.redis.publish(this.channel, topic).catch((e: Error) => this.logger.warn(`cannot publish a ${topic} change: ${e.message}`));
  }

  private notify(topic: string): void {
    for (const fn of this.listeners.get(topic) ?? []) fn();
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}

/** Topics of ChangeBus. */
export const CHANGES = { reference: 'reference', holidays: 'holidays', timeLimits: 'time-limits' } as const;
