import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, Open311Error, render, splitFormat, type Open311Format } from './open311-format';
import type { Open311Service } from './open311.service';

export const OPEN311_PREFIX = '/open311/v2';
type Params = Record<string, string | undefined>;

/**
 * GeoReport v2 as plain Fastify routes in a context of their own: outside the JSON API's /api prefix, its bearer
 * tokens and its error shape, and the only place form-encoded bodies are parsed (@fastify/formbody is registered in
 * this context, so no other route starts taking forms).
 */
export function registerOpen311(fastify: FastifyInstance, service: Open311Service): void {
  void fastify.register(
    async (ctx) => {
      // The CTI endpoint's root-level form parser (415 off its own path) is inherited here; this context parses its own.
      if (ctx.hasContentTypeParser('application/x-www-form-urlencoded')) ctx.removeContentTypeParser('application/x-www-form-urlencoded');
      await ctx.register(formbody);
      const answer =
        (file: string, fn: (format: Open311Format, name: string) => Promise<[Parameters<typeof render>[1], unknown]>) =>
        async (req: FastifyRequest, reply: FastifyReply) => {
          const split = splitFormat(file);
          const format = split?.[1] ?? 'json';
          try {
            if (!split) throw new Open311Error(404, 'use .json or .xml');
            const [root, data] = await fn(format, split[0]);
            return reply.type(format === 'xml' ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8').send(render(format, root, data));
          } catch (e) {
            const err = e instanceof Open311Error ? e : new Open311Error(500, 'internal error');
            if (!(e instanceof Open311Error)) req.log.error(e);
            return reply
              .code(err.status)
              .type(format === 'xml' ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8')
              .send(errorBody(format, err));
          }
        };
      const q = (req: FastifyRequest) => (req.query ?? {}) as Params;
      ctx.get<{ Params: { file: string } }>('/:file', (req, reply) =>
        answer(req.params.file, async (_f, name) => {
          if (name === 'services') return ['services', await service.services()];
          if (name === 'requests') return ['service_requests', await service.list(q(req))];
          throw new Open311Error(404, `${name} not found`);
        })(req, reply),
      );
      ctx.get<{ Params: { file: string } }>('/services/:file', (req, reply) =>
        answer(req.params.file, async (_f, code) => ['service_definition', await service.definition(code)])(req, reply),
      );
      ctx.get<{ Params: { file: string } }>('/requests/:file', (req, reply) =>
        answer(req.params.file, async (_f, id) => ['service_requests', await service.one(id)])(req, reply),
      );
      ctx.post<{ Params: { file: string } }>('/:file', (req, reply) =>
        answer(req.params.file, async (_f, name) => {
          if (name !== 'requests') throw new Open311Error(404, `${name} not found`);
          const body = req.body && typeof req.body === 'object' ? (req.body as Params) : {};
          // the spec allows the fields in the query string too
          return ['service_requests', await service.create({ ...q(req), ...body })];
        })(req, reply),
      );
    },
    { prefix: OPEN311_PREFIX },
  );
}
