export * from './lib/lifecycle';
export * from './lib/privacy/mask';
export * from './lib/calendar';
export * from './lib/random/prng';
export * from './lib/stats';
export * from './lib/format/display';
export * from './lib/deadlines';
