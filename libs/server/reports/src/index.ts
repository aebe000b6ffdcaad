export * from './lib/reports.module';
export * from './lib/annual-report.service';
export * from './lib/report-issues.service';
export * from './lib/png';
export { unzip } from './lib/zip';
