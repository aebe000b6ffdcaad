export * from './lib/assessment.module';
export * from './lib/assessment.service';
