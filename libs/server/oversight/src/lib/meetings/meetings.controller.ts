import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MeetingView } from '@hotline/contracts';
import { CurrentUser, Roles, type AuthUser } from '@hotline/server-identity';
import { REPORT_ROLES, toPeriod } from '@hotline/server-statistics';
import { CreateMeetingDto, SurgeQueryDto } from '../dto';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post()
  @Roles('supervisor', 'leader', 'admin')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateMeetingDto): Promise<MeetingView> {
    toPeriod(body.heldOn, body.heldOn);
    return this.meetings.create(user.id, body);
  }

  @Get()
  @Roles(...REPORT_ROLES)
  list(@Query() q: SurgeQueryDto): Promise<MeetingView[]> {
    return this.meetings.list(toPeriod(q.from, q.to));
  }
}
