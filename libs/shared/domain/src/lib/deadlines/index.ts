export * from './duration';
export * from './deadline-clock';
export * from './policy';
export * from './time-limits';
export * from './timers';
