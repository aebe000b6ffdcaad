import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter, loadConfig } from '@hotline/server-platform';
import { WorkerModule } from './app/worker.module';

async function bootstrap() {
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(WorkerModule, new FastifyAdapter(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  await app.listen({ port: config.WORKER_PORT, host: '127.0.0.1' });
  app.get(Logger).log(`worker running; health on http://127.0.0.1:${config.WORKER_PORT}/health`);
}

bootstrap().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
