export * from './lib/shell.routes';
