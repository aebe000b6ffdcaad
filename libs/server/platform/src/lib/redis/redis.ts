import Redis from 'ioredis';
import { AppException } from '../errors/app.exception';

export const REDIS = Symbol('REDIS');

/** One ioredis client per process; BullMQ requires maxRetriesPerRequest null on its connections. */
export function createRedis(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, enableReadyCheck: true });
}

/** How long a request waits for Redis before it answers 503. */
export const REDIS_REQUEST_TIMEOUT_MS = 1500;

/**
 * A Redis command on a request's path. The shared client queues commands while Redis is away (BullMQ needs that),
 * which would hold the request until Redis returns; here the request fails fast instead: at once when the client
 * has lost its connection, or after `timeoutMs`, with 503 SERVICE_UNAVAILABLE.
 */
export async function redisForRequest<T>(redis: Redis, command: (r: Redis) => Promise<T>, timeoutMs = REDIS_REQUEST_TIMEOUT_MS): Promise<T> {
  const unavailable = () => new AppException('SERVICE_UNAVAILABLE', 'Redis is unavailable; try again shortly', { service: 'redis' });
  // lost and not back yet: no need to wait (a client still making its first connection gets the timeout's grace)
  if (redis.status === 'reconnecting' || redis.status === 'close' || redis.status === 'end') throw unavailable();
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      command(redis),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(unavailable()), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
