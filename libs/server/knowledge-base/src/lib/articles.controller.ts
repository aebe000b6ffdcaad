import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  KNOWLEDGE_ACTIONS,
  type KnowledgeAction,
  type KnowledgeArticleDetail,
  type KnowledgeArticleSummary,
  type KnowledgeFlagView,
  type KnowledgeStats,
  type KnowledgeVersionView,
  type Page,
} from '@hotline/contracts';
import { CurrentUser, Roles, type AuthUser } from '@hotline/server-identity';
import { AppException, ParseIdPipe } from '@hotline/server-platform';
import { ArticlesService } from './articles.service';
import { ArticleActionDto, ArticleInputDto, ArticleQueryDto, ArticleUpdateDto, FlagDto, FlagQueryDto, ResolveFlagDto } from './dto';
import { FlagsService } from './flags.service';
import { CENTER_ROLES, EDITOR_ROLES } from './workflow';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('knowledge')
export class ArticlesController {
  constructor(
    private readonly articles: ArticlesService,
    private readonly flags: FlagsService,
  ) {}

  @Get('articles')
  list(@CurrentUser() user: AuthUser, @Query() q: ArticleQueryDto): Promise<Page<KnowledgeArticleSummary>> {
    return this.articles.list(user, q);
  }

  @Get('articles/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number): Promise<KnowledgeArticleDetail> {
    return this.articles.get(user, id);
  }

  @Get('articles/:id/versions/:n')
  version(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Param('n', ParseIdPipe) n: number): Promise<KnowledgeVersionView> {
    return this.articles.version(user, id, n);
  }

  @Post('articles')
  @Roles(...EDITOR_ROLES)
  create(@CurrentUser() user: AuthUser, @Body() body: ArticleInputDto): Promise<KnowledgeArticleDetail> {
    return this.articles.create(user, body);
  }

  @Put('articles/:id')
  @Roles(...EDITOR_ROLES)
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() body: ArticleUpdateDto): Promise<KnowledgeArticleDetail> {
    const { version, ...input } = body;
    return this.articles.update(user, id, version, input);
  }

  @Post('articles/:id/flags')
  flag(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() body: FlagDto): Promise<KnowledgeFlagView> {
    return this.flags.flag(user, id, body.reason);
  }

  @Post('articles/:id/:action')
  @HttpCode(200)
  @Roles(...EDITOR_ROLES)
  act(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: number,
    @Param('action') action: string,
    @Body() body: ArticleActionDto,
  ): Promise<KnowledgeArticleDetail> {
    if (!(KNOWLEDGE_ACTIONS as readonly string[]).includes(action))
      throw new AppException('VALIDATION_FAILED', `action: one of ${KNOWLEDGE_ACTIONS.join(', ')}`, [{ field: 'action', messages: ['unknown action'] }]);
    return this.articles.act(user, id, action as KnowledgeAction, body.version, body.remark);
  }

  @Get('flags')
  listFlags(@CurrentUser() user: AuthUser, @Query() q: FlagQueryDto): Promise<Page<KnowledgeFlagView>> {
    return this.flags.list(user, q.open == null ? undefined : q.open === 'true', q.page ?? 1, q.pageSize ?? 20);
  }

  @Post('flags/:id/resolve')
  @HttpCode(200)
  @Roles(...EDITOR_ROLES)
  resolve(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() body: ResolveFlagDto): Promise<KnowledgeFlagView> {
    return this.flags.resolve(user, id, body.remark ?? null);
  }

  @Post('from-order/:orderId')
  @Roles(...CENTER_ROLES, 'unit_handler')
  fromOrder(@CurrentUser() user: AuthUser, @Param('orderId', ParseIdPipe) orderId: number): Promise<KnowledgeArticleDetail> {
    return this.flags.fromOrder(user, orderId);
  }

  @Get('stats')
  stats(@CurrentUser() user: AuthUser): Promise<KnowledgeStats> {
    return this.articles.stats(user);
  }
}
