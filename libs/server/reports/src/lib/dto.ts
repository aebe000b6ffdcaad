import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { ReportFocus, ReportRemarks } from '@hotline/contracts';
import { AppException } from '@hotline/server-platform';
import { DATE, SCOPE } from '@hotline/server-statistics';

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

const CODE = /^[a-z][a-z0-9_]{0,31}$/;

/** GET /api/reports/express: a 快报 or 专报 over any period; a 专报 may focus on one topic or one category. */
export class ReportQueryDto {
  @ApiProperty({ enum: ['express', 'special', 'annual'] }) @IsIn(['express', 'special', 'annual']) kind!: 'express' | 'special' | 'annual';
  @ApiProperty({ example: '2020-02-01' }) @Matches(DATE) from!: string;
  @ApiProperty({ example: '2020-02-07' }) @Matches(DATE) to!: string;
  @ApiPropertyOptional({ example: 'city' }) @IsOptional() @Matches(SCOPE) platform?: string;
  @ApiPropertyOptional({ example: 'epidemic', description: 'a 专报 on one topic (专题) code' }) @IsOptional() @Matches(CODE) topic?: string;
  @ApiPropertyOptional({ example: 'sdqn', description: 'a 专报 on one category code (level 1 or 2)' }) @IsOptional() @Matches(CODE) category?: string;
}

/** GET /api/reports/issues/latest-remarks */
export class RemarksQueryDto {
  @ApiProperty({ enum: ['express', 'special', 'annual'] }) @IsIn(['express', 'special', 'annual']) kind!: 'express' | 'special' | 'annual';
  @ApiPropertyOptional({ example: 'epidemic' }) @IsOptional() @Matches(CODE) topic?: string;
  @ApiPropertyOptional({ example: 'sdqn' }) @IsOptional() @Matches(CODE) category?: string;
}

/** POST /api/reports/issues */
export class IssueReportDto extends ReportQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional({ description: 'editorial text by block key: { "hot.zfgl": { "after": "…" }, "intake.consult": { "before": "…", "lead": "…" } }' })
  @IsOptional()
  @IsObject()
  remarks?: ReportRemarks;
}

/** PUT /api/reports/issues/:id/remarks */
export class RemarksDto {
  @ApiProperty({ description: 'the whole set: blocks left out lose their remarks' }) @IsObject() remarks!: ReportRemarks;
}

/** The focus a query names: topic or category, not both, and only for a 专报. */
export function focusOf(q: { kind: string; topic?: string; category?: string }): ReportFocus | undefined {
  if (q.topic && q.category)
    throw new AppException('VALIDATION_FAILED', 'a 专报 focuses on a topic or a category, not both', [
      { field: 'category', messages: ['give topic or category'] },
    ]);
  const focus: ReportFocus | undefined = q.topic ? { kind: 'topic', code: q.topic } : q.category ? { kind: 'category', code: q.category } : undefined;
  if (focus && q.kind !== 'special')
    throw new AppException('VALIDATION_FAILED', 'only a 专报 (kind special) has a focus', [
      { field: 'kind', messages: ['must be special with topic or category'] },
    ]);
  return focus;
}
