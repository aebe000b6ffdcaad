import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { AppException } from './app.exception';

describe('AllExceptionsFilter.toApiError', () => {
  const f = new AllExceptionsFilter();

  it('maps domain codes to their HTTP status', () => {
    expect(f.toApiError(new AppException('STALE_VERSION', 'x'))).toEqual({ statusCode: 409, code: 'STALE_VERSION', message: 'x' });
    expect(f.toApiError(new AppException('ORDER_NOT_FOUND', 'y', { id: 1 }))).toEqual({
      statusCode: 404,
      code: 'ORDER_NOT_FOUND',
      message: 'y',
      details: { id: 1 },
    });
  });

  it('gives framework errors a code too', () => {
    expect(f.toApiError(new NotFoundException()).code).toBe('NOT_FOUND');
    expect(f.toApiError(new PayloadTooLargeException()).code).toBe('PAYLOAD_TOO_LARGE');
    expect(f.toApiError(new BadRequestException("Body is not valid JSON but content-type is set to 'application/json'")).code).toBe('MALFORMED_JSON');
  });

  it('maps Fastify parser errors and duplicate keys', () => {
    expect(f.toApiError({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }).statusCode).toBe(413);
    expect(f.toApiError({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(f.toApiError({ code: 'ER_DUP_ENTRY' }).code).toBe('DUPLICATE');
  });

  it('names the field of a unique-key clash from the key (MariaDB and MySQL 8 wording), never the value', () => {
    expect(f.toApiError({ code: 'ER_DUP_ENTRY', message: "Duplicate entry 'epidemic' for key 'uq_topic_code'" })).toEqual({
      statusCode: 409,
      code: 'DUPLICATE',
      message: 'a record with the same code exists',
      details: { field: 'code' },
    });
    expect(f.toApiError({ code: 'ER_DUP_ENTRY', message: "Duplicate entry '水电气暖' for key 'topic.uq_topic_name'" }).details).toEqual({ field: 'name' });
    expect(f.toApiError({ code: 'ER_DUP_ENTRY', message: "Duplicate entry '市容环境/垃圾清理' for key 'uq_category_path'" }).details).toEqual({
      field: 'name',
    });
    expect(f.toApiError({ code: 'ER_DUP_ENTRY', message: "Duplicate entry '1-2' for key 'PRIMARY'" })).toEqual({
      statusCode: 409,
      code: 'DUPLICATE',
      message: 'a record with the same key exists',
    });
  });

  it('answers 503 when the database is down or restarting (raw mysql2 errors and TypeORM-wrapped ones), 500 for a wrong query', () => {
    const unavailable = {
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'the database is unavailable; try again shortly',
      details: { service: 'database' },
    };
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
    const wrapped = Object.assign(new Error('Connection lost: The server closed the connection.'), { driverError: { code: 'PROTOCOL_CONNECTION_LOST' } });
    expect(f.toApiError(refused)).toEqual(unavailable);
    expect(f.toApiError(wrapped)).toEqual(unavailable);
    expect(f.toApiError(new Error("Can't add new command when connection is in closed state"))).toEqual(unavailable);
    expect(f.toApiError(Object.assign(new Error('Unknown column'), { code: 'ER_BAD_FIELD_ERROR' })).statusCode).toBe(500);
  });

  it('never leaks internals of unknown errors', () => {
    expect(f.toApiError(new Error('SELECT * FROM secret'))).toEqual({ statusCode: 500, code: 'INTERNAL', message: 'internal error' });
  });
});
