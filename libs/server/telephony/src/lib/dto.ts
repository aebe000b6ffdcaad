import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { AGENT_STATES, CALL_DIRECTIONS, CALL_LINK_PURPOSES, type AgentStateValue, type CallDirection, type CallLinkPurpose } from '@hotline/contracts';

export const CALL_STATUSES = ['answered', 'abandoned', 'live'] as const;

export class ListCallsDto {
  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsDateString() to?: string;
  @ApiPropertyOptional({ enum: CALL_DIRECTIONS }) @IsOptional() @IsIn(CALL_DIRECTIONS) direction?: CallDirection;
  @ApiPropertyOptional({ enum: CALL_STATUSES }) @IsOptional() @IsIn(CALL_STATUSES) status?: (typeof CALL_STATUSES)[number];
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) agentId?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) queue?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9+\-() ]{3,32}$/) phone?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) orderId?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) callId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

/** Links a call to the order it was about: the order taken on it, a callback, a call to a unit, a three-way call. */
export class LinkCallDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) orderId!: number;
  @ApiProperty({ enum: CALL_LINK_PURPOSES }) @IsIn(CALL_LINK_PURPOSES) purpose!: CallLinkPurpose;
}

export class SetAgentStateDto {
  @ApiProperty({ enum: AGENT_STATES }) @IsIn(AGENT_STATES) state!: AgentStateValue;
}

export class SetExtensionDto {
  @ApiProperty({ nullable: true, example: '8001' })
  @Transform(({ value }) => (value === '' ? null : value))
  @ValidateIf((_, v) => v !== null)
  @Matches(/^[0-9*#]{2,16}$/, { message: 'extension: 2–16 digits' })
  extension!: string | null;
}

export const CALL_KPI_BREAKDOWNS = ['day', 'hour', 'agent', 'queue'] as const;

export class CallKpiQueryDto {
  @ApiProperty({ example: '2026-12-01' }) @IsDateString() from!: string;
  @ApiProperty({ example: '2026-12-31' }) @IsDateString() to!: string;
  @ApiPropertyOptional({ enum: CALL_KPI_BREAKDOWNS }) @IsOptional() @IsIn(CALL_KPI_BREAKDOWNS) by?: (typeof CALL_KPI_BREAKDOWNS)[number];
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) platformId?: number;
}
