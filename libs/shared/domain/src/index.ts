export * from './lib/lifecycle';
export * from './lib/privacy/mask';
export * from './lib/calendar';
export * from './lib/random/prng';
