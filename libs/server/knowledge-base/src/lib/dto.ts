import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  Max,
  ValidateIf,
} from 'class-validator';
import { KNOWLEDGE_LIMITS as L, KNOWLEDGE_STATUSES, type KnowledgeStatus } from '@hotline/contracts';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class ArticleInputDto {
  @ApiProperty() @trimmed() @IsString() @Length(1, L.title) title!: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.questions)
  @IsString({ each: true })
  @Length(1, L.question, { each: true })
  questions?: string[];
  /** HTML, sanitised by the service */
  @ApiProperty() @IsString() @Length(1, L.answer) answer!: string;
  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.categories)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  categoryIds?: number[];
  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.regions)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  regionIds?: number[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.keywords)
  @IsString({ each: true })
  @Length(1, L.keyword, { each: true })
  keywords?: string[];
  @ApiPropertyOptional() @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(1) ownerUnitId?: number | null;
  @ApiPropertyOptional({ example: '2027-06-30' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  validTo?: string | null;
}

export class ArticleUpdateDto extends ArticleInputDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class ArticleActionDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(L.remark) remark?: string;
}

export class FlagDto {
  @ApiProperty() @trimmed() @IsString() @Length(1, L.flagReason) reason!: string;
}

export class ResolveFlagDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(L.remark) remark?: string;
}

export class ArticleQueryDto {
  @ApiPropertyOptional({ enum: KNOWLEDGE_STATUSES }) @IsOptional() @IsIn(KNOWLEDGE_STATUSES) status?: KnowledgeStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(L.searchQuery) q?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) ownerUnitId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) categoryId?: number;
  @ApiPropertyOptional({ enum: ['month'] }) @IsOptional() @IsIn(['month']) expiring?: 'month';
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export class FlagQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsIn(['true', 'false']) open?: 'true' | 'false';
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export class SearchQueryDto {
  @ApiProperty() @IsString() @Length(1, L.searchQuery) q!: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) categoryId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) regionId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) pageSize?: number;
}

export class SuggestDto {
  @ApiProperty() @IsString() @Length(1, L.suggestContent) content!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) categoryId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) regionId?: number;
}

export class DictionaryEntryDto {
  @ApiProperty({ enum: ['word', 'synonyms'] }) @IsIn(['word', 'synonyms']) kind!: 'word' | 'synonyms';
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 30, { each: true })
  @Matches(/^\S+$/, { each: true })
  words!: string[];
}

export class ImportQueryDto {
  @ApiProperty() @IsString() @Length(1, 255) @Matches(/\.(csv|xlsx)$/i) fileName!: string;
}

export class DirectAnswerStatsQueryDto {
  @ApiProperty({ example: '2026-01-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) @IsISO8601({ strict: true }) to!: string;
}
