export * from './lib/errors';
export * from './lib/text';
export * from './lib/analyzer';
export * from './lib/types';
export * from './lib/highlight';
export * from './lib/knowledge-index';
