import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsISO8601,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DEAD_LETTER_STATUSES, EXCHANGE_SOURCES, type DeadLetterStatus, type ExchangeKind, type ExchangeSource } from '@hotline/contracts';

const PHONE = /^[0-9+\-() ]{3,32}$/;

export class UpdateSmsTemplateDto {
  @ApiProperty() @IsString() @Length(1, 300) body!: string;
  @ApiProperty() @IsBoolean() enabled!: boolean;
  @ApiProperty({ description: 'the version read; a stale one is 409' }) @IsInt() @Min(1) version!: number;
}

export class MessagesQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(PHONE) phone?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class OptOutDto {
  @ApiProperty() @Matches(PHONE, { message: 'phone: 3–32 digits, may contain + - ( ) and spaces' }) phone!: string;
}

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://example.org/hotline-events' })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  url!: string;
  @ApiProperty({ description: 'signs every delivery (X-Hotline-Signature)' }) @IsString() @Length(16, 200) secret!: string;
  @ApiProperty({ example: ['order.'], description: "topics ('order.create') or prefixes ending in '.' ('order.' = all)" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(/^order\.[a-z-]*$/, { each: true, message: "events: order topics such as 'order.create', or 'order.' for all" })
  events!: string[];
}

export class DeadLettersQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) subscriber?: string;
  @ApiPropertyOptional({ enum: DEAD_LETTER_STATUSES }) @IsOptional() @IsIn(DEAD_LETTER_STATUSES) status?: DeadLetterStatus;
}

export class CreateOpen311KeyDto {
  @ApiProperty({ example: '市民通APP' }) @IsString() @Length(1, 64) name!: string;
}

export class ReceiveUpstreamOrderDto {
  @ApiProperty({ enum: EXCHANGE_SOURCES }) @IsIn(EXCHANGE_SOURCES) source!: ExchangeSource;
  @ApiProperty({ example: 'JS2026120500012' }) @IsString() @Matches(/^[A-Za-z0-9_-]{1,64}$/) upstreamNumber!: string;
  @ApiPropertyOptional({ enum: ['normal', 'rectification'] }) @IsOptional() @IsIn(['normal', 'rectification']) kind?: ExchangeKind;
  @ApiPropertyOptional({ description: 'the upstream deadline; wins over the local policy when earlier' }) @IsOptional() @IsISO8601() deadline?: string;
  @ApiProperty({ example: 'complaint' }) @IsString() @Length(1, 32) appealType!: string;
  @ApiProperty() @IsInt() @Min(1) categoryId!: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) regionId?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) callerName?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(PHONE) callerPhone?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() confidential?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) address?: string;
  @ApiProperty() @IsString() @Length(1, 5000) content!: string;
}
