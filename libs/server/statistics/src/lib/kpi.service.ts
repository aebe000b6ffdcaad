import { Injectable } from '@nestjs/common';
import { STAT_MEASURES, type KpiSet, type MeasureTotals } from '@hotline/contracts';
import { computeKpis, previousPeriod, PRAISE_TYPES, type KpiSide, type Period } from '@hotline/domain';
import { LookupService, type Lookup } from './lookup';
import { SummaryReader } from './summary/summary-reader';

type Row = Record<string, number | string>;

export function totalsOf(r: Row): MeasureTotals {
  return Object.fromEntries(STAT_MEASURES.map((m) => [m, Number(r[m] ?? 0)])) as MeasureTotals;
}

/** KPIs for any period and platform scope, from the summary tables. */
@Injectable()
export class KpiService {
  constructor(
    private readonly reader: SummaryReader,
    private readonly lookup: LookupService,
  ) {}

  async kpis(period: Period, scope = 'city', compare: Period = previousPeriod(period)): Promise<KpiSet> {
    const lk = await this.lookup.get();
    const [current, previous] = await Promise.all([this.side(lk, period, scope), this.side(lk, compare, scope)]);
    return computeKpis({ platform: scope, period, previousPeriod: compare, current, previous, topics: lk.topics, appealTypes: lk.appealTypes });
  }

  /** The summary totals one side of a comparison needs. */
  async side(lk: Lookup, period: Period, scope: string): Promise<KpiSide> {
    const platform_id = lk.platformIds(scope);
    const topicCode = new Map(lk.topics.map((t) => [t.id, t.code]));
    const [intake, topics, calls, praise, callKpi] = await Promise.all([
      this.reader.sum<Row>({ table: 'stat_intake', period, where: { platform_id }, groupBy: ['channel_code', 'appeal_type_code'], values: STAT_MEASURES }),
      this.reader.sum<Row>({
        table: 'stat_topic',
        period,
        where: { platform_id },
        groupBy: ['topic_id', 'channel_grp', 'appeal_type_code'],
        values: STAT_MEASURES,
      }),
      this.reader.sum<Row>({ table: 'stat_call', period, where: { platform_id }, values: ['offered', 'answered'] }),
      this.reader.sum<Row>({ table: 'stat_unit', period, where: { platform_id, appeal_type_code: PRAISE_TYPES }, groupBy: ['unit_id'], values: ['accepted'] }),
      this.reader.sum<Row>({ table: 'stat_call_kpi', period, where: { platform_id }, values: ['answered_15s', 'abandoned', 'wait_s', 'talk_s'] }),
    ]);
    const ck = (k: string) => Number(callKpi[0]?.[k] ?? 0);
    return {
      intake: intake.map((r) => ({ channel: String(r['channel_code']), appealType: String(r['appeal_type_code']), m: totalsOf(r) })),
      topics: topics.map((r) => ({
        topic: topicCode.get(Number(r['topic_id'])) ?? String(r['topic_id']),
        group: r['channel_grp'] === 'collector' ? 'collector' : 'public',
        appealType: String(r['appeal_type_code']),
        m: totalsOf(r),
      })),
      calls: {
        offered: Number(calls[0]?.['offered'] ?? 0),
        answered: Number(calls[0]?.['answered'] ?? 0),
        answeredIn15s: ck('answered_15s'),
        abandoned: ck('abandoned'),
        waitSeconds: ck('wait_s'),
        talkSeconds: ck('talk_s'),
      },
      praiseUnits: praise.filter((r) => Number(r['unit_id']) > 0 && Number(r['accepted']) > 0).length,
    };
  }
}
