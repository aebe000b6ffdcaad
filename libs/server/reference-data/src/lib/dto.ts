import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';

const CODE = /^[a-z][a-z0-9_]{1,47}$/;
const CODE_MSG = { message: 'code: lowercase letters, digits and _, starting with a letter' };

export class CreateUnitDto {
  @ApiProperty() @Matches(CODE, CODE_MSG) code!: string;
  @ApiProperty() @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ enum: ['bureau', 'region_gov', 'utility', 'town', 'other'] }) @IsIn(['bureau', 'region_gov', 'utility', 'town', 'other']) kind!:
    | 'bureau'
    | 'region_gov'
    | 'utility'
    | 'town'
    | 'other';
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) parentId?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) regionId?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isCounty?: boolean;
}

export class UpdateUnitDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) parentId?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) regionId?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isCounty?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class CreateCategoryDto {
  @ApiProperty() @Matches(CODE, CODE_MSG) code!: string;
  @ApiProperty() @Matches(/^[^/]{1,64}$/, { message: 'name: 1–64 characters without /' }) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) parentId?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) defaultUnitId?: number | null;
}

export class UpdateCategoryDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[^/]{1,64}$/, { message: 'name: 1–64 characters without /' }) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) defaultUnitId?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class CreateTopicDto {
  @ApiProperty() @Matches(CODE, CODE_MSG) code!: string;
  @ApiProperty() @IsString() @Length(1, 64) name!: string;
}

export class UpdateTopicDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class PutHolidayDto {
  @ApiProperty({ enum: ['holiday', 'workday'] }) @IsIn(['holiday', 'workday']) kind!: 'holiday' | 'workday';
  @ApiProperty() @IsString() @Length(1, 32) name!: string;
}

export class HolidayQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) year?: number;
}
