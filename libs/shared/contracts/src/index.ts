export * from './lib/lifecycle';
export * from './lib/errors';
export * from './lib/api';
export * from './lib/vocabulary';
export * from './lib/reporting';
export * from './lib/deadlines';
export * from './lib/action-bodies';
