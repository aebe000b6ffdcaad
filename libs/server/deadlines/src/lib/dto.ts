import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { DEADLINE_CLOCKS, type DeadlineClockKind } from '@hotline/contracts';

/** Durations are checked as a whole row by the domain's validatePolicy, which names the field at fault. */
export class CreateTimeLimitPolicyDto {
  @ApiProperty({ description: "an appeal type code, or '*' for every type without its own row" }) @IsString() @Length(1, 32) appealType!: string;
  @ApiProperty() @IsBoolean() urgent!: boolean;
  @ApiProperty({ enum: DEADLINE_CLOCKS }) @IsIn(DEADLINE_CLOCKS) clock!: DeadlineClockKind;
  @ApiPropertyOptional({ nullable: true, example: null }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @Length(1, 16) dayLength?: string | null;
  @ApiProperty({ example: '2h' }) @IsString() @Length(1, 16) signLimit!: string;
  @ApiProperty({ example: '5d' }) @IsString() @Length(1, 16) handleLimit!: string;
  @ApiProperty({ example: '2d' }) @IsString() @Length(1, 16) callbackLimit!: string;
  @ApiProperty({ example: '3d' }) @IsString() @Length(1, 16) feedbackLimit!: string;
  @ApiProperty({ example: 80 }) @IsInt() @Min(0) @Max(99) prewarnPercent!: number;
  @ApiProperty({ example: '5d' }) @IsString() @Length(1, 16) longOverdueAfter!: string;
}

export class UpdateTimeLimitPolicyDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ enum: DEADLINE_CLOCKS }) @IsOptional() @IsIn(DEADLINE_CLOCKS) clock?: DeadlineClockKind;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @Length(1, 16) dayLength?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 16) signLimit?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 16) handleLimit?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 16) callbackLimit?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 16) feedbackLimit?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(99) prewarnPercent?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 16) longOverdueAfter?: string;
}
