export * from './lib/knowledge-base.module';
export * from './lib/articles.service';
export * from './lib/flags.service';
export * from './lib/dictionary.service';
export * from './lib/usage';
export * from './lib/answer-html';
export * from './lib/workflow';
export * from './lib/search/knowledge-search.service';
