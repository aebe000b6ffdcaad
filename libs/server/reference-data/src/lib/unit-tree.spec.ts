import { isWithin, subtreeIds, wouldCycle } from './unit-tree';

const nodes = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 1 },
  { id: 4, parentId: 2 },
  { id: 5, parentId: null },
];

describe('unit tree', () => {
  it('collects a subtree', () => {
    expect(subtreeIds(nodes, 1).sort()).toEqual([1, 2, 3, 4]);
    expect(subtreeIds(nodes, 5)).toEqual([5]);
  });
  it('knows ancestry', () => {
    expect(isWithin(nodes, 4, 1)).toBe(true);
    expect(isWithin(nodes, 4, 3)).toBe(false);
    expect(isWithin(nodes, 1, 1)).toBe(true);
  });
  it('detects cycles before they are made', () => {
    expect(wouldCycle(nodes, 1, 4)).toBe(true);
    expect(wouldCycle(nodes, 4, 3)).toBe(false);
    expect(wouldCycle(nodes, 2, null)).toBe(false);
  });
  it('survives cyclic data', () => {
    expect(
      subtreeIds(
        [
          { id: 1, parentId: 2 },
          { id: 2, parentId: 1 },
        ],
        1,
      ).sort(),
    ).toEqual([1, 2]);
  });
});
