import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../http/public.decorator';
import { REDIS } from '../redis/redis';

type Check = { status: 'up' | 'down'; error?: string };

async function probe(fn: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  try {
    await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs))]);
    return { status: 'up' };
  } catch (e) {
    return { status: 'down', error: (e as Error).message };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) reply: { status(code: number): unknown }) {
    const [database, redis] = await Promise.all([probe(() => this.ds.query('SELECT 1')), probe(() => this.redis.ping())]);
    const ok = database.status === 'up' && redis.status === 'up';
    if (!ok) reply.status(503);
    return { status: ok ? 'ok' : 'error', info: { database, redis } };
  }
}
