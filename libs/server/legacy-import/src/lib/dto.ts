import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class ImportUploadDto {
  @ApiProperty({ enum: ['orders', 'calls'] }) @IsIn(['orders', 'calls']) kind!: 'orders' | 'calls';
  @ApiProperty({ example: 'orders-2019.csv' })
  @IsString()
  @Length(5, 255)
  @Matches(/\.(csv|xlsx)$/i, { message: 'fileName must end in .csv or .xlsx' })
  // eslint-disable-next-line no-control-regex
  @Matches(/^[^/\\\u0000]+$/, { message: 'fileName is a bare file name: no path separators or NUL' })
  fileName!: string;
}

export class ImportErrorsQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) pageSize?: number;
}
