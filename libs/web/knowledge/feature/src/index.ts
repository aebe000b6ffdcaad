export * from './lib/knowledge.routes';
export * from './lib/intake/answer-method';
export * from './lib/intake/suggestions-panel';
export * from './lib/order/order-knowledge';
export * from './lib/dashboard/coverage-card';
