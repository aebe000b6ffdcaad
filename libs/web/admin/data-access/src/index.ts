export * from './lib/admin.store';
