import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ASSESSMENT_METRICS } from '@hotline/contracts';
import { daysInPeriod, isIsoDate, type Period } from '@hotline/domain';
import { AppException } from '@hotline/server-platform';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SCOPE = /^[a-z][a-z0-9_]{1,31}$/;
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

export class AnnualReportQueryDto {
  @ApiPropertyOptional({ example: 2020 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ example: '2020-01-01' }) @IsOptional() @Matches(DATE) from?: string;
  @ApiPropertyOptional({ example: '2020-12-31' }) @IsOptional() @Matches(DATE) to?: string;
  @ApiPropertyOptional({ example: 'city' }) @IsOptional() @Matches(SCOPE) platform?: string;
  @ApiPropertyOptional({ description: 'level-1 category codes for section 三, comma-separated (default: the most complained-about)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  hot?: string;
}

export class MonthQueryDto {
  @ApiProperty({ example: '2020-06' }) @Matches(/^\d{4}-\d{2}$/, { message: 'month must be YYYY-MM' }) month!: string;
  @ApiPropertyOptional({ example: 'city' }) @IsOptional() @Matches(SCOPE) platform?: string;
}

class MetricWeightsDto {
  @ApiProperty() @Type(() => Number) @Min(0) @Max(150) signOnTime!: number;
  @ApiProperty() @Type(() => Number) @Min(0) @Max(150) onTime!: number;
  @ApiProperty() @Type(() => Number) @Min(0) @Max(150) satisfaction!: number;
  @ApiProperty() @Type(() => Number) @Min(0) @Max(150) returns!: number;
  @ApiProperty() @Type(() => Number) @Min(0) @Max(150) rework!: number;
}

export class AssessmentWeightsDto {
  @ApiProperty({ type: MetricWeightsDto }) @ValidateNested() @Type(() => MetricWeightsDto) normal!: MetricWeightsDto;
  @ApiProperty({ type: MetricWeightsDto }) @ValidateNested() @Type(() => MetricWeightsDto) county!: MetricWeightsDto;
  @ApiProperty() @Type(() => Number) @Min(0) @Max(150) blackBelow!: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(0) @Max(100) redCount!: number;
}
export const METRIC_KEYS = ASSESSMENT_METRICS;

export class CreateMeetingDto {
  @ApiProperty({ example: '2020-06-18' }) @Matches(DATE) heldOn!: string;
  @ApiProperty() @IsString() @Length(1, 200) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) summary?: string;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsInt({ each: true }) @Min(1, { each: true }) unitIds?: number[];
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @ArrayMaxSize(500) @IsInt({ each: true }) @Min(1, { each: true }) orderIds?: number[];
}

export class SurgeQueryDto {
  @ApiProperty({ example: '2020-06-01' }) @Matches(DATE) from!: string;
  @ApiProperty({ example: '2020-06-30' }) @Matches(DATE) to!: string;
}

export class RunSurgeDto {
  @ApiPropertyOptional({ example: '2020-06-18', description: 'the day to scan (default: yesterday)' }) @IsOptional() @Matches(DATE) day?: string;
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

export class ImportUploadDto {
  @ApiProperty({ enum: ['orders', 'calls'] }) @IsIn(['orders', 'calls']) kind!: 'orders' | 'calls';
  @ApiProperty({ example: 'orders-2019.csv' })
  @IsString()
  @Length(5, 255)
  @Matches(/\.(csv|xlsx)$/i, { message: 'fileName must end in .csv or .xlsx' })
  fileName!: string;
}

export class ImportErrorsQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) pageSize?: number;
}

/** A validated month YYYY-MM. */
export function toMonth(month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month) || !isIsoDate(`${month}-01`))
    throw new AppException('VALIDATION_FAILED', 'month: not a calendar month', [{ field: 'month', messages: ['must be YYYY-MM'] }]);
  return month;
}
