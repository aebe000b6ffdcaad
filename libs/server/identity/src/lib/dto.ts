import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ROLES, type Role } from '@hotline/contracts';

export class LoginDto {
  @ApiProperty() @IsString() @Length(1, 64) username!: string;
  @ApiProperty() @IsString() @Length(1, 128) password!: string;
}

export class CreateUserDto {
  @ApiProperty() @Matches(/^[a-z][a-z0-9_]{2,31}$/, { message: 'username: 3–32 lowercase letters, digits or _' }) username!: string;
  @ApiProperty() @IsString() @MinLength(8) @MaxLength(128) password!: string;
  @ApiProperty() @IsString() @Length(1, 64) displayName!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) unitId?: number | null;
}

export class UpdateUserDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(8) @MaxLength(128) password?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) unitId?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

/** What the audit trail records changes of. */
const AUDIT_ENTITIES = ['user', 'unit', 'category', 'topic', 'holiday', 'time-limit', 'knowledge-dictionary'];

export class AuditQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_ENTITIES }) @IsOptional() @IsIn(AUDIT_ENTITIES) entity?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) entityId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}
