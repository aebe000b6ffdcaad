import { INTERNET_CHANNELS, type ChannelGroup, type KpiSet, type MeasureTotals, type TopicFigure } from '@hotline/contracts';
import { channelGroup, satisfied, sumTotals } from './facts';
import { countFigure, dailyAverage, rateFigure, ratio } from './figures';
import { daysInPeriod, type Period } from './period';

/** Summary totals by channel × appeal type: enough for every KPI card. */
export interface IntakeCell {
  channel: string;
  appealType: string;
  m: MeasureTotals;
}

/** Totals of orders tagged with a topic, by channel group × appeal type. */
export interface TopicCell {
  topic: string;
  group: ChannelGroup;
  appealType: string;
  m: MeasureTotals;
}

export interface KpiSide {
  intake: IntakeCell[];
  topics: TopicCell[];
  /** offered and answered (stat_call); the rest from stat_call_kpi (answered within 15 s, abandoned, seconds waited and talked) */
  calls: { offered: number; answered: number; answeredIn15s?: number; abandoned?: number; waitSeconds?: number; talkSeconds?: number };
  /** distinct units praised or thanked */
  praiseUnits: number;
}

export interface KpiInput {
  platform: string;
  period: Period;
  previousPeriod: Period;
  current: KpiSide;
  /** null when there is nothing to compare with (no data a year before is still a comparison: zeros) */
  previous: KpiSide | null;
  topics: readonly { code: string; name: string }[];
  appealTypes: readonly { code: string; name: string }[];
}

export const PRAISE_TYPES: readonly string[] = ['praise', 'thanks'];

/**
 * Orders handed down from above that are not an intake channel of their own: they reach the city through the
 * provincial platform (or any channel) and are marked with a topic (专题) when registered or imported.
 * 国务院“互联网+督查” is a channel (`state_council`): citizens write to the State Council's platform.
 */
export const STATE_INSPECTION_TOPIC = 'sc_inspection'; // 国务院大督查整改工单
export const PROVINCE_SUPERVISION_TOPIC = 'province_supervision'; // 省督办单

interface Side {
  all: MeasureTotals;
  pub: MeasureTotals;
  col: MeasureTotals;
  consult: MeasureTotals;
  pubConsult: MeasureTotals;
  internet: MeasureTotals;
  haochaping: MeasureTotals;
  stateCouncil: MeasureTotals;
  praise: MeasureTotals;
  stateInspection: MeasureTotals;
  provinceSupervision: MeasureTotals;
  calls: KpiSide['calls'];
  praiseUnits: number;
}

function side(s: KpiSide): Side {
  const pick = (f: (c: IntakeCell) => boolean) => sumTotals(s.intake.filter(f).map((c) => c.m));
  return {
    all: pick(() => true),
    pub: pick((c) => channelGroup(c.channel) === 'public'),
    col: pick((c) => channelGroup(c.channel) === 'collector'),
    consult: pick((c) => c.appealType === 'consult'),
    pubConsult: pick((c) => c.appealType === 'consult' && channelGroup(c.channel) === 'public'),
    internet: pick((c) => (INTERNET_CHANNELS as readonly string[]).includes(c.channel)),
    haochaping: pick((c) => c.channel === 'haochaping'),
    stateCouncil: pick((c) => c.channel === 'state_council'),
    praise: pick((c) => PRAISE_TYPES.includes(c.appealType)),
    stateInspection: sumTotals(s.topics.filter((t) => t.topic === STATE_INSPECTION_TOPIC).map((t) => t.m)),
    provinceSupervision: sumTotals(s.topics.filter((t) => t.topic === PROVINCE_SUPERVISION_TOPIC).map((t) => t.m)),
    calls: s.calls,
    praiseUnits: s.praiseUnits,
  };
}

const frac = (num: number, den: number) => ({ numerator: num, denominator: den });

/** Every KPI of the report's sections 一 and 二, with its year-on-year comparison. */
export function computeKpis(input: KpiInput): KpiSet {
  const c = side(input.current);
  const p = input.previous ? side(input.previous) : null;
  const days = daysInPeriod(input.period);
  const count = (f: (s: Side) => number) => countFigure(f(c), p ? f(p) : null);
  const rate = (num: (s: Side) => number, den: (s: Side) => number) => rateFigure(num(c), den(c), p ? frac(num(p), den(p)) : null);

  const internet = count((s) => s.internet.accepted);
  return {
    platform: input.platform,
    period: { ...input.period, days },
    previousPeriod: { ...input.previousPeriod, days: daysInPeriod(input.previousPeriod) },
    accepted: count((s) => s.all.accepted),
    dailyAverage: dailyAverage(c.all.accepted, days),
    answerRate: rate(
      (s) => s.calls.answered,
      (s) => s.calls.offered,
    ),
    answeredIn15sRate: rate(
      (s) => s.calls.answeredIn15s ?? 0,
      (s) => s.calls.offered,
    ),
    abandonRate: rate(
      (s) => s.calls.abandoned ?? 0,
      (s) => s.calls.offered,
    ),
    avgWaitSeconds: c.calls.offered ? (c.calls.waitSeconds ?? 0) / c.calls.offered : null,
    avgTalkSeconds: c.calls.answered ? (c.calls.talkSeconds ?? 0) / c.calls.answered : null,
    publicAppeals: count((s) => s.pub.accepted),
    collectorAppeals: count((s) => s.col.accepted),
    publicShare: rate(
      (s) => s.pub.accepted,
      (s) => s.all.accepted,
    ),
    collectorShare: rate(
      (s) => s.col.accepted,
      (s) => s.all.accepted,
    ),
    consultations: count((s) => s.consult.accepted),
    consultationShare: rate(
      (s) => s.pubConsult.accepted,
      (s) => s.pub.accepted,
    ),
    consultationDirectRate: rate(
      (s) => s.consult.direct,
      (s) => s.consult.accepted,
    ),
    direct: count((s) => s.all.direct),
    directRate: rate(
      (s) => s.all.direct,
      (s) => s.all.accepted,
    ),
    directByMethod: directByMethod(c.all, p?.all ?? null),
    dispatched: count((s) => s.all.dispatched),
    finished: count((s) => s.all.finished),
    onTimeRate: rate(
      (s) => s.all.on_time,
      (s) => s.all.finished,
    ),
    signOnTimeRate: rate(
      (s) => s.all.signed_on_time,
      (s) => s.all.signed,
    ),
    callbacks: count((s) => s.all.callbacks),
    satisfactionRate: rate(
      (s) => satisfied(s.all),
      (s) => s.all.callbacks,
    ),
    solvedRate: rate(
      (s) => s.all.solved,
      (s) => s.all.callbacks,
    ),
    internet: { ...internet, times: internet.previous ? internet.value / internet.previous : null },
    haochaping: { ...count((s) => s.haochaping.accepted), finished: c.haochaping.finished + c.haochaping.direct },
    stateCouncil: count((s) => s.stateCouncil.accepted),
    stateInspection: count((s) => s.stateInspection.accepted),
    provinceSupervision: count((s) => s.provinceSupervision.accepted),
    praise: { ...count((s) => s.praise.accepted), units: c.praiseUnits },
    instructions: count((s) => s.all.instructions),
    topics: input.topics
      .map((t) => topicFigure(t, input.current, input.previous, c, p, input.appealTypes))
      .filter((t) => t.accepted.value > 0 || (t.accepted.previous ?? 0) > 0),
  };
}

/**
 * Direct answers by method, as shares of all direct answers. A year compared with one whose direct answers recorded
 * no method has nothing to compare with (previous null), not a rise from 0 %.
 */
function directByMethod(c: MeasureTotals, p: MeasureTotals | null): KpiSet['directByMethod'] {
  const recorded = (m: MeasureTotals) => m.direct_knowledge + m.direct_three_way + m.direct_other;
  const prev = p && recorded(p) > 0 ? p : null;
  const share = (f: (m: MeasureTotals) => number) => rateFigure(f(c), c.direct, prev ? frac(f(prev), prev.direct) : null);
  return {
    knowledge: share((m) => m.direct_knowledge),
    threeWay: share((m) => m.direct_three_way),
    other: share((m) => m.direct_other),
    unrecorded: c.direct - recorded(c),
  };
}

function topicFigure(
  t: { code: string; name: string },
  cur: KpiSide,
  prev: KpiSide | null,
  c: Side,
  p: Side | null,
  types: KpiInput['appealTypes'],
): TopicFigure {
  const cells = (s: KpiSide) => s.topics.filter((x) => x.topic === t.code);
  const tot = (s: KpiSide) => sumTotals(cells(s).map((x) => x.m));
  const byGroup = (s: KpiSide, g: ChannelGroup) =>
    sumTotals(
      cells(s)
        .filter((x) => x.group === g)
        .map((x) => x.m),
    );
  const ct = tot(cur);
  const pt = prev ? tot(prev) : null;
  // a topic is a share of the channel group that reports it: 疫情 of public appeals, 文明创建 of collectors' reports
  const shareOf: ChannelGroup = byGroup(cur, 'collector').accepted > byGroup(cur, 'public').accepted ? 'collector' : 'public';
  const groupTotal = (s: Side) => (shareOf === 'public' ? s.pub.accepted : s.col.accepted);
  const inGroup = (s: KpiSide) => byGroup(s, shareOf).accepted;
  const byType = types
    .map((ty) => {
      const m = sumTotals(
        cells(cur)
          .filter((x) => x.appealType === ty.code)
          .map((x) => x.m),
      );
      return {
        code: ty.code,
        name: ty.name,
        accepted: m.accepted,
        share: ratio(m.accepted, ct.accepted),
        direct: m.direct,
        directRate: ratio(m.direct, m.accepted),
        onTimeRate: ratio(m.on_time, m.finished),
      };
    })
    .filter((x) => x.accepted > 0);
  return {
    code: t.code,
    name: t.name,
    accepted: countFigure(ct.accepted, pt ? pt.accepted : null),
    share: rateFigure(inGroup(cur), groupTotal(c), prev && p ? frac(inGroup(prev), groupTotal(p)) : null),
    shareOf,
    directRate: rateFigure(ct.direct, ct.accepted, pt ? frac(pt.direct, pt.accepted) : null),
    onTimeRate: rateFigure(ct.on_time, ct.finished, pt ? frac(pt.on_time, pt.finished) : null),
    byType,
  };
}
