import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { AppConfig, loadConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source-options';
import { HealthController } from './health/health.controller';
import { PinoLoggerModule } from './logging/logger.module';
import { createRedis, REDIS } from './redis/redis';
import { ChangeBus } from './changes/change-bus';

@Global()
@Module({})
class ConfigHolderModule {}

/**
 * What every process needs: validated config, MariaDB through TypeORM (entities registered by each feature
 * with forFeature), one Redis client, cache-change signals across processes, JSON logs, and the health endpoint.
 */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(opts: { processName: string; config?: AppConfig; health?: boolean }): DynamicModule {
    const config = opts.config ?? loadConfig();
    const configModule: DynamicModule = {
      module: ConfigHolderModule,
      global: true,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
    return {
      module: PlatformModule,
      imports: [configModule, PinoLoggerModule, TypeOrmModule.forRoot({ ...dataSourceOptions(config.DATABASE_URL), autoLoadEntities: true })],
      controllers: opts.health === false ? [] : [HealthController],
      providers: [{ provide: REDIS, useFactory: () => createRedis(config.REDIS_URL, opts.processName) }, ChangeBus],
      exports: [REDIS, ChangeBus],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
