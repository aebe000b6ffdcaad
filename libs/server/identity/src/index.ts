export * from './lib/server-identity.module';
