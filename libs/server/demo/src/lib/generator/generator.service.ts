import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import { prng, WorkCalendar, type HolidayEntry } from '@hotline/domain';
import { SummaryMaintenance } from '@hotline/server-statistics';
import { cumulative, pickCumulative, scaled, shuffle, split, type Rnd } from './fit';
import { live, type Actor, type Actors } from './lifecycle';
import { planCity, planDistrict, RefIndex, type PlannedOrder, type RefInfo } from './plan';
import { ALL_PLATFORMS, CITY_YEARS, DISTRICT_WEIGHTS } from './targets';
import { OrderTexts } from './texts';

export interface GenerateOptions {
  years: number[];
  scale: number;
  seed?: number;
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
}

export interface GenerateResult {
  orders: number;
  history: number;
  calls: number;
  reports: number;
  meetings: number;
  ms: number;
}

const BATCH = 1000;
const ORDER_COLS = [
  'id',
  'number',
  'status',
  'version',
  'platform_id',
  'channel_code',
  'appeal_type_code',
  'category_id',
  'region_id',
  'caller_name',
  'caller_phone',
  'caller_confidential',
  'address',
  'content',
  'urgent',
  'resolution',
  'direct_answer',
  'main_unit_id',
  'dispatched_at',
  'signed_at',
  'replied_at',
  'reply',
  'accepted_at',
  'closed_at',
  'extension_count',
  'rework_count',
  'return_count',
  'urge_count',
  'supervise_count',
  'instruct_count',
  'sign_due_at',
  'handle_due_at',
  'callback_due_at',
  'sign_overdue_at',
  'handle_overdue_at',
  'callback_satisfaction',
  'callback_solved',
  'callback_comment',
  'callback_at',
  'created_by',
  'created_at',
  'updated_at',
];
const HISTORY_COLS = [
  'order_id',
  'action',
  'from_status',
  'to_status',
  'actor_id',
  'actor_name',
  'actor_role',
  'actor_unit_id',
  'comment',
  'data',
  'created_at',
];
const SUPERVISION_COLS = ['order_id', 'unit_id', 'created_by', 'comment', 'feedback_due_at', 'feedback', 'feedback_at', 'created_at'];
const CALL_COLS = ['platform_id', 'called_at', 'caller_phone', 'answered', 'answered_at', 'hung_up_at'];

/** Hour-of-day weights (China time) of the public's appeals and of the collectors' reports. */
const PUBLIC_HOURS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4, 6, 6, 5, 3, 3, 5, 5.5, 5, 4, 3, 2.5, 2, 1.5, 1, 0.5];
const COLLECTOR_HOURS = [0, 0, 0, 0, 0, 0, 0, 0.5, 3, 4, 4, 3, 1, 1, 3, 4, 4, 3, 0.5, 0, 0, 0, 0, 0];
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
 * `npm run generate`: orders (with their full history), call records, issued reports and coordination meetings
 * for the city platform and the nine district platforms, calibrated so that at scale 1 the 2020 annual report
 * reproduces the seed report. Rows are written in bulk (multi-row INSERTs, explicit ids, one transaction per
 * batch), then the summary tables are rebuilt from them. Run it on a quiet database: it refuses years that
 * already have orders.
 */
@Injectable()
export class GeneratorService {
  private readonly logger = new Logger(GeneratorService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly maintenance: SummaryMaintenance,
  ) {}

  async generate(opts: GenerateOptions): Promise<GenerateResult> {
    const t0 = Date.now();
    const years = [...new Set(opts.years)].sort();
    for (const y of years) if (!CITY_YEARS[y]) throw new Error(`the generator is calibrated for ${Object.keys(CITY_YEARS).join(', ')}; not ${y}`);
    if (!(opts.scale > 0 && opts.scale <= 2)) throw new Error('scale must be in (0, 2]');
    const [{ n }] = await this.ds.query('SELECT COUNT(*) AS n FROM work_order WHERE created_at >= ? AND created_at < ?', [
      chinaStart(years[0]),
      chinaStart(years[years.length - 1] + 1),
    ]);
    if (Number(n) > 0) throw new Error(`there are already ${n} orders in ${years.join(', ')}; generate into an empty period (or a fresh database)`);

    const rnd = prng(opts.seed ?? 2020);
    const ix = new RefIndex(await this.refInfo());
    const cal = new WorkCalendar(await this.holidays());
    const actors = await this.actors(ix);
    const texts = new OrderTexts(ix, rnd);
    const result: GenerateResult = { orders: 0, history: 0, calls: 0, reports: 0, meetings: 0, ms: 0 };
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      // rows reference reference data and each other by construction; skipping the per-row FK lookups doubles the speed
      await qr.query('SET FOREIGN_KEY_CHECKS = 0');
      const ids = { next: Number((await qr.query('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM work_order'))[0].id) };
      const seq = new Map<string, number>();
      for (const r of await qr.query('SELECT day, last FROM order_number_seq')) seq.set(String(r.day), Number(r.last));
      const cityPlatform = ix.platform.get('city')?.id as number;

      for (const year of years) {
        const plans: { label: string; orders: PlannedOrder[] }[] = [{ label: `${year} 市级平台`, orders: planCity(ix, year, opts.scale, rnd) }];
        const cityCount = plans[0].orders.length;
        const districts = split(Math.max(0, scaled(ALL_PLATFORMS[year], opts.scale) - cityCount), DISTRICT_WEIGHTS);
        for (const [code, count] of Object.entries(districts))
          if (ix.platform.has(code) && count > 0) plans.push({ label: `${year} ${code}`, orders: planDistrict(ix, code, year, count, rnd) });
        const phoneCalls: { at: number; phone: string }[] = [];
        for (const plan of plans) {
          const written = await this.writeOrders(
            qr,
            plan.orders,
            year,
            cal,
            actors,
            texts,
            rnd,
            ids,
            seq,
            (done) => opts.onProgress?.({ phase: plan.label, done, total: plan.orders.length }),
            (o, at, phone) => {
              if (o.platformId === cityPlatform && o.channel === 'phone' && phone) phoneCalls.push({ at, phone });
            },
          );
          result.orders += plan.orders.length;
          result.history += written;
        }
        result.calls += await this.writeCalls(qr, cityPlatform, phoneCalls, CITY_YEARS[year].answerRate, rnd, (done, total) =>
          opts.onProgress?.({ phase: `${year} 来电记录`, done, total }),
        );
        const issued = await this.writeRecords(qr, year, opts.scale, ix, actors, rnd);
        result.reports += issued.reports;
        result.meetings += issued.meetings;
      }
      for (const [day, last] of seq)
        await qr.query('INSERT INTO order_number_seq (day, last) VALUES (?, ?) ON DUPLICATE KEY UPDATE last = GREATEST(last, VALUES(last))', [day, last]);
    } finally {
      await qr.query('SET FOREIGN_KEY_CHECKS = 1').catch(() => undefined);
      await qr.release();
    }
    opts.onProgress?.({ phase: '汇总表重建', done: 0, total: 1 });
    await this.maintenance.rebuild();
    opts.onProgress?.({ phase: '汇总表重建', done: 1, total: 1 });
    result.ms = Date.now() - t0;
    this.logger.log(`generated ${result.orders} orders, ${result.history} history rows, ${result.calls} calls in ${result.ms} ms`);
    return result;
  }

  private async writeOrders(
    qr: QueryRunner,
    planned: PlannedOrder[],
    year: number,
    cal: WorkCalendar,
    actors: Actors,
    texts: OrderTexts,
    rnd: Rnd,
    ids: { next: number },
    seq: Map<string, number>,
    progress: (done: number) => void,
    onOrder: (o: PlannedOrder, at: number, phone: string | null) => void,
  ): Promise<number> {
    const pub = cumulative(PUBLIC_HOURS);
    const col = cumulative(COLLECTOR_HOURS);
    const start = chinaStart(year).getTime();
    const timed = planned.map((o) => {
      const hour = pickCumulative(o.collector ? col : pub, rnd);
      return { o, at: start + o.day * 86_400_000 + hour * 3_600_000 + Math.floor(rnd() * 3_600_000) };
    });
    timed.sort((a, b) => a.at - b.at);
    let history = 0;
    for (let i = 0; i < timed.length; i += BATCH) {
      const orderRows: unknown[][] = [];
      const historyRows: unknown[][] = [];
      const topicRows: unknown[][] = [];
      const supervisionRows: unknown[][] = [];
      for (const { o, at } of timed.slice(i, i + BATCH)) {
        const id = ids.next++;
        const createdAt = new Date(at);
        const day = new Date(at + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
        const n = (seq.get(day) ?? 0) + 1;
        seq.set(day, n);
        const caller = texts.caller(o, id);
        const lived = live(o, createdAt, year, cal, actors, texts, rnd);
        const s = lived.state;
        onOrder(o, at, caller.phone);
        orderRows.push([
          id,
          `${day}${String(n).padStart(6, '0')}`,
          s.status,
          lived.history.length,
          o.platformId,
          o.channel,
          o.type,
          o.categoryId,
          o.regionId,
          caller.name,
          caller.phone,
          caller.confidential ? 1 : 0,
          texts.address(o),
          texts.content(o),
          0,
          s.resolution,
          s.directAnswer,
          s.mainUnitId,
          s.dispatchedAt,
          s.signedAt,
          s.repliedAt,
          s.reply,
          s.acceptedAt,
          s.closedAt,
          s.extensionCount,
          s.reworkCount,
          s.returnCount,
          s.urgeCount,
          s.superviseCount,
          s.instructCount,
          s.signDueAt,
          s.handleDueAt,
          s.callbackDueAt,
          s.signOverdueAt,
          s.handleOverdueAt,
          s.callbackSatisfaction,
          s.callbackSolved == null ? null : s.callbackSolved ? 1 : 0,
          s.callbackComment,
          s.callbackAt,
          actors.agent.id,
          createdAt,
          s.updatedAt,
        ]);
        for (const h of lived.history) {
          historyRows.push([
            id,
            h.action,
            h.from,
            h.to,
            h.actor.id,
            h.actor.name,
            h.actor.role,
            h.actor.unitId,
            h.comment,
            h.data ? JSON.stringify(h.data) : null,
            h.at,
          ]);
        }
        for (const topicId of o.topicIds) topicRows.push([id, topicId]);
        for (const sv of lived.supervisions)
          supervisionRows.push([id, sv.unitId, sv.createdBy, sv.comment, sv.feedbackDueAt, sv.feedback, sv.feedbackAt, sv.createdAt]);
      }
      await qr.startTransaction();
      try {
        await insert(qr, 'work_order', ORDER_COLS, orderRows);
        await insert(qr, 'order_history', HISTORY_COLS, historyRows);
        await insert(qr, 'order_topic', ['order_id', 'topic_id'], topicRows);
        await insert(qr, 'supervision', SUPERVISION_COLS, supervisionRows);
        await qr.commitTransaction();
      } catch (e) {
        await qr.rollbackTransaction();
        throw e;
      }
      history += historyRows.length;
      progress(Math.min(i + BATCH, timed.length));
    }
    return history;
  }

  /**
   * Inbound calls of the city platform: every phone order came from an answered call, some answered calls
   * produced no order, and enough calls went unanswered to give the year's answer rate.
   */
  private async writeCalls(
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
      await insert(qr, 'call_record', CALL_COLS, rows.slice(i, i + 5000), true);
      progress(Math.min(i + 5000, rows.length), rows.length);
    }
    return rows.length;
  }

  /** Issued analysis reports (快报、专报) and coordination meetings of the year. */
  private async writeRecords(
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
    await insert(qr, 'report_issue', ['kind', 'title', 'period_from', 'period_to', 'platform_code', 'issued_at', 'issued_by'], rows);
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
      await insert(
        qr,
        'coordination_meeting_unit',
        ['meeting_id', 'unit_id'],
        units.map((u) => [res.insertId, u.id]),
      );
    }
    return { reports, meetings };
  }

  private async refInfo(): Promise<RefInfo> {
    const q = (sql: string) => this.ds.query(sql);
    const [categories, regions, units, topics, platforms] = await Promise.all([
      q('SELECT id, code, level, parent_id AS parentId, default_unit_id AS defaultUnitId FROM category WHERE active = 1 ORDER BY level, sort, id'),
      q('SELECT id, code FROM region ORDER BY sort, id'),
      q('SELECT id, code, name, kind, region_id AS regionId, parent_id AS parentId, active FROM unit ORDER BY sort, id'),
      q('SELECT id, code FROM topic'),
      q('SELECT id, code, region_id AS regionId FROM platform ORDER BY id'),
    ]);
    const num = (v: unknown) => (v == null ? null : Number(v));
    if (!categories.length || !platforms.length) throw new Error('reference data missing: run `cli seed` first');
    return {
      categories: categories.map((c: Record<string, unknown>) => ({
        id: Number(c['id']),
        code: String(c['code']),
        level: Number(c['level']),
        parentId: num(c['parentId']),
        defaultUnitId: num(c['defaultUnitId']),
      })),
      regions: regions.map((r: Record<string, unknown>) => ({ id: Number(r['id']), code: String(r['code']) })),
      units: units.map((u: Record<string, unknown>) => ({
        id: Number(u['id']),
        code: String(u['code']),
        name: String(u['name']),
        kind: String(u['kind']),
        regionId: num(u['regionId']),
        parentId: num(u['parentId']),
        active: !!Number(u['active']),
      })),
      topics: topics.map((t: Record<string, unknown>) => ({ id: Number(t['id']), code: String(t['code']) })),
      platforms: platforms.map((p: Record<string, unknown>) => ({ id: Number(p['id']), code: String(p['code']), regionId: num(p['regionId']) })),
    };
  }

  private async holidays(): Promise<HolidayEntry[]> {
    const rows: { day: string; kind: 'holiday' | 'workday'; name: string }[] = await this.ds.query(
      'SELECT DATE_FORMAT(day, "%Y-%m-%d") AS day, kind, name FROM holiday',
    );
    return rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name }));
  }

  /** The demo accounts act in the generated history when they exist; otherwise the rows name the role only. */
  private async actors(ix: RefIndex): Promise<Actors> {
    const users: { id: number; username: string; display_name: string; role: string; unit_id: number | null }[] = await this.ds.query(
      'SELECT id, username, display_name, role, unit_id FROM app_user WHERE active = 1',
    );
    const staff = (username: string, role: Actor['role'], name: string): Actor => {
      const u = users.find((x) => x.username === username) ?? users.find((x) => x.role === role);
      return { id: u?.id ?? null, name: u?.display_name ?? name, role, unitId: null };
    };
    const handlers = new Map<number, Actor>();
    for (const u of users.filter((x) => x.role === 'unit_handler' && x.unit_id != null))
      handlers.set(Number(u.unit_id), { id: u.id, name: u.display_name, role: 'unit_handler', unitId: Number(u.unit_id) });
    return {
      agent: staff('agent', 'agent', '话务员'),
      dispatcher: staff('dispatcher', 'dispatcher', '派单员'),
      callback: staff('callback', 'callback_agent', '回访员'),
      supervisor: staff('supervisor', 'supervisor', '督办员'),
      leader: staff('leader', 'leader', '中心领导'),
      unit: (unitId) => handlers.get(unitId) ?? { id: null, name: `${ix.unitById.get(unitId)?.name ?? unitId}承办员`, role: 'unit_handler', unitId },
    };
  }
}

/** The instant a China calendar year starts. */
function chinaStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000);
}

async function insert(qr: QueryRunner, table: string, cols: string[], rows: unknown[][], ignore = false): Promise<void> {
  if (!rows.length) return;
  const tuple = `(${cols.map(() => '?').join(', ')})`;
  await qr.query(`INSERT ${ignore ? 'IGNORE ' : ''}INTO ${table} (${cols.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`, rows.flat());
}
