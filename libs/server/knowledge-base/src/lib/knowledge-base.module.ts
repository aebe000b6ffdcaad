import { BullModule } from '@nestjs/bullmq';
import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { NotificationWriterModule } from '@hotline/server-notifications';
import { OrderHooks, OrdersModule } from '@hotline/server-orders';
import { acceptRawUploads } from '@hotline/server-platform';
import { ReferenceDataModule } from '@hotline/server-reference-data';
import { ArticlesController } from './articles.controller';
import { ArticlesService } from './articles.service';
import { DictionaryController } from './dictionary.controller';
import { DictionaryService } from './dictionary.service';
import { KNOWLEDGE_QUEUE, KnowledgeExpiry, KnowledgeProcessor, KnowledgeScheduler } from './expiry/knowledge-expiry';
import { FlagsService } from './flags.service';
import { KnowledgeImportController } from './import/import.controller';
import { KnowledgeImportService } from './import/knowledge-import.service';
import { DirectAnswerStatsController, SearchController } from './search/search.controller';
import { KnowledgeSearch } from './search/knowledge-search.service';
import { ArticleUseHook, DirectAnswerStatsService } from './usage';

const SERVICES = [ArticlesService, FlagsService, DictionaryService, DirectAnswerStatsService, KnowledgeImportService, KnowledgeExpiry];

/** The knowledge base without HTTP or an index: articles, workflow, flags, dictionary (the worker, the demo seed). */
@Module({
  imports: [ReferenceDataModule, NotificationWriterModule],
  providers: SERVICES,
  exports: [...SERVICES, NotificationWriterModule],
})
export class KnowledgeBaseCoreModule {}

/**
 * The API side: /api/knowledge/…, /api/admin/knowledge/dictionary, /api/stats/direct-answers, this process's search
 * index, and the direct-answer hook that checks and counts an article's use.
 */
@Module({
  imports: [KnowledgeBaseCoreModule, OrdersModule],
  controllers: [ArticlesController, SearchController, DictionaryController, DirectAnswerStatsController, KnowledgeImportController],
  providers: [KnowledgeSearch, ArticleUseHook],
  exports: [KnowledgeSearch],
})
export class KnowledgeBaseModule implements OnModuleInit {
  constructor(
    private readonly hooks: OrderHooks,
    private readonly use: ArticleUseHook,
    private readonly http: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this.use);
    acceptRawUploads(this.http);
  }
}

/** The worker side: the knowledge queue's expiry sweep (reminders 7 days ahead, then expiry). Needs BullModule.forRoot. */
@Module({
  imports: [KnowledgeBaseCoreModule, BullModule.registerQueue({ name: KNOWLEDGE_QUEUE })],
  providers: [KnowledgeProcessor, KnowledgeScheduler],
})
export class KnowledgeBaseWorkerModule {}
