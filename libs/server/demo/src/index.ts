export * from './lib/demo-accounts';
export * from './lib/demo-orders';
export * from './lib/generator/generator.module';
export * from './lib/generator/generator.service';
export * from './lib/demo-knowledge';
