import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { DATE } from '@hotline/server-statistics';

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
