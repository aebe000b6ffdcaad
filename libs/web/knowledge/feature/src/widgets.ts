// The knowledge parts of other pages (intake, order page, leader dashboard), each imported by a lazy page:
// `@hotline/web-knowledge-feature/widgets`, kept out of the routes barrel so that none lands in the initial bundle.
export * from './lib/intake/answer-method';
export * from './lib/intake/suggestions-panel';
export * from './lib/order/order-knowledge';
export * from './lib/dashboard/coverage-card';
