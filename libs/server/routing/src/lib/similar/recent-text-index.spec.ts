import { RecentTextIndex, type IndexedOrder } from './recent-text-index';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6);

function order(id: number, over: Partial<IndexedOrder> = {}): IndexedOrder {
  return { id, categoryId: 1, regionId: 1, addressKey: null, createdAt: NOW - DAY, ...over };
}

/** Filler orders that make the pairs of 居民反映 common (in more than 5% of the index). */
function filler(index: RecentTextIndex, from: number, n: number, over: Partial<IndexedOrder> = {}) {
  const words = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
  for (let i = 0; i < n; i++) {
    const a = words[i % words.length];
    const b = words[Math.floor(i / words.length) % words.length];
    index.add(order(from + i, over), `居民反映${a}${b}${b}${a}事项编号${i}`);
  }
}

describe('RecentTextIndex', () => {
  it('finds the order that says the same thing, best first, and not the ones sharing only common words', () => {
    const index = new RecentTextIndex();
    filler(index, 100, 200);
    index.add(order(1), '居民反映海州区新浦路小区突然停水没有通知');
    index.add(order(2), '居民反映连云区广场舞音响声音太大');
    index.add(order(3), '新浦路小区停水了');
    const hits = index.similarText('海州区新浦路小区突然停水，居民反映没有任何通知');
    expect(hits.map((h) => h.id)).toEqual([1, 3]);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
    // 居民反映 alone is in every filler order: it says nothing
    expect(index.similarText('居民反映')).toEqual([]);
  });

  it('finds a short similar order among many through the rare pairs of a long appeal', () => {
    const index = new RecentTextIndex();
    filler(index, 1000, 3000);
    index.add(order(7), '朐阳街道幸福南路垃圾桶满溢无人清运');
    const long = `${'居民反映天气炎热希望相关部门重视'.repeat(30)}朐阳街道幸福南路垃圾桶满溢无人清运`;
    const hit = index.similarText(long, 10, 0.05);
    expect(hit[0]?.id).toBe(7);
  });

  it('scores given orders exactly and leaves out those it does not hold or that share nothing', () => {
    const index = new RecentTextIndex();
    index.add(order(1), '小区停水');
    index.add(order(2), '路灯不亮');
    const scores = index.scores('小区停水', [1, 2, 99]);
    expect(scores).toEqual([{ id: 1, score: 1 }]);
  });

  it('evicts orders past the window from every lookup, compacting its lists in bulk', () => {
    const index = new RecentTextIndex();
    index.add(order(1, { createdAt: NOW - 100 * DAY, addressKey: 'k', categoryId: 5 }), '小区突然停水没有通知');
    index.add(order(2, { createdAt: NOW - DAY, addressKey: 'k', categoryId: 5 }), '小区突然停水没有通知啊');
    filler(index, 10, 1200, { createdAt: NOW - 120 * DAY });
    index.evict(NOW - 90 * DAY);
    expect(index.size).toBe(1);
    expect(index.similarText('小区突然停水没有通知').map((h) => h.id)).toEqual([2]);
    expect(index.byAddressKey('k')).toEqual([2]);
    expect(index.sameCategory(5, null, 0)).toEqual([2]);
    expect(index.scores('小区突然停水没有通知', [1, 2]).map((h) => h.id)).toEqual([2]);
    // nothing older is left: a second eviction changes nothing
    index.evict(NOW - 90 * DAY);
    expect(index.size).toBe(1);
  });

  it('lists the same category in the region since a time, newest first', () => {
    const index = new RecentTextIndex();
    index.add(order(1, { categoryId: 3, regionId: 1, createdAt: NOW - 5 * DAY }), '甲');
    index.add(order(2, { categoryId: 3, regionId: 1, createdAt: NOW - DAY }), '乙');
    index.add(order(3, { categoryId: 3, regionId: 2, createdAt: NOW - DAY }), '丙');
    index.add(order(4, { categoryId: 4, regionId: 1, createdAt: NOW - DAY }), '丁');
    expect(index.sameCategory(3, 1, NOW - 3 * DAY)).toEqual([2]);
    expect(index.sameCategory(3, null, NOW - 3 * DAY)).toEqual([3, 2]);
  });
});
