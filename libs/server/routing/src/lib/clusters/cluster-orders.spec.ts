import { clusterOrders, type ClusterItem } from './cluster-orders';

const T0 = Date.UTC(2026, 0, 5);
let seq = 0;
const order = (content: string, address: string | null = null, minutes = 0): ClusterItem => ({ id: ++seq, address, content, createdAt: T0 + minutes * 60_000 });

describe('clusterOrders', () => {
  beforeEach(() => (seq = 0));

  it('groups orders at one address, however it is punctuated, and names the group by it', () => {
    const items = [
      order('楼道灯坏了一个月没人修', '海州区幸福路 12 号', 0),
      order('门口垃圾堆了好几天', '海州区幸福路12号', 5),
      order('小区门口井盖缺失', '海州区，幸福路12号', 10),
      order('学区划分咨询', '连云区港城大道1号', 15),
    ];
    const [c, ...rest] = clusterOrders(items, { minSize: 2 });
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ reason: 'address', key: 'a:海州区幸福路12号', ids: [3, 2, 1] });
    expect(c.label).toBe('海州区，幸福路12号');
  });

  it('groups orders whose text is alike when they give no address, and leaves unlike text alone', () => {
    const items = [
      order('朝阳街道幸福小区3号楼连续三天停水物业不管'),
      order('朝阳街道幸福小区3号楼又停水了已经三天'),
      order('幸福小区3号楼停水三天了朝阳街道'),
      order('晚上广场舞音响声音太大影响休息'),
      order('孩子上小学学区怎么划分'),
    ];
    const clusters = clusterOrders(items, { minSize: 2 });
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ reason: 'text', key: 't:1', ids: [3, 2, 1] });
    expect(clusters[0].label).toBe('幸福小区3号楼停水三天了朝阳街道');
  });

  it('joins links transitively: an address link and a text link make one group', () => {
    const items = [
      order('东方花园北门路灯不亮', '新浦区东方花园北门', 0),
      order('井盖丢了很危险', '新浦区东方花园北门', 1),
      // no address, but the same words as the first
      order('东方花园北门的路灯一直不亮', null, 2),
    ];
    const [c] = clusterOrders(items, { minSize: 3 });
    expect(c.ids.sort()).toEqual([1, 2, 3]);
    // two of the three share the address: it names the group
    expect(c).toMatchObject({ reason: 'address', label: '新浦区东方花园北门' });
  });

  it('reports only groups of at least minSize, largest first', () => {
    const items = [
      order('a', '连云区港城大道1号'),
      order('b', '连云区港城大道1号'),
      order('c', '赣榆区青口镇人民路8号'),
      order('d', '赣榆区青口镇人民路8号'),
      order('e', '赣榆区青口镇人民路8号'),
    ];
    expect(clusterOrders(items, { minSize: 3 }).map((c) => c.ids.length)).toEqual([3]);
    expect(clusterOrders(items, { minSize: 2 }).map((c) => c.label)).toEqual(['赣榆区青口镇人民路8号', '连云区港城大道1号']);
    // a group is never a single order, even when asked for minSize 1
    expect(clusterOrders([order('x'), order('y')], { minSize: 1 })).toEqual([]);
  });

  it('is not fooled by an order listed twice', () => {
    const a = order('楼下烧烤油烟很大', '海州区解放路5号');
    expect(clusterOrders([a, a], { minSize: 2 })).toEqual([]);
  });
});
