import { HttpErrorResponse } from '@angular/common/http';
import { ERROR_HTTP_STATUS, ErrorCode } from '@hotline/contracts';
import { ERROR_MESSAGES, errorMessage, fieldErrors, toWebError } from './error-messages';

function httpError(status: number, body: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body, url: '/api/x' });
}

describe('error mapper', () => {
  it('has a Chinese message for every API error code', () => {
    for (const code of Object.keys(ERROR_HTTP_STATUS) as ErrorCode[]) {
      expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('maps the code of an ApiError body, ignoring an English server message', () => {
    const err = httpError(409, {
      statusCode: 409,
      code: 'STALE_VERSION',
      message: 'version mismatch',
    });
    expect(errorMessage(err)).toBe('工单已被他人修改，已刷新');
  });

  it('says the order does not exist or is out of scope for ORDER_NOT_FOUND and for a plain 404 in order context', () => {
    expect(
      errorMessage(
        httpError(404, {
          statusCode: 404,
          code: 'ORDER_NOT_FOUND',
          message: 'x',
        }),
      ),
    ).toBe('工单不存在或无权查看');
    expect(errorMessage(httpError(404, { statusCode: 404, code: 'NOT_FOUND', message: 'x' }), { context: 'order' })).toBe('工单不存在或无权查看');
  });

  it('lists the invalid fields of a validation error by their Chinese names', () => {
    const err = httpError(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Validation failed',
      details: [
        { field: 'caller.phone', messages: ['bad'] },
        { field: 'content', messages: ['empty'] },
      ],
    });
    expect(errorMessage(err)).toBe('提交内容不完整或格式有误：来电号码、内容');
  });

  it('names the field of an unknown reference', () => {
    const err = httpError(422, {
      statusCode: 422,
      code: 'UNKNOWN_REFERENCE',
      message: 'no such',
      details: { field: 'categoryId' },
    });
    expect(errorMessage(err)).toBe('引用的基础数据不存在，请刷新页面后重试（问题分类）');
  });

  it('appends a server message that is already Chinese', () => {
    const err = httpError(409, {
      statusCode: 409,
      code: 'PRECONDITION_FAILED',
      message: '没有待审核的延期申请',
    });
    expect(errorMessage(err)).toBe('不满足操作条件：没有待审核的延期申请');
  });

  it('falls back on the HTTP status when the body is not an ApiError', () => {
    expect(toWebError(httpError(404, 'Cannot GET /api/x')).code).toBe('NOT_FOUND');
    expect(toWebError(httpError(502, null)).code).toBe('INTERNAL');
    expect(errorMessage(httpError(0, null))).toBe('无法连接服务器，请检查网络');
  });

  it('copes with a non-HTTP error', () => {
    expect(errorMessage(new Error('boom'))).toBe('服务器内部错误，请稍后重试');
  });
});

describe('field errors', () => {
  it('marks each field a validation error names, in Chinese', () => {
    const err = httpError(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'code: …',
      details: [
        {
          field: 'code',
          messages: ['code: lowercase letters, digits and _, starting with a letter'],
        },
        {
          field: 'name',
          messages: ['name must be longer than or equal to 1 characters'],
        },
        { field: 'caller.phone', messages: ['phone must be a phone number'] },
        { field: 'parentId', messages: ['分类最多三级'] },
      ],
    });
    expect(fieldErrors(err)).toEqual({
      code: '编码须以小写字母开头，只含小写字母、数字和下划线',
      name: '请填写名称',
      'caller.phone': '来电号码格式不正确',
      parentId: '分类最多三级',
    });
  });

  it('marks the field of a duplicate or an unknown reference (details as one object)', () => {
    expect(
      fieldErrors(
        httpError(409, {
          statusCode: 409,
          code: 'DUPLICATE',
          message: 'username zhang is taken',
          details: { field: 'username' },
        }),
      ),
    ).toEqual({ username: '用户名已存在' });
    expect(
      fieldErrors(
        httpError(422, {
          statusCode: 422,
          code: 'UNKNOWN_REFERENCE',
          message: 'unit 9 does not exist',
          details: { field: 'unitId' },
        }),
      ),
    ).toEqual({ unitId: '所选承办单位不存在或已停用' });
  });

  it('is empty when the error names no field', () => {
    expect(fieldErrors(httpError(409, { statusCode: 409, code: 'DUPLICATE', message: 'dup' }))).toEqual({});
    expect(fieldErrors(new Error('boom'))).toEqual({});
  });
});
