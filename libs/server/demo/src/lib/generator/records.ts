import type { QueryRunner } from 'typeorm';
import { insertRows } from '@hotline/server-orders';
import { scaled, shuffle, type Rnd } from './fit';
import type { Actors } from './lifecycle';
import type { RefIndex } from './ref-index';
import { CITY_YEARS } from './targets';

/** What the generator writes besides orders: the city platform's call records, issued reports and coordination meetings. */

const CALL_COLS = ['platform_id', 'called_at', 'caller_phone', 'answered', 'answered_at', 'hung_up_at'];
const MEETING_TITLES = [
  '停车收费问题',
  '小区捆绑销售车位问题',
  '供水管网改造',
  '餐饮油烟扰民治理',
  '建筑工地夜间施工噪声',
  '物业服务质量提升',
  '违法建设集中整治',
  '农民工工资拖欠',
  '老旧小区改造',
  '渣土车撒漏治理',
];

/**
 * Inbound calls of the city platform: every phone order came from an answered call, some answered calls
 * produced no order, and enough calls went unanswered to give the year's answer rate.
 */
export async function writeCalls(
  qr: QueryRunner,
  platformId: number,
  phoneOrders: { at: number; phone: string }[],
  answerRate: number,
  rnd: Rnd,
  progress: (done: number, total: number) => void,
): Promise<number> {
  if (!phoneOrders.length) return 0;
  const answered = Math.round(phoneOrders.length * 1.06);
  const offered = Math.round(answered / answerRate);
  const rows: unknown[][] = [];
  const s = 1000;
  const randomPhone = () => `1${'3456789'[Math.floor(rnd() * 7)]}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
  for (const o of phoneOrders) {
    const called = o.at - Math.round((60 + rnd() * 240) * s);
    rows.push([
      platformId,
      new Date(called),
      o.phone,
      1,
      new Date(called + Math.round((3 + rnd() * 12) * s)),
      new Date(o.at + Math.round((60 + rnd() * 300) * s)),
    ]);
  }
  const near = () => phoneOrders[Math.floor(rnd() * phoneOrders.length)].at + Math.round((rnd() - 0.5) * 4 * 3_600_000);
  for (let k = phoneOrders.length; k < answered; k++) {
    const called = near();
    rows.push([
      platformId,
      new Date(called),
      randomPhone(),
      1,
      new Date(called + Math.round((3 + rnd() * 12) * s)),
      new Date(called + Math.round((30 + rnd() * 200) * s)),
    ]);
  }
  for (let k = answered; k < offered; k++) {
    const called = near();
    rows.push([platformId, new Date(called), randomPhone(), 0, null, new Date(called + Math.round((10 + rnd() * 50) * s))]);
  }
  for (let i = 0; i < rows.length; i += 5000) {
    await insertRows(qr, 'call_record', CALL_COLS, rows.slice(i, i + 5000), true);
    progress(Math.min(i + 5000, rows.length), rows.length);
  }
  return rows.length;
}

/** Issued analysis reports (快报、专报) and coordination meetings of the year. */
export async function writeRecords(
  qr: QueryRunner,
  year: number,
  scale: number,
  ix: RefIndex,
  actors: Actors,
  rnd: Rnd,
): Promise<{ reports: number; meetings: number }> {
  const t = CITY_YEARS[year];
  const reports = scaled(t.reports, scale);
  const rows: unknown[][] = [];
  for (let k = 0; k < reports; k++) {
    const day = Math.floor(((k + rnd()) / Math.max(1, reports)) * 360);
    const issued = new Date(chinaStart(year).getTime() + day * 86_400_000 + 10 * 3_600_000);
    const special = rnd() < 0.2;
    const from = new Date(issued.getTime() - (special ? 30 : 7) * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const to = new Date(issued.getTime() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const title = special
      ? `关于${MEETING_TITLES[k % MEETING_TITLES.length]}诉求情况的专报（${year}年第${k + 1}期）`
      : `${year}年第${k + 1}期12345热线数据分析快报`;
    rows.push([
      special ? 'special' : 'express',
      title,
      from < `${year}-01-01` ? `${year}-01-01` : from,
      to < `${year}-01-01` ? `${year}-01-01` : to,
      'city',
      issued,
      actors.leader.id,
    ]);
  }
  await insertRows(qr, 'report_issue', ['kind', 'title', 'period_from', 'period_to', 'platform_code', 'issued_at', 'issued_by'], rows);
  const meetings = scaled(t.meetings, scale);
  const bureaus = [...ix.unitById.values()].filter((u) => u.kind === 'bureau');
  for (let k = 0; k < meetings; k++) {
    const day = Math.floor(((k + rnd()) / Math.max(1, meetings)) * 360);
    const heldOn = new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
    const res = await qr.query('INSERT INTO coordination_meeting (held_on, title, summary, created_by, created_at) VALUES (?, ?, ?, ?, ?)', [
      heldOn,
      `${MEETING_TITLES[Math.floor(rnd() * MEETING_TITLES.length)]}专题协调会议`,
      '会议听取了相关单位办理情况汇报，明确了责任分工和办结时限。',
      actors.supervisor.id,
      new Date(`${heldOn}T09:00:00+08:00`),
    ]);
    const units = shuffle([...bureaus], rnd).slice(0, 2 + Math.floor(rnd() * 2));
    await insertRows(
      qr,
      'coordination_meeting_unit',
      ['meeting_id', 'unit_id'],
      units.map((u) => [res.insertId, u.id]),
    );
  }
  return { reports, meetings };
}

/** The instant a China calendar year starts. */
export function chinaStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000);
}
