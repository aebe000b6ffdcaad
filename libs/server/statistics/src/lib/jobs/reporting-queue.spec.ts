import { REPORTING_JOBS, ReportingJobs } from './reporting-queue';

describe('ReportingJobs', () => {
  const noop = async () => undefined;

  it('routes each job name to the handler its feature registered', async () => {
    const jobs = new ReportingJobs();
    jobs.register(REPORTING_JOBS.import, async () => 'imported');
    await expect(jobs.handler('import')?.({} as never)).resolves.toBe('imported');
    expect(jobs.handler('nothing')).toBeUndefined();
  });

  it('refuses a second handler for a job name', () => {
    const jobs = new ReportingJobs();
    jobs.register(REPORTING_JOBS.surgeScan, noop);
    expect(() => jobs.register(REPORTING_JOBS.surgeScan, noop)).toThrow(/two handlers/);
  });

  it('names the jobs nobody handles, so a worker missing a feature does not start', () => {
    const jobs = new ReportingJobs();
    expect(jobs.missing()).toEqual(['import', 'surge-scan']);
    jobs.register(REPORTING_JOBS.import, noop);
    expect(jobs.missing()).toEqual(['surge-scan']);
  });
});
