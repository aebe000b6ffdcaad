/**
 * Every error the API returns has one of these codes; one global filter maps code → HTTP status.
 * Shape: { statusCode, code, message, details }.
 */
export const ERROR_HTTP_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNKNOWN_REFERENCE: 422, // a code or id that names no reference row (category, unit, channel …)
  INVALID_CREDENTIALS: 401,
  UNAUTHENTICATED: 401,
  FORBIDDEN_ROLE: 403, // the caller's role may not do this at all
  NOT_FOUND: 404, // missing, or outside the caller's unit scope
  ORDER_NOT_FOUND: 404,
  STALE_VERSION: 409, // someone else changed the order first
  INVALID_TRANSITION: 409, // the action is not allowed in the order's status
  PRECONDITION_FAILED: 409, // e.g. no pending extension to approve
  DUPLICATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  message: string;
  /** For validation: [{ field: 'caller.phone', constraints: ['...'] }]; for others free-form. */
  details?: unknown;
}

export interface FieldError {
  field: string;
  messages: string[];
}
