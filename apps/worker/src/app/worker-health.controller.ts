import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '@hotline/server-platform';
import { HEARTBEAT_KEY, MAINTENANCE_QUEUE } from './maintenance.processor';

@Controller('health')
export class WorkerHealthController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) reply: { status(code: number): unknown }) {
    const check = async (fn: () => Promise<unknown>) =>
      fn().then(
        () => ({ status: 'up' as const }),
        (e: Error) => ({ status: 'down' as const, error: e.message }),
      );
    const [database, redis, queue] = await Promise.all([
      check(() => this.ds.query('SELECT 1')),
      check(() => this.redis.ping()),
      check(() => this.queue.getJobCounts('waiting', 'delayed', 'failed')),
    ]);
    const lastHeartbeat = await this.redis.get(HEARTBEAT_KEY).catch(() => null);
    const ok = [database, redis, queue].every((c) => c.status === 'up');
    if (!ok) reply.status(503);
    return { status: ok ? 'ok' : 'error', info: { database, redis, queue }, lastHeartbeat };
  }
}
