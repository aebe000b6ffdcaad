import { ERROR_HTTP_STATUS, type ErrorCode } from '@hotline/contracts';

/** The one exception type of the server: a code from the contract, mapped to HTTP by AllExceptionsFilter. */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppException';
  }

  get status(): number {
    return ERROR_HTTP_STATUS[this.code];
  }
}
