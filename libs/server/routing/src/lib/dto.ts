import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';

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
