import { Injectable, PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import type { FieldError } from '@hotline/contracts';
import { AppException } from '../errors/app.exception';

/**
 * A row id in a path: decimal digits only, within a safe integer. Nest's ParseIntPipe lets `1e3`, ` 1` and `1.0`
 * through as numbers, so `/api/orders/1e3` answered order 1000; an id that is not written as one is a 400 here.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string, meta: ArgumentMetadata): number {
    const n = /^[0-9]{1,16}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < 1) {
      const field = meta.data ?? 'id';
      const details: FieldError[] = [{ field, messages: ['must be a positive whole number'] }];
      throw new AppException('VALIDATION_FAILED', `${field}: must be a positive whole number`, details);
    }
    return n;
  }
}
