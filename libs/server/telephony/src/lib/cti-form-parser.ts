import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { parse } from 'node:querystring';
import { AppException } from '@hotline/server-platform';

export const CTI_PATH = '/api/cti/';

/**
 * Zammad's bridges post `application/x-www-form-urlencoded`. The API takes no forms anywhere else, so the parser
 * answers 415 on every other path, as it did before this one existed.
 */
@Injectable()
export class CtiFormParser implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify?.addContentTypeParser || fastify.hasContentTypeParser('application/x-www-form-urlencoded')) return;
    fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (req, body, done) => {
      if (!req.url.startsWith(CTI_PATH)) return done(new AppException('UNSUPPORTED_MEDIA_TYPE', 'form bodies are taken by the CTI endpoint only'), undefined);
      done(null, { ...parse(body as string) });
    });
  }
}
