import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { SUGGEST_BATCH_MAX } from '@hotline/contracts';

export class SuggestDto {
  @ApiProperty() @IsString() @Length(1, 5000) content!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) regionId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) categoryId?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) address?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9+\-() ]{3,32}$/) phone?: string;
}

export class RoutingRuleDto {
  @ApiProperty() @IsInt() @Min(1) categoryId!: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) regionId?: number;
  @ApiProperty() @IsInt() @Min(1) unitId!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) note?: string;
}

export class SuggestBatchDto {
  @ApiProperty({ type: [Number], maxItems: SUGGEST_BATCH_MAX })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(SUGGEST_BATCH_MAX)
  @IsInt({ each: true })
  @Min(1, { each: true })
  orderIds!: number[];
}

export class HotClustersQueryDto {
  @ApiProperty({ example: '2026-01-01', description: 'China date, inclusive' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be YYYY-MM-DD' })
  from!: string;
  @ApiProperty({ example: '2026-01-31', description: 'China date, inclusive' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be YYYY-MM-DD' })
  to!: string;
  @ApiPropertyOptional({ default: 3, minimum: 2, maximum: 1000, description: 'smallest group reported' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(1000)
  min?: number;
}
