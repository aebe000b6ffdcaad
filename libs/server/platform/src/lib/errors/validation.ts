import { Injectable, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
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

// C0 controls except tab, line feed and carriage return: XML 1.0 (so a DOCX or XLSX) cannot hold them, and no
// keyboard types them; a name or remark carrying one makes every later Word file that includes it unreadable.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * What no request may carry in any field, whatever its DTO says: control characters in text, and numbers that are
 * not finite or are integers beyond 2^53 (`page=1e20` passes @IsInt, then its offset reaches SQL as 1e+21 or
 * Infinity). Checked on the raw input too, so bodies that a controller validates itself are covered.
 */
export function refusedInputs(value: unknown, root: string): FieldError[] {
  const out: FieldError[] = [];
  const stack: { v: unknown; path: string }[] = [{ v: value, path: root }];
  while (stack.length) {
    const { v, path } = stack.pop() as { v: unknown; path: string };
    if (typeof v === 'string') {
      if (CONTROL_CHARS.test(v)) out.push({ field: path, messages: [`${path || 'value'} must not contain control characters`] });
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v) || (Number.isInteger(v) && !Number.isSafeInteger(v)))
        out.push({ field: path, messages: [`${path || 'value'} must be a number between -9007199254740991 and 9007199254740991`] });
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v) && !(v instanceof Date) && typeof (v as { pipe?: unknown }).pipe !== 'function') {
      for (const [k, child] of Object.entries(v)) stack.push({ v: child, path: path ? `${path}.${k}` : k });
    }
  }
  return out.reverse();
}

function fail(details: FieldError[]): AppException {
  return new AppException('VALIDATION_FAILED', details.map((d) => `${d.field}: ${d.messages.join(', ')}`).join('; '), details);
}

/** The global pipe: class-validator per DTO, plus the checks of `refusedInputs` on every body, query and parameter. */
@Injectable()
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const root = metadata.type === 'custom' ? null : metadata.data && typeof value !== 'object' ? metadata.data : '';
    if (root !== null) {
      const raw = refusedInputs(value, root);
      if (raw.length) throw fail(raw);
    }
    // a path parameter is read by its own pipe (ParseIdPipe): converting it here first would turn '1e3' into 1000
    if (metadata.type === 'param') return value;
    const out = await super.transform(value, metadata);
    // after conversion: '1e20' in a query string becomes a number only here
    if (root !== null && out !== value) {
      const converted = refusedInputs(out, root);
      if (converted.length) throw fail(converted);
    }
    return out;
  }
}

/** Unknown fields are refused, types are converted, and the error names the field at fault. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => fail(flattenValidationErrors(errors)),
  });
}
