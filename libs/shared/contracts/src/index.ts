export * from './lib/lifecycle';
export * from './lib/errors';
export * from './lib/api';
export * from './lib/vocabulary';
