import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@hotline/contracts';
import { AppException } from './app.exception';

/** Flattens nested class-validator errors to dotted field paths (caller.phone). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own: FieldError[] = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Unknown fields are refused, types are converted, and the error names the field at fault. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      return new AppException('VALIDATION_FAILED', details.map((d) => `${d.field}: ${d.messages.join(', ')}`).join('; '), details);
    },
  });
}
