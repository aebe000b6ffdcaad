import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ParseIdPipe } from '@hotline/server-platform';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeadlineOpsView, EscalatedOrderView, OrderEventSubscriberView, OrderTimerView, TimeLimitPolicyView } from '@hotline/contracts';
import { CurrentUser, Roles, type AuthUser } from '@hotline/server-identity';
import { DeadlineOpsService } from './deadline-ops.service';
import { DeadlinesService } from './deadlines.service';
import { CreateTimeLimitPolicyDto, UpdateTimeLimitPolicyDto } from './dto';
import { TimeLimitPolicyService } from './time-limit-policy.service';

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller()
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get('orders/:id/timers')
  timers(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number): Promise<OrderTimerView[]> {
    return this.deadlines.timersOf(user, id);
  }

  @Get('supervision/escalations')
  @Roles('supervisor', 'dispatcher', 'leader', 'admin')
  escalations(): Promise<EscalatedOrderView[]> {
    return this.deadlines.escalations();
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class DeadlinesAdminController {
  constructor(
    private readonly policy: TimeLimitPolicyService,
    private readonly ops: DeadlineOpsService,
  ) {}

  @Get('time-limits') list(): Promise<TimeLimitPolicyView[]> {
    return this.policy.list();
  }

  @Post('time-limits') create(@CurrentUser() user: AuthUser, @Body() dto: CreateTimeLimitPolicyDto): Promise<TimeLimitPolicyView> {
    return this.policy.create(user, dto);
  }

  @Patch('time-limits/:id') update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: UpdateTimeLimitPolicyDto,
  ): Promise<TimeLimitPolicyView> {
    return this.policy.update(user, id, dto);
  }

  @Delete('time-limits/:id') @HttpCode(204) remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.policy.remove(user, id);
  }

  @Get('deadlines') status(): Promise<DeadlineOpsView & { eventSubscribers: OrderEventSubscriberView[] }> {
    return this.ops.status();
  }

  @Post('deadlines/reconcile') @HttpCode(202) reconcile(): Promise<{ queued: true }> {
    return this.ops.reconcileNow();
  }
}
