import { importJobId } from './import-queue';

describe('importJobId', () => {
  it('is the same for the same import row, so a retried submit cannot queue it twice', () => {
    const row = { id: 7, createdAt: '2026-12-01T08:00:00.123Z' };
    expect(importJobId(row)).toBe(importJobId({ ...row }));
  });

  it('differs for an import with the same id made later (a database recreated under the same Redis)', () => {
    expect(importJobId({ id: 1, createdAt: '2026-12-01T08:00:00.123Z' })).not.toBe(importJobId({ id: 1, createdAt: '2026-12-02T09:30:00.000Z' }));
  });
});
