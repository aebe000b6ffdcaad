import './register-paths';
import Redis from 'ioredis';
import { dropDatabase } from '@hotline/server-platform';
import { testEnv } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const env = testEnv();
  await dropDatabase(env.DATABASE_URL);
  const redis = new Redis(env.REDIS_URL);
  try {
    for (const pattern of ['login-fail:*', `${env.QUEUE_PREFIX}:*`]) {
      const keys = await redis.keys(pattern);
      if (keys.length) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
