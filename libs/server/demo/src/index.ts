export * from './lib/demo-accounts';
export * from './lib/demo-orders';
