export * from './lib/server-orders.module';
