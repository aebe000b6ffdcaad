import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { RoutingAccuracyMonth, RoutingModelView, RoutingRuleView, SuggestResponse } from '@hotline/contracts';
import { CurrentUser, Roles, type AuthUser } from '@hotline/server-identity';
import { RoutingRuleDto, SuggestDto } from './dto';
import { RoutingModelStore } from './model/routing-model.store';
import { RoutingTrainQueue } from './model/routing-jobs';
import { RoutingOutcomes } from './outcomes/routing-outcomes.service';
import { RoutingRulesService } from './rules/routing-rules.service';
import { RoutingSuggestService } from './suggest/routing-suggest.service';

@ApiTags('routing')
@ApiBearerAuth()
@Controller()
export class RoutingController {
  constructor(
    private readonly suggestions: RoutingSuggestService,
    private readonly store: RoutingModelStore,
    private readonly queue: RoutingTrainQueue,
    private readonly rules: RoutingRulesService,
    private readonly outcomes: RoutingOutcomes,
  ) {}

  @Post('routing/suggest')
  @HttpCode(200)
  @Roles('agent', 'dispatcher', 'supervisor', 'admin')
  suggest(@Body() body: SuggestDto): Promise<SuggestResponse> {
    return this.suggestions.suggest(body);
  }

  @Get('admin/routing/model')
  @Roles('admin', 'dispatcher', 'leader')
  model(): Promise<RoutingModelView> {
    return this.store.view();
  }

  /** Queues a training run (the worker runs it); the model serving now serves until the new one is as good. */
  @Post('admin/routing/train')
  @HttpCode(202)
  @Roles('admin')
  async train(@CurrentUser() user: AuthUser): Promise<RoutingModelView> {
    await this.queue.request(user.id);
    return this.store.view();
  }

  @Get('admin/routing/rules')
  @Roles('admin', 'dispatcher')
  listRules(): Promise<RoutingRuleView[]> {
    return this.rules.list();
  }

  @Post('admin/routing/rules')
  @Roles('admin')
  createRule(@CurrentUser() user: AuthUser, @Body() body: RoutingRuleDto): Promise<RoutingRuleView> {
    return this.rules.create(user, body);
  }

  @Delete('admin/routing/rules/:id')
  @HttpCode(204)
  @Roles('admin')
  removeRule(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.rules.remove(user, id);
  }

  @Get('stats/routing-accuracy')
  @Roles('leader', 'admin', 'supervisor', 'dispatcher')
  accuracy(): Promise<RoutingAccuracyMonth[]> {
    return this.outcomes.byMonth();
  }
}
