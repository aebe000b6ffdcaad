import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { daysInPeriod, isIsoDate, type Period } from '@hotline/domain';
import { AppException } from '@hotline/server-platform';

/** A China date as the API takes it; `toPeriod` checks it is a real one. */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A platform scope: 'city', 'all' or a platform code. */
export const SCOPE = /^[a-z][a-z0-9_]{1,31}$/;
/** Ten years and a bit: longer periods are not a report anyone reads, and they would scan a lot of day rows. */
const MAX_DAYS = 3700;

export class PeriodQueryDto {
  @ApiProperty({ example: '2020-01-01', description: 'China date, inclusive' }) @Matches(DATE, { message: 'from must be YYYY-MM-DD' }) from!: string;
  @ApiProperty({ example: '2020-12-31', description: 'China date, inclusive' }) @Matches(DATE, { message: 'to must be YYYY-MM-DD' }) to!: string;
  @ApiPropertyOptional({ example: 'city', description: "'city' (市级平台, default), 'all' (全市) or a platform code" })
  @IsOptional()
  @Matches(SCOPE)
  platform?: string;
}

/** A validated period: real dates, in order, not absurdly long. */
export function toPeriod(from: string, to: string): Period {
  const bad = (field: string, message: string) => new AppException('VALIDATION_FAILED', `${field}: ${message}`, [{ field, messages: [message] }]);
  if (!isIsoDate(from)) throw bad('from', 'not a calendar date');
  if (!isIsoDate(to)) throw bad('to', 'not a calendar date');
  if (to < from) throw bad('to', 'must not be before from');
  if (daysInPeriod({ from, to }) > MAX_DAYS) throw bad('to', `a period is at most ${MAX_DAYS} days`);
  return { from, to };
}
