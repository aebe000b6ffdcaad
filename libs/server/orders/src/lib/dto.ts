import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsISO8601,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DAYS_LIMITS,
  DIRECT_ANSWER_METHOD_OPTIONS,
  THREE_WAY_PERSON_MAX,
  type DirectAnswerMethod,
  MAX_CO_UNITS,
  TEXT_LIMITS,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  ORDER_UNIT_PARTS,
  SATISFACTION_LEVELS,
  type OrderAction,
  type OrderUnitPart,
  type Satisfaction,
} from '@hotline/contracts';

export class CallerDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) name?: string;
  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @Matches(/^[0-9+\-() ]{3,32}$/, { message: 'phone: 3–32 digits, may contain + - ( ) and spaces' })
  phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() confidential?: boolean;
  @ApiPropertyOptional({ description: 'a confidential caller who still wants SMS notices (受理回执, 办结告知)' })
  @IsOptional()
  @IsBoolean()
  smsConsent?: boolean;
}

export class CreateOrderDto {
  @ApiProperty({ example: 'phone' }) @IsString() @Length(1, 32) channel!: string;
  @ApiProperty({ example: 'complaint' }) @IsString() @Length(1, 32) appealType!: string;
  @ApiProperty() @IsInt() @Min(1) categoryId!: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) regionId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) platformId?: number;
  @ApiProperty({ type: CallerDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => CallerDto) caller!: CallerDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) address?: string;
  @ApiProperty() @IsString() @Length(1, 5000) content!: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @ArrayUnique() @IsString({ each: true }) topics?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() urgent?: boolean;
  /** The PBX call the order was taken on (from the call pop); the call record is linked to the order. */
  @ApiPropertyOptional({ example: 'pbx-1733380000-42' }) @IsOptional() @Matches(/^[\w.:@+-]{1,64}$/, { message: 'callId: a PBX call id' }) callId?: string;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);
const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

export class SearchOrdersDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(24) number?: string;
  @ApiPropertyOptional({ description: 'comma-separated statuses' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(ORDER_STATUSES, { each: true })
  status?: string[];
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) unitId?: number;
  @ApiPropertyOptional({
    enum: ORDER_UNIT_PARTS,
    description: "the unit's part: 'main' = main unit in scope, 'co' = only a co-unit in scope (of unitId, else of the user's unit)",
  })
  @IsOptional()
  @IsIn(ORDER_UNIT_PARTS)
  unitPart?: OrderUnitPart;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) regionId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) categoryId?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) channel?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) appealType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) topic?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() to?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(24 * 30) dueWithinHours?: number;
  @ApiPropertyOptional({ description: 'handling deadline at or before this time (积案: overdue for N days)' })
  @IsOptional()
  @IsISO8601()
  handleDueBefore?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() pendingExtension?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() reworked?: boolean;
  @ApiPropertyOptional({ description: 'orders that have been formally supervised (督办件)' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  supervised?: boolean;
  @ApiPropertyOptional({ enum: ['direct', 'dispatched'] }) @IsOptional() @IsIn(['direct', 'dispatched']) resolution?: 'direct' | 'dispatched';
  @ApiPropertyOptional({ description: 'comma-separated callback ratings' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(SATISFACTION_LEVELS, { each: true })
  satisfaction?: string[];
  @ApiPropertyOptional({ description: 'orders awaiting a callback, merged ones included' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  callbackQueue?: boolean;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
  @ApiPropertyOptional() @IsOptional() @IsIn(['createdAt', '-createdAt', 'handleDueAt']) sort?: 'createdAt' | '-createdAt' | 'handleDueAt';
}

// --- action bodies: every action carries the version the client saw; fields and limits as ACTION_BODIES (contracts) says,
// which dto.spec.ts checks decorator by decorator

export class ActionDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
}
class CommentDto extends ActionDto {
  @IsOptional() @IsString() @MaxLength(TEXT_LIMITS.comment) comment?: string;
}
export class DirectAnswerDto extends ActionDto {
  @IsString() @Length(1, TEXT_LIMITS.long) answer!: string;
  @IsOptional() @IsIn(DIRECT_ANSWER_METHOD_OPTIONS) method?: DirectAnswerMethod;
  @IsOptional() @IsInt() @Min(1) articleId?: number;
  @IsOptional() @IsInt() @Min(1) articleVersion?: number;
  @IsOptional() @IsInt() @Min(1) threeWayUnitId?: number;
  @IsOptional() @IsString() @MaxLength(THREE_WAY_PERSON_MAX) threeWayPerson?: string;
}
export class DispatchDto extends CommentDto {
  @IsInt() @Min(1) unitId!: number;
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_CO_UNITS) @ArrayUnique() @IsInt({ each: true }) @Min(1, { each: true }) coUnitIds?: number[];
}
export class ReasonDto extends ActionDto {
  @IsString() @Length(1, TEXT_LIMITS.reason) reason!: string;
}
export class ExtensionDto extends ActionDto {
  @IsInt() @Min(DAYS_LIMITS.min) @Max(DAYS_LIMITS.max) days!: number;
  @IsString() @Length(1, TEXT_LIMITS.reason) reason!: string;
}
export class ContentDto extends ActionDto {
  @IsString() @Length(1, TEXT_LIMITS.long) content!: string;
}
export class CallbackDto extends ActionDto {
  @IsIn(SATISFACTION_LEVELS) satisfaction!: Satisfaction;
  @IsBoolean() solved!: boolean;
  @IsOptional() @IsString() @MaxLength(TEXT_LIMITS.reason) comment?: string;
  @IsOptional() @IsBoolean() reopen?: boolean;
}
export class SuperviseDto extends ActionDto {
  @IsString() @Length(1, TEXT_LIMITS.comment) comment!: string;
  @IsOptional() @IsInt() @Min(DAYS_LIMITS.min) @Max(DAYS_LIMITS.max) feedbackDays?: number;
}
export class MergeDto extends ActionDto {
  @IsInt() @Min(1) masterId!: number;
}

export const ACTION_DTOS: Record<OrderAction, new () => ActionDto> = {
  'direct-answer': DirectAnswerDto,
  dispatch: DispatchDto,
  sign: ActionDto,
  return: ReasonDto,
  'approve-return': CommentDto,
  'reject-return': CommentDto,
  'request-extension': ExtensionDto,
  'approve-extension': CommentDto,
  'reject-extension': CommentDto,
  suspend: ReasonDto,
  resume: CommentDto,
  reply: ContentDto,
  'co-reply': ContentDto,
  'accept-reply': CommentDto,
  'send-back': ReasonDto,
  callback: CallbackDto,
  urge: CommentDto,
  supervise: SuperviseDto,
  feedback: ContentDto,
  instruct: ContentDto,
  close: CommentDto,
  merge: MergeDto,
};

export const isOrderAction = (a: string): a is OrderAction => (ORDER_ACTIONS as readonly string[]).includes(a);

/** Union of every action's fields, as the service sees a validated body. */
export type ActionBody = ActionDto &
  Partial<DirectAnswerDto & DispatchDto & ReasonDto & ExtensionDto & ContentDto & CallbackDto & SuperviseDto & MergeDto & CommentDto>;
