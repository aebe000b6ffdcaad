export * from './lib/cascader-type-to-open';
export * from './lib/form-field';
export * from './lib/option-select';
export * from './lib/page-bar';
