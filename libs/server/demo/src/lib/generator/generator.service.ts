import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import { prng, WorkCalendar } from '@hotline/domain';
import { insertOrderRows, insertRows, type OrderInsertRow } from '@hotline/server-orders';
import { SummaryMaintenance } from '@hotline/server-statistics';
import { cumulative, pickCumulative, scaled, split, type Rnd } from './fit';
import { loadActors, loadHolidays, loadRefInfo } from './inputs';
import { live, type Actors } from './lifecycle';
import { planCity, type PlannedOrder } from './plan';
import { planDistrict } from './plan-district';
import { RefIndex } from './ref-index';
import { chinaStart, writeCalls, writeRecords } from './records';
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
const SUPERVISION_COLS = ['order_id', 'unit_id', 'created_by', 'comment', 'feedback_due_at', 'feedback', 'feedback_at', 'created_at'];

/** Hour-of-day weights (China time) of the public's appeals and of the collectors' reports. */
const PUBLIC_HOURS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4, 6, 6, 5, 3, 3, 5, 5.5, 5, 4, 3, 2.5, 2, 1.5, 1, 0.5];
const COLLECTOR_HOURS = [0, 0, 0, 0, 0, 0, 0, 0.5, 3, 4, 4, 3, 1, 1, 3, 4, 4, 3, 0.5, 0, 0, 0, 0, 0];

/**
 * `npm run generate`: orders (with their full history), call records, issued reports and coordination meetings
 * for the city platform and the nine district platforms, calibrated so that at scale 1 the 2020 annual report
 * reproduces the seed report. Rows are written in bulk (multi-row INSERTs, explicit ids, one transaction per
 * batch; the orders through the orders lib's insertOrderRows), then the summary tables are rebuilt from them. Run it on a quiet database: it refuses years that
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
    const ix = new RefIndex(await loadRefInfo(this.ds));
    const cal = new WorkCalendar(await loadHolidays(this.ds));
    const actors = await loadActors(this.ds, ix);
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
        result.calls += await writeCalls(qr, cityPlatform, phoneCalls, CITY_YEARS[year].answerRate, rnd, (done, total) =>
          opts.onProgress?.({ phase: `${year} 来电记录`, done, total }),
        );
        const issued = await writeRecords(qr, year, opts.scale, ix, actors, rnd);
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
      const orderRows: OrderInsertRow[] = [];
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
        orderRows.push({
          id,
          number: `${day}${String(n).padStart(6, '0')}`,
          status: s.status,
          version: lived.history.length,
          platform_id: o.platformId,
          channel_code: o.channel,
          appeal_type_code: o.type,
          category_id: o.categoryId,
          region_id: o.regionId,
          caller_name: caller.name,
          caller_phone: caller.phone,
          caller_confidential: caller.confidential ? 1 : 0,
          address: texts.address(o),
          content: texts.content(o),
          urgent: 0,
          resolution: s.resolution,
          direct_answer: s.directAnswer,
          direct_answer_method: s.directAnswerMethod,
          direct_answer_article_id: s.directAnswerArticleId,
          direct_answer_article_version: s.directAnswerArticleVersion,
          three_way_unit_id: s.threeWayUnitId,
          three_way_person: s.threeWayPerson,
          main_unit_id: s.mainUnitId,
          dispatched_at: s.dispatchedAt,
          signed_at: s.signedAt,
          replied_at: s.repliedAt,
          reply: s.reply,
          accepted_at: s.acceptedAt,
          closed_at: s.closedAt,
          extension_count: s.extensionCount,
          rework_count: s.reworkCount,
          return_count: s.returnCount,
          urge_count: s.urgeCount,
          supervise_count: s.superviseCount,
          instruct_count: s.instructCount,
          sign_due_at: s.signDueAt,
          handle_due_at: s.handleDueAt,
          callback_due_at: s.callbackDueAt,
          sign_overdue_at: s.signOverdueAt,
          handle_overdue_at: s.handleOverdueAt,
          callback_satisfaction: s.callbackSatisfaction,
          callback_solved: s.callbackSolved == null ? null : s.callbackSolved ? 1 : 0,
          callback_comment: s.callbackComment,
          callback_at: s.callbackAt,
          created_by: actors.agent.id,
          created_at: createdAt,
          updated_at: s.updatedAt,
        });
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
        await insertOrderRows(qr, { orders: orderRows, history: historyRows, topics: topicRows });
        await insertRows(qr, 'supervision', SUPERVISION_COLS, supervisionRows);
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
}
