export * from './holidays';
export * from './work-calendar';
