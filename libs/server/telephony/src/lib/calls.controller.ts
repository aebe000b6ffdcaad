import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { CallerSummary, CallKpiReport, CallPage, CallView, MyAgentState, TelephonyAdminView, WallboardView } from '@hotline/contracts';
import { CurrentUser, Roles, type AuthUser } from '@hotline/server-identity';
import { ParseIdPipe } from '@hotline/server-platform';
import { CALL_ROLES, CALL_SUPERVISORS, CallsService } from './calls.service';
import { CallKpiQueryDto, LinkCallDto, ListCallsDto, SetAgentStateDto, SetExtensionDto } from './dto';
import { TelephonyAdminService } from './telephony-admin.service';

@ApiTags('telephony')
@ApiBearerAuth()
@Controller()
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Get('calls')
  @Roles(...CALL_ROLES)
  list(@CurrentUser() user: AuthUser, @Query() q: ListCallsDto): Promise<CallPage> {
    return this.calls.list(user, q);
  }

  /** Links a call (a callback, a call to a unit, a three-way call) to its order. */
  @Post('calls/:id/link')
  @HttpCode(200)
  @Roles(...CALL_ROLES)
  link(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: LinkCallDto): Promise<CallView> {
    return this.calls.link(user, id, dto);
  }

  @Get('telephony/wallboard')
  @Roles('supervisor', 'leader', 'admin')
  wallboard(): Promise<WallboardView> {
    return this.calls.wallboard();
  }

  @Get('telephony/kpis')
  @Roles(...CALL_SUPERVISORS)
  kpis(@Query() q: CallKpiQueryDto): Promise<CallKpiReport> {
    return this.calls.kpis(q);
  }

  @Get('telephony/caller/:phone')
  @Roles('agent', 'callback_agent', 'dispatcher', 'supervisor', 'admin')
  caller(@Param('phone') phone: string): Promise<CallerSummary> {
    return this.calls.caller(phone);
  }

  @Get('telephony/me')
  @Roles('agent', 'callback_agent')
  me(@CurrentUser() user: AuthUser): Promise<MyAgentState> {
    return this.calls.myState(user);
  }

  /** 示闲 / 示忙 from the header. */
  @Put('telephony/me/state')
  @Roles('agent', 'callback_agent')
  setState(@CurrentUser() user: AuthUser, @Body() dto: SetAgentStateDto): Promise<MyAgentState> {
    return this.calls.setState(user, dto.state);
  }
}

const originOf = (req: FastifyRequest) => `${req.protocol}://${req.headers.host ?? req.hostname}`;

@ApiTags('telephony')
@ApiBearerAuth()
@Controller('admin/telephony')
@Roles('admin')
export class TelephonyAdminController {
  constructor(private readonly admin: TelephonyAdminService) {}

  @Get()
  view(@Req() req: FastifyRequest): Promise<TelephonyAdminView> {
    return this.admin.view(originOf(req));
  }

  @Post('pbx/:id/rotate')
  @HttpCode(200)
  rotate(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Req() req: FastifyRequest): Promise<TelephonyAdminView> {
    return this.admin.rotate(user, id, originOf(req));
  }

  @Put('extensions/:userId')
  setExtension(@CurrentUser() user: AuthUser, @Param('userId', ParseIdPipe) userId: number, @Body() dto: SetExtensionDto) {
    return this.admin.setExtension(user, userId, dto.extension);
  }
}
