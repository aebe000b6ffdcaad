import type { HaochapingFeedback } from '@hotline/contracts';
import { kpiCards } from './kpi-cards';
import { dashboard, kpiSet } from '../testing-fixtures';

describe('dashboard KPI cards', () => {
  const cards = kpiCards(dashboard());
  const card = (key: string) => cards.find((c) => c.key === key);

  it('shows counts with YoY and rates with their change in 百分点', () => {
    expect(card('accepted')).toMatchObject({ label: '受理总量', value: '868,022', changeKind: 'yoy' });
    expect(card('accepted')?.change).toBeCloseTo(0.284, 3);
    expect(card('accepted')?.sub).toBe('日均 2,372 件');
    expect(card('on-time-rate')).toMatchObject({ label: '按期办结率', value: '97.10%', changeKind: 'pp', upIsGood: true });
    expect(card('on-time-rate')?.change).toBeCloseTo(2.66, 2);
    expect(card('satisfaction-rate')?.value).toBe('96.84%');
    expect(card('direct-rate')?.value).toBe('56.12%');
  });

  it('says so when last year cannot be compared', () => {
    expect(card('satisfaction-rate')?.change).toBeNull();
    expect(card('internet')?.sub).toBe('为去年同期的 5.15 倍');
    expect(card('praise')?.sub).toBe('涉及 42 个单位');
  });

  it('has one card per headline figure, keys unique', () => {
    expect(new Set(cards.map((c) => c.key)).size).toBe(cards.length);
    expect(cards.length).toBe(12);
  });

  it('quote the 好差评 feedback from the provincial exchange, as the report does, and say when there is none', () => {
    const sub = (f: HaochapingFeedback | null) => kpiCards({ kpis: kpiSet(), haochapingFeedback: f }).find((c) => c.key === 'haochaping')?.sub;
    expect(sub({ orders: 417, fedBack: 400, tracked: 417 })).toBe('已反馈 400 / 417 件（省平台回传）；国务院督查 108 件；批示 765 件');
    expect(sub({ orders: 417, fedBack: 417, tracked: 417 })).toBe('已全部反馈（省平台回传）；国务院督查 108 件；批示 765 件');
    // no exchange data: no figure at all, never the 417 closures
    expect(sub(null)).toBe('暂无省平台反馈数据；国务院督查 108 件；批示 765 件');
  });
});
