import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * Everything the processes read from the environment, validated once at boot so a typo stops start-up
 * instead of surfacing as a strange failure at 3 a.m.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Matches(/^mysql:\/\/[^/]+\/[A-Za-z0-9_]+(\?.*)?$/, { message: 'DATABASE_URL must look like mysql://user:pass@host:3306/dbname' })
  DATABASE_URL = 'mysql://root@127.0.0.1:3306/hotline';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must look like redis://host:6379' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** The worker's own health endpoint. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  WORKER_PORT = 3001;

  @IsString()
  @MinLength(16)
  JWT_SECRET = 'dev-only-secret-change-me-0123456789';

  @IsString()
  JWT_EXPIRES_IN = '12h';

  /** Prefix of every Redis key (queues, login throttling), so tests and several deployments can share one Redis. */
  @Matches(/^[a-z0-9_-]+$/)
  QUEUE_PREFIX = 'hotline';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Directory of the built web app served at /; empty disables static serving. */
  @IsOptional()
  @IsString()
  WEB_DIST?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(AppConfig, raw, { enableImplicitConversion: true, excludeExtraneousValues: false });
  // plainToInstance copied every env var; keep only declared keys so nothing else leaks around
  const clean = Object.assign(new AppConfig(), pick(config, Object.keys(new AppConfig()).concat('WEB_DIST')));
  const errors = validateSync(clean, { skipMissingProperties: false });
  if (config.NODE_ENV === 'production' && clean.JWT_SECRET === new AppConfig().JWT_SECRET) {
    throw new Error('Invalid configuration: JWT_SECRET must be set in production');
  }
  if (errors.length) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return clean;
}

function pick(obj: object, keys: string[]): Record<string, unknown> {
  const src = obj as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => src[k] !== undefined).map((k) => [k, src[k]]));
}
