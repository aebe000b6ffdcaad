import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsInt, Max, Min, validateSync } from 'class-validator';

/**
 * The deadline machinery's own settings, read from the environment and validated once, like AppConfig: a typo
 * stops start-up. The defaults suit production; tests and benchmarks shorten the intervals.
 */
export class DeadlinesConfig {
  /** Timer jobs one worker process takes at once; those due together share a few transactions (group commit). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  DEADLINES_CONCURRENCY = 300;

  /** How long a worker holds a job before another may take it over (a killed worker's jobs come back after this). */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  DEADLINES_LOCK_MS = 30_000;

  /** How often workers look for jobs whose worker died. */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  @Max(600_000)
  DEADLINES_STALLED_MS = 30_000;

  /** The reconciler's tick. */
  @Type(() => Number)
  @IsInt()
  @Min(200)
  @Max(3_600_000)
  DEADLINES_RECONCILE_EVERY_MS = 10_000;

  /** The outbox relay's tick (the API feeds the queue itself after commit; the relay catches what it could not). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DEADLINES_RELAY_EVERY_MS = 1_000;

  /** A timer still pending this long after its due time counts as missed, and the reconciler fires it itself. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DEADLINES_GRACE_MS = 10_000;

  /** Even when the cheap checks find nothing, compare every pending timer with Redis this often. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  DEADLINES_FULL_SCAN_EVERY_MS = 300_000;

  /** Fired and cancelled timers of closed orders, and processed outbox rows, are deleted after this many days. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  DEADLINES_RETENTION_DAYS = 90;

  /** How often the pruner looks for such rows. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  DEADLINES_PRUNE_EVERY_MS = 3_600_000;
}

export function loadDeadlinesConfig(env: NodeJS.ProcessEnv = process.env): DeadlinesConfig {
  const keys = Object.keys(new DeadlinesConfig());
  const raw = Object.fromEntries(keys.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const config = Object.assign(new DeadlinesConfig(), plainToInstance(DeadlinesConfig, raw, { enableImplicitConversion: true }));
  const errors = validateSync(config);
  if (errors.length) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}

let loaded: DeadlinesConfig | null = null;
/** The process's deadlines configuration, loaded on first use (processor options need it when classes load). */
export function deadlinesConfig(): DeadlinesConfig {
  loaded ??= loadDeadlinesConfig();
  return loaded;
}
