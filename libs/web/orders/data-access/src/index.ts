export * from './lib/order-query';
export * from './lib/orders.store';
export * from './lib/intake.store';
export * from './lib/xlsx-export';
export * from './lib/routing-queue.store';
