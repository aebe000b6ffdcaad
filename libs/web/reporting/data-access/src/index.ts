export * from './lib/period';
export * from './lib/dashboard.store';
export * from './lib/reports.store';
export * from './lib/assessment.store';
export * from './lib/surges.store';
export * from './lib/meetings.store';
export * from './lib/imports.store';
export * from './lib/routing-accuracy.store';
