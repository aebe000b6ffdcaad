import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiError, ErrorCode } from '@hotline/contracts';
import { ERROR_HTTP_STATUS } from '@hotline/contracts';
import { AppException } from './app.exception';

interface FastifyishError {
  code?: string;
  statusCode?: number;
  message?: string;
}

/** Maps every error to the one `ApiError` shape; unknown errors become a logged 500 without internals. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse();
    const body = this.toApiError(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const retryAfter = retryAfterSeconds(body);
    if (retryAfter !== null) reply.header('retry-after', String(retryAfter));
    // a file route (.docx, .xlsx) has set its own type and name before it failed: the error is JSON, not a file
    if (typeof reply.removeHeader === 'function') reply.removeHeader('content-disposition');
    reply.header('content-type', 'application/json; charset=utf-8');
    reply.status(body.statusCode).send(body);
  }

  toApiError(e: unknown): ApiError {
    if (e instanceof AppException) return make(e.code, e.message, e.details);
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const code = codeForStatus(status);
      const res = e.getResponse();
      const raw = typeof res === 'string' ? res : ((res as { message?: string | string[] }).message ?? e.message);
      const message = Array.isArray(raw) ? raw.join('; ') : raw;
      // Fastify's body parser failures reach us wrapped by Nest as a plain 400
      if (status === 400 && /JSON/.test(message)) return make('MALFORMED_JSON', 'request body is not valid JSON');
      return { statusCode: status, code, message };
    }
    const fe = e as FastifyishError;
    // Errors raised by Fastify before the route runs (body parsing, size limit, media type)
    if (fe && typeof fe.statusCode === 'number' && fe.statusCode < 500) {
      if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return make('PAYLOAD_TOO_LARGE', 'request body too large');
      if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return make('UNSUPPORTED_MEDIA_TYPE', 'unsupported content type');
      if (fe.statusCode === 400) return make('MALFORMED_JSON', 'request body is not valid JSON');
      return { statusCode: fe.statusCode, code: codeForStatus(fe.statusCode), message: fe.message ?? 'request error' };
    }
    if (fe && fe.code === 'ER_DUP_ENTRY') {
      const field = duplicateField(fe.message);
      return field ? make('DUPLICATE', `a record with the same ${field} exists`, { field }) : make('DUPLICATE', 'a record with the same key exists');
    }
    if (isDatabaseUnavailable(e)) return make('SERVICE_UNAVAILABLE', 'the database is unavailable; try again shortly', { service: 'database' });
    return make('INTERNAL', 'internal error');
  }
}

/** mysql2's codes (raw, or copied onto TypeORM's QueryFailedError) for a server that is gone, not a query that is wrong. */
const DATABASE_DOWN = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_CON_COUNT_ERROR',
]);

/** A database that is down or restarting (a 503 the client may retry), not a bug (a 500). */
export function isDatabaseUnavailable(e: unknown): boolean {
  const err = e as { code?: unknown; driverError?: { code?: unknown }; message?: unknown } | null;
  if (!err || typeof err !== 'object') return false;
  const code = err.code ?? err.driverError?.code;
  if (typeof code === 'string' && DATABASE_DOWN.has(code)) return true;
  // mysql2 on a connection it has already seen close; TypeORM when the pool is gone
  return typeof err.message === 'string' && /connection is in closed state|Connection lost|Pool is closed/i.test(err.message);
}

/** A 429 that knows when to come back says so in Retry-After (RFC 9110), for clients and proxies alike. */
export function retryAfterSeconds(body: ApiError): number | null {
  if (body.statusCode !== 429) return null;
  const s = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof s === 'number' && Number.isFinite(s) ? Math.max(1, Math.ceil(s)) : null;
}

/**
 * The request field a unique-key clash is about, from the key's name: unique keys are named uq_<table>_<column>
 * (MariaDB: "Duplicate entry 'x' for key 'uq_topic_code'"; MySQL 8 puts the table before it). A category's unique
 * path is made from its name, so that is the field to correct.
 */
export function duplicateField(message: string | undefined): string | null {
  const m = /for key '(?:\w+\.)?uq_[a-z]+_([a-z_]+)'/.exec(message ?? '');
  if (!m) return null;
  const column = m[1] === 'path' ? 'name' : m[1];
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function make(code: ErrorCode, message: string, details?: unknown): ApiError {
  return details === undefined ? { statusCode: ERROR_HTTP_STATUS[code], code, message } : { statusCode: ERROR_HTTP_STATUS[code], code, message, details };
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN_ROLE';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'DUPLICATE';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'TOO_MANY_REQUESTS';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
  }
}
