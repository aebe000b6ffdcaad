export * from './lib/legacy-import.module';
export * from './lib/import.service';
export * from './lib/import-jobs.service';
export * from './lib/import-queue';
export * from './lib/legacy';
export * from './lib/summary-staging';
