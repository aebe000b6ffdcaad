export * from './lib/web-orders-feature/web-orders-feature';
