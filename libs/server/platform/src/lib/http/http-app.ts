import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { createValidationPipe } from '../errors/validation';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds the HTTP application exactly as production runs it, so integration tests exercise the same
 * pipes, filters, limits and routes as `main.ts`.
 */
export async function createHttpApp(rootModule: Type<unknown>, opts: { webDist?: string; logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, { bufferLogs: true });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  const doc = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('12345 热线工单系统 API').setVersion('1').addBearerAuth().build());
  SwaggerModule.setup('api/docs', app, doc);

  if (opts.webDist && existsSync(join(opts.webDist, 'index.html'))) serveWebApp(app, resolve(opts.webDist));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** Serves the built Angular app at / and sends index.html for client-side routes. */
function serveWebApp(app: NestFastifyApplication, root: string): void {
  app.useStaticAssets({ root, prefix: '/', wildcard: false, index: ['index.html'] });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (req, reply, done) => {
    const path = req.url.split('?')[0];
    const isAppRoute = req.method === 'GET' && !path.startsWith('/api') && !/\.[a-z0-9]+$/i.test(path) && path !== '/';
    if (isAppRoute) {
      reply.header('cache-control', 'no-cache');
      void (reply as unknown as { sendFile(f: string): unknown }).sendFile('index.html');
      return;
    }
    done();
  });
}

export type { INestApplication };
