export * from './lib/articles.store';
export * from './lib/suggest.store';
export * from './lib/search.store';
export * from './lib/import.store';
export * from './lib/dictionary.store';
export * from './lib/direct-answers.store';
