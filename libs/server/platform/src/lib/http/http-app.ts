import helmet from '@fastify/helmet';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import { apiDocsEnabled, loadConfig, trustedProxies, type AppConfig } from '../config/app-config';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { AppException } from '../errors/app.exception';
import { createValidationPipe } from '../errors/validation';
import { countSqlPerRequest, sqlCountEnabled } from '../database/sql-counter';
import { jsonDeeperThan, MAX_JSON_DEPTH } from './body-depth';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds the HTTP application exactly as production runs it, so integration tests exercise the same
 * pipes, filters, limits and routes as `main.ts`.
 */
export async function createHttpApp(
  rootModule: Type<unknown>,
  opts: { webDist?: string; logger?: boolean; config?: AppConfig } = {},
): Promise<NestFastifyApplication> {
  const config = opts.config ?? loadConfig();
  // X-Forwarded-* only from the proxies named in TRUST_PROXY: believed from anyone, they let a client choose the
  // address the login lockout counts by
  const proxies = trustedProxies(config);
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: proxies.length ? proxies : false });
  const fastify = adapter.getInstance() as unknown as FastifyInstance;
  limitJsonDepth(fastify);
  if (sqlCountEnabled()) countSqlPerRequest(fastify);
  // bodyParser: false, so Nest does not put its own JSON parser back over limitJsonDepth's; no route takes forms
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, { bufferLogs: true, bodyParser: false });
  await app.register(helmet as never, {
    contentSecurityPolicy: { directives: CSP },
    hsts: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
  // HSTS only when the request came over TLS (directly, or as a trusted proxy's X-Forwarded-Proto says): sent over
  // plain HTTP it is ignored by browsers at best, and locks a misconfigured host out at worst. No includeSubDomains:
  // other hosts of the city's domain are not ours to bind
  fastify.addHook('onRequest', (req, reply, done) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
    done();
  });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  // the API's map is no secret, but production keeps it off unless API_DOCS=true asks for it
  if (apiDocsEnabled(config)) {
    const doc = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('12345 热线工单系统 API').setVersion('1').addBearerAuth().build());
    SwaggerModule.setup('api/docs', app, doc);
  }

  if (opts.webDist && existsSync(join(opts.webDist, 'index.html'))) serveWebApp(app, resolve(opts.webDist));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/**
 * The web app loads only its own files: no inline script. Angular and ng-zorro add `<style>` elements at run time
 * (and the build inlines critical CSS), hence 'unsafe-inline' for styles only. The one inline event handler of the
 * build, the critical-CSS loader `onload="this.media='all'"`, is allowed by its hash and nothing else.
 */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'unsafe-hashes'", "'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * JSON bodies nested deeper than MAX_JSON_DEPTH are refused with a 400 before anything recursive (the parser's
 * prototype-poisoning scan, class-transformer, class-validator) walks them; otherwise Fastify's own parser.
 */
function limitJsonDepth(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (jsonDeeperThan(body as string, MAX_JSON_DEPTH))
      return done(
        new AppException('VALIDATION_FAILED', `request body nests deeper than ${MAX_JSON_DEPTH} levels`, [
          { field: '', messages: [`nesting deeper than ${MAX_JSON_DEPTH} levels`] },
        ]),
        undefined,
      );
    parse(req, body as string, done);
  });
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
