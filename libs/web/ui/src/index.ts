export * from './lib/cascader-type-to-open';
