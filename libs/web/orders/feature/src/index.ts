export * from './lib/orders.routes';
