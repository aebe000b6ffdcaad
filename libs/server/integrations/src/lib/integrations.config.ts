import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, validateSync } from 'class-validator';

/**
 * The integrations' settings, read from the environment and validated once (a typo stops start-up). Tests shorten the
 * backoff; production sets the SMS gateway.
 */
export class IntegrationsConfig {
  /** `log`: messages are stored and listed for admins only (the default and the demo); `http`: a real SMS gateway. */
  @IsIn(['log', 'http'])
  SMS_DRIVER: 'log' | 'http' = 'log';

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SMS_HTTP_URL?: string;

  /** The account the gateway knows us by. */
  @IsOptional()
  @IsString()
  SMS_HTTP_ACCOUNT?: string;

  /** Signs each request (HMAC-SHA256 of the body, header X-Sms-Signature). */
  @IsOptional()
  @IsString()
  SMS_HTTP_SECRET?: string;

  /** Messages one number may receive in an hour; more are logged as skipped. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  SMS_PER_NUMBER_PER_HOUR = 5;

  /** Failed deliveries in a row before a subscriber's events are parked as dead letters. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  EVENTS_RETRY_ATTEMPTS = 6;

  /** The wait after a first failure, doubled after each next one (up to EVENTS_RETRY_MAX_MS). */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  EVENTS_RETRY_BASE_MS = 5_000;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(86_400_000)
  EVENTS_RETRY_MAX_MS = 600_000;

  /** A webhook receiver that has not answered in this long has failed. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 5_000;

  /** Where the file adapter of the provincial exchange drops its reports (one JSON line each). */
  @IsOptional()
  @IsString()
  EXCHANGE_OUTBOX_FILE?: string;

  /** The provincial platform's HTTP endpoint for reports (the HTTP adapter); none: the file adapter. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  EXCHANGE_HTTP_URL?: string;

  /** Signs the HTTP adapter's reports (X-Hotline-Signature, as webhooks). */
  @IsOptional()
  @IsString()
  EXCHANGE_SECRET?: string;
}

export function loadIntegrationsConfig(env: NodeJS.ProcessEnv = process.env): IntegrationsConfig {
  const keys = Object.keys(new IntegrationsConfig()).concat([
    'SMS_HTTP_URL',
    'SMS_HTTP_ACCOUNT',
    'SMS_HTTP_SECRET',
    'EXCHANGE_OUTBOX_FILE',
    'EXCHANGE_HTTP_URL',
    'EXCHANGE_SECRET',
  ]);
  const raw = Object.fromEntries(keys.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const config = Object.assign(new IntegrationsConfig(), plainToInstance(IntegrationsConfig, raw, { enableImplicitConversion: true }));
  const errors = validateSync(config);
  const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  if (config.SMS_DRIVER === 'http' && !config.SMS_HTTP_URL) lines.push('  SMS_HTTP_URL: required when SMS_DRIVER=http');
  if (lines.length) {
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}

export function integrationsConfig(): IntegrationsConfig {
  return loadIntegrationsConfig();
}
