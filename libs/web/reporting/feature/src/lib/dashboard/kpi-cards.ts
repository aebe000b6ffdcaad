import type { CountFigure, DashboardData, HaochapingFeedback, RateFigure } from '@hotline/contracts';
import { formatCountGrouped, formatPercent } from '@hotline/domain';

export interface KpiCard {
  key: string;
  label: string;
  value: string;
  /** yoy (fraction) for counts, pp for rates */
  change: number | null;
  changeKind: 'yoy' | 'pp';
  upIsGood: boolean;
  sub: string;
}

const count = (key: string, label: string, f: CountFigure, sub: string, upIsGood = false): KpiCard => ({
  key,
  label,
  value: formatCountGrouped(f.value),
  change: f.yoy,
  changeKind: 'yoy',
  upIsGood,
  sub,
});

const rate = (key: string, label: string, f: RateFigure, sub: string): KpiCard => ({
  key,
  label,
  value: formatPercent(f.value),
  change: f.ppChange,
  changeKind: 'pp',
  upIsGood: true,
  sub,
});

/**
 * The 好差评 card's feedback: the report's figure (haochapingFedBack, computed by the server with the report's code),
 * labelled as what the provincial exchange recorded, or a plain word that the period has none — never the closures.
 */
function feedbackText(f: HaochapingFeedback | null): string {
  if (!f) return '暂无省平台反馈数据';
  return f.fedBack >= f.orders ? '已全部反馈（省平台回传）' : `已反馈 ${formatCountGrouped(f.fedBack)} / ${formatCountGrouped(f.orders)} 件（省平台回传）`;
}

/** The dashboard's headline cards, in the order the annual report's section 一 quotes them. */
export function kpiCards(d: Pick<DashboardData, 'kpis' | 'haochapingFeedback'>): KpiCard[] {
  const k = d.kpis;
  return [
    count('accepted', '受理总量', k.accepted, `日均 ${formatCountGrouped(Math.round(k.dailyAverage))} 件`),
    count('public', '公众诉求', k.publicAppeals, `占 ${formatPercent(k.publicShare.value)}，信息采集 ${formatCountGrouped(k.collectorAppeals.value)} 件`),
    rate('direct-rate', '直接办结率', k.directRate, `直接办结 ${formatCountGrouped(k.direct.value)} 件`),
    count('dispatched', '派发工单', k.dispatched, `已办结 ${formatCountGrouped(k.finished.value)} 件`),
    rate('on-time-rate', '按期办结率', k.onTimeRate, `${formatCountGrouped(k.onTimeRate.numerator)} / ${formatCountGrouped(k.onTimeRate.denominator)} 件按期`),
    rate(
      'sign-on-time-rate',
      '及时签收率',
      k.signOnTimeRate,
      `${formatCountGrouped(k.signOnTimeRate.numerator)} / ${formatCountGrouped(k.signOnTimeRate.denominator)} 件及时签收`,
    ),
    rate('satisfaction-rate', '满意率', k.satisfactionRate, `回访 ${formatCountGrouped(k.callbacks.value)} 件，解决率 ${formatPercent(k.solvedRate.value)}`),
    rate('answer-rate', '电话接通率', k.answerRate, `接通 ${formatCountGrouped(k.answerRate.numerator)} / ${formatCountGrouped(k.answerRate.denominator)} 通`),
    rate(
      'consultation-direct-rate',
      '咨询直接答复率',
      k.consultationDirectRate,
      `咨询 ${formatCountGrouped(k.consultations.value)} 件，占公众诉求 ${formatPercent(k.consultationShare.value)}`,
    ),
    count('internet', '互联网渠道', k.internet, k.internet.times === null ? '去年同期无数据' : `为去年同期的 ${k.internet.times.toFixed(2)} 倍`, true),
    count('praise', '表扬、感谢', k.praise, `涉及 ${formatCountGrouped(k.praise.units)} 个单位`, true),
    count(
      'haochaping',
      '好差评整改',
      k.haochaping,
      `${feedbackText(d.haochapingFeedback)}；国务院督查 ${formatCountGrouped(k.stateCouncil.value)} 件；批示 ${formatCountGrouped(k.instructions.value)} 件`,
    ),
  ];
}
