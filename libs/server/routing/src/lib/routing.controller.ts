import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  HotClustersResponse,
  OrderCluster,
  RoutingAccuracyMonth,
  RoutingModelView,
  RoutingRuleView,
  SuggestBatchResponse,
  SuggestResponse,
} from '@hotline/contracts';
import { CurrentUser, Roles, type AuthUser } from '@hotline/server-identity';
import { OrderClustersService } from './clusters/order-clusters.service';
import { HotClustersQueryDto, RoutingRuleDto, SuggestBatchDto, SuggestDto } from './dto';
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
    private readonly clusters: OrderClustersService,
  ) {}

  @Post('routing/suggest')
  @HttpCode(200)
  @Roles('agent', 'dispatcher', 'supervisor', 'admin')
  suggest(@Body() body: SuggestDto): Promise<SuggestResponse> {
    return this.suggestions.suggest(body);
  }

  /** The dispatcher queue's column: suggestions for up to 100 orders already taken. */
  @Post('routing/suggest-batch')
  @HttpCode(200)
  @Roles('agent', 'dispatcher', 'supervisor', 'admin')
  suggestBatch(@Body() body: SuggestBatchDto): Promise<SuggestBatchResponse> {
    return this.suggestions.suggestBatch(body.orderIds);
  }

  /** Registered orders that look like one matter, for the dispatcher to merge. */
  @Get('routing/queue-clusters')
  @Roles('dispatcher', 'supervisor', 'admin')
  queueClusters(): Promise<OrderCluster[]> {
    return this.clusters.queue();
  }

  /** A period's groups of many appeals about one place or thing, for the leaders' dashboard. */
  @Get('routing/clusters')
  @Roles('dispatcher', 'supervisor', 'leader', 'admin')
  hotClusters(@Query() q: HotClustersQueryDto): Promise<HotClustersResponse> {
    return this.clusters.hot(q.from, q.to, q.min ?? 3);
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
