import Redis from 'ioredis';

export const REDIS = Symbol('REDIS');

/** One ioredis client per process; BullMQ requires maxRetriesPerRequest null on its connections. */
export function createRedis(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, enableReadyCheck: true });
}
