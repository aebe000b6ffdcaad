import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DirectAnswerStats, KnowledgeSearchResult, KnowledgeSuggestResponse } from '@hotline/contracts';
import { Roles } from '@hotline/server-identity';
import { REPORT_ROLES } from '@hotline/server-statistics';
import { DirectAnswerStatsQueryDto, SearchQueryDto, SuggestDto } from '../dto';
import { DirectAnswerStatsService } from '../usage';
import { KnowledgeSearch } from './knowledge-search.service';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('knowledge')
export class SearchController {
  constructor(private readonly index: KnowledgeSearch) {}

  /** For people typing keywords: published, unexpired articles, matches highlighted. */
  @Get('search')
  search(@Query() q: SearchQueryDto): Promise<KnowledgeSearchResult> {
    return this.index.search(q);
  }

  /** For the intake screen as the agent types: the ten best articles for the appeal's whole text. */
  @Post('suggest')
  @HttpCode(200)
  suggest(@Body() body: SuggestDto): Promise<KnowledgeSuggestResponse> {
    return this.index.suggest(body);
  }
}

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class DirectAnswerStatsController {
  constructor(private readonly stats: DirectAnswerStatsService) {}

  @Get('direct-answers')
  @Roles(...REPORT_ROLES)
  directAnswers(@Query() q: DirectAnswerStatsQueryDto): Promise<DirectAnswerStats> {
    return this.stats.stats(q.from, q.to);
  }
}
