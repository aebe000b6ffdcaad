export * from './lib/server-reference-data.module';
