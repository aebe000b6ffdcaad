import type { HttpAdapterHost } from '@nestjs/core';

/** Upload bodies the import endpoints stream to disk instead of parsing (an import file is far larger than the JSON limit). */
export const UPLOAD_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** Hands the raw request stream of UPLOAD_TYPES to the controller (`req.body`); once per app, whoever calls first. */
export function acceptRawUploads(http: HttpAdapterHost): void {
  const fastify = http.httpAdapter?.getInstance?.() as
    | {
        hasContentTypeParser?(t: string): boolean;
        addContentTypeParser?(t: string, fn: (req: unknown, payload: unknown, done: (e: Error | null, body?: unknown) => void) => void): void;
      }
    | undefined;
  if (!fastify?.addContentTypeParser) return;
  for (const t of UPLOAD_TYPES) if (!fastify.hasContentTypeParser?.(t)) fastify.addContentTypeParser(t, (_req, payload, done) => done(null, payload));
}
