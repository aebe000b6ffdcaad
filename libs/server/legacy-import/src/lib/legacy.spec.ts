import { CALL_HEADERS, chinaTime, indexHeaders, ORDER_HEADERS, parseCallRow, parseOrderRow, type Cell, type Names } from './legacy';

const names: Names = {
  platform: (n) => ({ 市级: 1, 海州区: 2 })[n],
  channel: (n) => ({ 电话: 'phone', 路面巡查: 'patrol' })[n],
  appealType: (n) => ({ 咨询: 'consult', 投诉: 'complaint' })[n],
  category: (p) => ({ 水电气暖: 10, '水电气暖/供水': 11, '水电气暖/供水/突发停水': 12 })[p],
  region: (n) => (n === '市直' ? 100 : n === '海州区' ? 101 : undefined),
  topic: (n) => ({ 疫情防控: 7, 文明创建: 8 })[n],
  unit: (n) => ({ 连云港水务集团: 50 })[n],
};
const { index } = indexHeaders([...ORDER_HEADERS], ORDER_HEADERS);
const NOW = new Date('2021-06-01T00:00:00Z');

function row(over: Partial<Record<(typeof ORDER_HEADERS)[number], Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    工单编号: '20200301000001',
    受理平台: '市级',
    受理时间: '2020-03-01 09:30:00',
    来源渠道: '电话',
    诉求类型: '投诉',
    诉求分类: '水电气暖/供水/突发停水',
    所属区域: '海州区',
    专题: '疫情防控;文明创建',
    来电号码: '13800001111',
    诉求内容: '小区停水',
    处理方式: '派单',
    承办单位: '连云港水务集团',
    派单时间: '2020-03-01 09:40:00',
    办理时限: '2020-03-06 17:30:00',
    办结时间: '2020-03-03 10:00:00',
    回访时间: '2020-03-04 10:00:00',
    满意度: '满意',
    是否解决: '是',
    ...over,
  };
  return ORDER_HEADERS.map((h) => base[h]);
}

const errorsOf = (cells: Cell[]) => {
  const r = parseOrderRow(cells, index, names, 7, NOW);
  return r.ok ? [] : r.errors.map((e) => `${e.column}: ${e.reason}`);
};

describe('chinaTime', () => {
  it('reads China wall-clock text as the instant it is', () => {
    expect((chinaTime('2020-03-01 09:30:00') as Date).toISOString()).toBe('2020-03-01T01:30:00.000Z');
    expect((chinaTime('2020/3/1 9:30') as Date).toISOString()).toBe('2020-03-01T01:30:00.000Z');
    expect((chinaTime('2020-03-01') as Date).toISOString()).toBe('2020-02-29T16:00:00.000Z');
  });

  it('reads XLSX dates (wall clock stored as UTC) and Excel serial numbers', () => {
    expect((chinaTime(new Date('2020-03-01T09:30:00Z')) as Date).toISOString()).toBe('2020-03-01T01:30:00.000Z');
    expect((chinaTime(43891.395833333336) as Date).toISOString()).toBe('2020-03-01T01:30:00.000Z');
  });

  it('gives null for empty and a message for nonsense', () => {
    expect(chinaTime('')).toBeNull();
    expect(chinaTime(null)).toBeNull();
    expect(chinaTime('2020-02-30 10:00:00')).toBe('no such date or time');
    expect(chinaTime('2020-03-01 24:00:00')).toBe('no such date or time');
    expect(chinaTime('yesterday')).toBe('expected YYYY-MM-DD HH:mm:ss');
  });
});

describe('parseOrderRow', () => {
  it('reads a complete dispatched order', () => {
    const r = parseOrderRow(row(), index, names, 2, NOW);
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({
        row: 2,
        number: '20200301000001',
        platformId: 1,
        channel: 'phone',
        appealType: 'complaint',
        categoryId: 12,
        regionId: 101,
        topicIds: [7, 8],
        direct: false,
        unitId: 50,
        satisfaction: 'satisfied',
        solved: true,
      }),
    });
    if (r.ok) expect(r.value.createdAt.toISOString()).toBe('2020-03-01T01:30:00.000Z');
  });

  it('reads a direct answer, a level-1 category, 市直 and no topics', () => {
    const r = parseOrderRow(
      row({
        处理方式: '直接办结',
        承办单位: '',
        派单时间: '',
        办理时限: '',
        回访时间: '',
        满意度: '',
        是否解决: '',
        诉求分类: '水电气暖',
        所属区域: '市直',
        专题: '',
      }),
      index,
      names,
      2,
      NOW,
    );
    expect(r.ok && r.value).toMatchObject({ direct: true, unitId: null, categoryId: 10, regionId: 100, topicIds: [], dispatchedAt: null });
    expect(r.ok && r.value.finishedAt?.toISOString()).toBe('2020-03-03T02:00:00.000Z');
  });

  it('takes an open order (no 办结时间) and an empty region', () => {
    const r = parseOrderRow(row({ 办结时间: '', 回访时间: '', 满意度: '', 是否解决: '', 所属区域: '' }), index, names, 2, NOW);
    expect(r.ok && r.value).toMatchObject({ finishedAt: null, regionId: null });
  });

  it.each<[string, Partial<Record<(typeof ORDER_HEADERS)[number], Cell>>, string]>([
    ['empty number', { 工单编号: '' }, '工单编号: 不能为空'],
    ['bad number', { 工单编号: '2020 03 01' }, '工单编号: 只能是字母、数字、-、_，至多 24 位'],
    ['unknown platform', { 受理平台: '火星区' }, '受理平台: 未知的受理平台“火星区”'],
    ['bad date', { 受理时间: '2020-02-30 10:00:00' }, '受理时间: 时间格式错误：no such date or time'],
    [
      'future date',
      { 受理时间: '2030-01-01 10:00:00', 派单时间: '', 办结时间: '', 回访时间: '', 满意度: '', 是否解决: '', 办理时限: '' },
      '受理时间: 时间超出合理范围',
    ],
    ['unknown channel', { 来源渠道: '飞鸽' }, '来源渠道: 未知的来源渠道“飞鸽”'],
    ['unknown type', { 诉求类型: '闲聊' }, '诉求类型: 未知的诉求类型“闲聊”'],
    ['unknown category', { 诉求分类: '水电气暖/供水/漏水' }, '诉求分类: 未知的诉求分类“水电气暖/供水/漏水”'],
    ['unknown region', { 所属区域: '宿城区' }, '所属区域: 未知的区域“宿城区”'],
    ['unknown topic', { 专题: '疫情防控;春运' }, '专题: 未知的专题“春运”'],
    ['bad phone', { 来电号码: 'call me' }, '来电号码: 号码格式错误'],
    ['no content', { 诉求内容: ' ' }, '诉求内容: 不能为空'],
    ['bad handling', { 处理方式: '转办' }, '处理方式: 应为“直接办结”或“派单”，不是“转办”'],
    ['dispatch without unit', { 承办单位: '' }, '承办单位: 不能为空'],
    ['unknown unit', { 承办单位: '市月球局' }, '承办单位: 未知的承办单位“市月球局”'],
    ['dispatch before intake', { 派单时间: '2020-03-01 09:00:00' }, '派单时间: 早于受理时间'],
    ['finished before dispatch', { 办结时间: '2020-03-01 09:35:00', 回访时间: '2020-03-01 09:36:00' }, '办结时间: 早于派单时间'],
    ['callback before finish', { 回访时间: '2020-03-02 10:00:00' }, '回访时间: 早于办结时间'],
    ['unknown satisfaction', { 满意度: '还行' }, '满意度: 应为非常满意、满意、基本满意、不满意、非常不满意之一'],
    ['callback without rating', { 满意度: '', 是否解决: '' }, '满意度: 有回访时间时须有满意度'],
    ['rating without callback', { 回访时间: '' }, '回访时间: 有满意度时须有回访时间'],
    ['bad solved', { 是否解决: '也许' }, '是否解决: 应为“是”或“否”'],
  ])('%s is a row error', (_name, over, error) => {
    expect(errorsOf(row(over))).toContain(error);
  });

  it('collects every error of a row, naming row and column', () => {
    const r = parseOrderRow(row({ 工单编号: '', 来源渠道: '飞鸽', 诉求类型: '闲聊' }), index, names, 42, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        { row: 42, column: '工单编号', reason: '不能为空' },
        { row: 42, column: '来源渠道', reason: '未知的来源渠道“飞鸽”' },
        { row: 42, column: '诉求类型', reason: '未知的诉求类型“闲聊”' },
      ]);
  });

  it('finds columns by header in any order and reports missing ones', () => {
    const { index: idx, missing } = indexHeaders(['诉求内容', '工单编号', '多余的列'], ORDER_HEADERS);
    expect(idx.get('诉求内容')).toBe(0);
    expect(idx.get('工单编号')).toBe(1);
    expect(missing).toContain('受理时间');
    expect(missing).not.toContain('工单编号');
  });
});

describe('parseCallRow', () => {
  const { index: ci } = indexHeaders([...CALL_HEADERS], CALL_HEADERS);
  const call = (c: Cell[]) => parseCallRow(c, ci, 3, NOW);

  it('reads answered and unanswered calls', () => {
    expect(call(['2020-03-01 09:00:00', '13800001111', '是', '2020-03-01 09:00:08', '2020-03-01 09:03:00'])).toMatchObject({
      ok: true,
      value: { answered: true, phone: '13800001111' },
    });
    expect(call(['2020-03-01 09:00:00', '13800001111', '否', '', '2020-03-01 09:00:40'])).toMatchObject({
      ok: true,
      value: { answered: false, answeredAt: null },
    });
  });

  it('reports what is wrong', () => {
    const r = call(['2020-13-01 09:00:00', '', '接了', '', '']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.column)).toEqual(['呼叫时间', '主叫号码', '是否接通']);
    const r2 = call(['2020-03-01 09:00:00', '13800001111', '是', '', '']);
    expect(!r2.ok && r2.errors[0]).toEqual({ row: 3, column: '应答时间', reason: '接通的呼叫须有应答时间' });
  });
});
