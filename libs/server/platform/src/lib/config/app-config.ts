import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { isIP } from 'node:net';

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

  /**
   * Addresses or CIDRs of the reverse proxies whose X-Forwarded-For / -Proto are believed, comma-separated
   * (`10.0.0.5, 10.1.0.0/16`; `loopback` for a proxy on the same host). Empty: no proxy is trusted and the
   * client address is the socket's, so a caller cannot pick its own address for the login lockout.
   */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Serve the OpenAPI page at /api/docs: on by default in development and tests, off in production unless `true`. */
  @IsOptional()
  @IsIn(['true', 'false'])
  API_DOCS?: 'true' | 'false';

  /** Directory of the built web app served at /; empty disables static serving. */
  @IsOptional()
  @IsString()
  WEB_DIST?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(AppConfig, raw, { enableImplicitConversion: true, excludeExtraneousValues: false });
  // plainToInstance copied every env var; keep only declared keys so nothing else leaks around
  const clean = Object.assign(new AppConfig(), pick(config, Object.keys(new AppConfig()).concat('WEB_DIST', 'TRUST_PROXY', 'API_DOCS')));
  const errors = validateSync(clean, { skipMissingProperties: false });
  const badProxies = trustedProxies(clean).filter((p) => !isProxyAddress(p));
  if (badProxies.length) throw new Error(`Invalid configuration:\n  TRUST_PROXY: not an address or CIDR: ${badProxies.join(', ')}`);
  if (config.NODE_ENV === 'production' && clean.JWT_SECRET === new AppConfig().JWT_SECRET) {
    throw new Error('Invalid configuration: JWT_SECRET must be set in production');
  }
  if (errors.length) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return clean;
}

/** The proxies Fastify may believe (its `trustProxy`); none unless TRUST_PROXY names them. */
export function trustedProxies(config: Pick<AppConfig, 'TRUST_PROXY'>): string[] {
  return (config.TRUST_PROXY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Whether /api/docs is served. */
export function apiDocsEnabled(config: Pick<AppConfig, 'API_DOCS' | 'NODE_ENV'>): boolean {
  return config.API_DOCS ? config.API_DOCS === 'true' : config.NODE_ENV !== 'production';
}

// proxy-addr's names for address ranges, accepted as Fastify's trustProxy accepts them
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(p: string): boolean {
  if (RANGE_NAMES.has(p)) return true;
  const [addr, bits, ...rest] = p.split('/');
  const family = isIP(addr);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

function pick(obj: object, keys: string[]): Record<string, unknown> {
  const src = obj as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => src[k] !== undefined).map((k) => [k, src[k]]));
}
