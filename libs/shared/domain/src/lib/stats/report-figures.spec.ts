import { byLevel1, hotCategories, meetingTopics, type CategoryTree } from './report-figures';

/** Two level-1 categories with a sub-category each; one region besides the city's. */
const cat = (id: number, code: string, name: string, level: number, l1: number, l2: number | null) => [id, { id, code, name, level, l1, l2 }] as const;
const tree: CategoryTree = {
  categories: new Map([
    cat(1, 'hjwr', '环境污染', 1, 1, null),
    cat(11, 'zs', '噪声', 2, 1, 11),
    cat(2, 'sdqn', '水电气暖', 1, 2, null),
    cat(21, 'gs', '供水', 2, 2, 21),
  ]),
  children: (id) => (id === 1 ? [{ id: 11, name: '噪声' }] : id === 2 ? [{ id: 21, name: '供水' }] : []),
  regions: [
    { id: 100, code: 'city', sort: 0 },
    { id: 101, code: 'hz', sort: 1 },
  ],
  regionName: (id) => (id === 101 ? '海州区' : '市直'),
};
const row = (category_id: number, appeal_type_code: string, region_id: number, accepted: number) => ({ category_id, appeal_type_code, region_id, accepted });

describe('hotCategories', () => {
  const cur = [row(11, 'complaint', 101, 5), row(11, 'consult', 100, 20), row(21, 'consult', 101, 30), row(21, 'report', 101, 1)];

  it('ranks by complaints and reports before all appeals, with sub-categories, regions (not the city) and the year before', () => {
    const { selected, also } = hotCategories(cur, [row(11, 'x', 0, 10)], tree);
    expect(selected.map((h) => [h.code, h.count, h.previous])).toEqual([
      ['sdqn', 31, 0],
      ['hjwr', 25, 10],
    ]);
    const hjwr = selected.find((h) => h.code === 'hjwr');
    expect(hjwr?.style).toBe('pollution');
    expect(hjwr?.l2).toEqual([{ name: '噪声', value: 25, l3: [] }]);
    expect(hjwr?.regions).toEqual([{ name: '海州区', value: 5, l2: [{ name: '噪声', value: 5 }] }]);
    expect(also).toEqual([]);
  });

  it('takes the categories asked for, and names the rest as also', () => {
    const { selected, also } = hotCategories(cur, [], tree, [1]);
    expect(selected.map((h) => h.code)).toEqual(['hjwr']);
    expect(also).toEqual(['水电气暖']);
  });
});

describe('byLevel1', () => {
  it('sums rows under their level-1 category, largest first', () => {
    expect(byLevel1([row(11, 'x', 0, 2), row(1, 'x', 0, 1), row(21, 'x', 0, 4), row(99, 'x', 0, 7)], tree)).toEqual([
      { name: '水电气暖', value: 4 },
      { name: '环境污染', value: 3 },
    ]);
  });
});

describe('meetingTopics', () => {
  it('strips the meeting words and orders by frequency', () => {
    expect(meetingTopics(['停车收费问题专题协调会议', '供水管网改造专题协调会议', '停车收费问题专题协调会议'])).toEqual(['停车收费', '供水管网改造']);
  });
});
