export * from './lib/oversight.module';
export * from './lib/surge/surge.service';
export * from './lib/surge/surge-jobs';
export * from './lib/meetings/meetings.service';
