import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SurgeAlertView } from '@hotline/contracts';
import { Roles } from '@hotline/server-identity';
import { REPORT_ROLES, toPeriod } from '@hotline/server-statistics';
import { RunSurgeDto, SurgeQueryDto } from '../dto';
import { SurgeService } from './surge.service';

@ApiTags('surge-alerts')
@ApiBearerAuth()
@Controller('surge-alerts')
export class SurgeController {
  constructor(private readonly surges: SurgeService) {}

  @Get()
  @Roles(...REPORT_ROLES)
  list(@Query() q: SurgeQueryDto): Promise<SurgeAlertView[]> {
    return this.surges.list(toPeriod(q.from, q.to));
  }

  /** Scans one day now (the worker does yesterday every night); returns that day's alerts. */
  @Post('scan')
  @HttpCode(200)
  @Roles('admin', 'supervisor')
  scan(@Body() body: RunSurgeDto): Promise<SurgeAlertView[]> {
    if (body.day) toPeriod(body.day, body.day);
    return this.surges.scan(body.day);
  }
}
