import { EMPTY_SEARCH, exportFileName, toOrderQuery } from './search-query';

describe('search form → query', () => {
  it('sends only what was filled in, the deepest category and whole days', () => {
    const q = toOrderQuery({
      ...EMPTY_SEARCH,
      number: ' 2020 ',
      phone: '138-1234',
      status: ['handling'],
      category: [10, 11],
      dates: [new Date(2020, 0, 1, 15), new Date(2020, 0, 31, 9)],
      overdue: true,
    });
    expect(q).toMatchObject({
      number: '2020',
      phone: '1381234',
      status: ['handling'],
      categoryId: 11,
      overdue: true,
    });
    expect(new Date(q.from as string).getTime()).toBe(new Date(2020, 0, 1).getTime());
    expect(new Date(q.to as string).getTime()).toBe(new Date(2020, 1, 1).getTime() - 1);
  });

  it('leaves an empty form empty', () => {
    const q = toOrderQuery(EMPTY_SEARCH);
    expect(Object.values(q).filter((v) => v !== undefined && v !== null)).toEqual([]);
  });

  it('names the export by time', () => {
    expect(exportFileName(new Date(2020, 5, 1, 8, 5))).toBe('工单导出_20200601_0805.xlsx');
  });
});
