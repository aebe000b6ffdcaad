export * from './lib/admin-crud';
export * from './lib/units.store';
export * from './lib/users.store';
export * from './lib/categories.store';
export * from './lib/topics.store';
export * from './lib/holidays.store';
export * from './lib/time-limits.store';
export * from './lib/deadline-ops.store';
