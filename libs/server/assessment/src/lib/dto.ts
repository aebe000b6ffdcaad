import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ASSESSMENT_METRICS } from '@hotline/contracts';
import { isIsoDate } from '@hotline/domain';
import { AppException } from '@hotline/server-platform';
import { SCOPE } from '@hotline/server-statistics';

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

/** A validated month YYYY-MM. */
export function toMonth(month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month) || !isIsoDate(`${month}-01`))
    throw new AppException('VALIDATION_FAILED', 'month: not a calendar month', [{ field: 'month', messages: ['must be YYYY-MM'] }]);
  return month;
}
