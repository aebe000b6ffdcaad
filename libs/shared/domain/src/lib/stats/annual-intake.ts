import type { ReportBlock, ReportSection } from '@hotline/contracts';
import { formatTimes, ppChange, yoy } from './figures';
import { daysInPeriod } from './period';
import { haochapingFedBack } from './rectification';
import { AnnualDraft, clauses, n, pct, rateClause, sub, trendLead, versus } from './report-wording';

/** Section 一、诉求受理情况: volume, consultations, the platform's extended services. */
export function intakeSection(d: AnnualDraft): ReportSection {
  const { a, k, label, whole, year, twoLabel, short } = d;
  const fig = d.fig.bind(d);
  const chart = d.chart.bind(d);
  fig('accepted', k.accepted.value);
  fig('dailyAverage', Math.round(k.dailyAverage));
  fig('days', daysInPeriod(a.period));
  fig('answerRate', k.answerRate.value);
  fig('public', k.publicAppeals.value);
  fig('collector', k.collectorAppeals.value);
  fig('publicShare', k.publicShare.value);
  fig('collectorShare', k.collectorShare.value);
  const opening: ReportBlock = {
    key: 'intake',
    no: '',
    lead: '',
    // an empty period says so, rather than 日均受理 0件 and shares of nothing
    text:
      k.accepted.value > 0
        ? `${label}，${a.platformName}（以下简称${short}）共受理诉求 ${n(k.accepted.value)}件，日均受理 ${n(Math.round(k.dailyAverage))}件${rateClause('电话接通率', k.answerRate.value)}。` +
          `其中，公众通过电话、网络等渠道反映 ${n(k.publicAppeals.value)}件，信息采集员通过路面巡查、视频监控等渠道上报 ${n(k.collectorAppeals.value)}件，` +
          `分别占诉求总量的 ${pct(k.publicShare.value)}和 ${pct(k.collectorShare.value)}。`
        : `${label}，${a.platformName}（以下简称${short}）未受理诉求${rateClause('电话接通率', k.answerRate.value)}。`,
    chartIds: [],
    tableIds: [],
  };
  const [all, allPrev, allTwo] = a.allPlatforms;
  fig('allAccepted', all);
  fig('allYoy', yoy(all, allPrev));
  fig('allVsTwoYearsAgo', yoy(all, allTwo));
  fig('acceptedYoy', k.accepted.yoy);
  fig('acceptedVsTwoYearsAgo', yoy(k.accepted.value, a.twoYearsAgo));
  // the years before the center had any orders are not drawn as zero bars
  const volumeYears = [
    { year: year - 2, all: allTwo, city: a.twoYearsAgo },
    { year: year - 1, all: allPrev, city: k.accepted.previous ?? 0 },
    { year, all, city: k.accepted.value },
  ];
  const firstYear = volumeYears.findIndex((y) => y.all > 0 || y.city > 0 || y.year === year);
  // the report's own platform beside 全市: the city platform, or a district's; a report of 全市 has only the one series
  const ownName = k.platform === 'all' ? null : k.platform === 'city' ? '市级平台' : a.platformName;
  const shownYears = volumeYears.slice(firstYear);
  const fig1 = chart({
    id: 'volume',
    title: `${shownYears[0].year === year ? '' : `${shownYears[0].year}—`}${year} 年全市 12345 在线诉求受理量对比图`,
    kind: 'bar',
    categories: shownYears.map((y) => `${y.year}年`),
    series: [{ name: '全市', data: shownYears.map((y) => y.all) }, ...(ownName ? [{ name: ownName, data: shownYears.map((y) => y.city) }] : [])],
  });
  const cityVersus = ownName ? [versus('同比', k.accepted.yoy), versus(`较${twoLabel}`, yoy(k.accepted.value, a.twoYearsAgo))].filter(Boolean).join('，') : '';
  const volume: ReportBlock = {
    key: 'intake.volume',
    no: sub(0),
    lead: trendLead('诉求受理总量', yoy(all, allPrev), yoy(allPrev, allTwo), ['稳步增长', '有所增长', '有所回落']),
    text:
      `${label}，全市 12345 在线共受理诉求 ${n(all)} 件${clauses(versus('同比', yoy(all, allPrev)), versus(`较${twoLabel}`, yoy(all, allTwo)))}` +
      (cityVersus ? `；其中，${ownName}诉求受理量${cityVersus}。` : '。'),
    chartIds: [fig1],
    tableIds: [],
  };
  fig('consultations', k.consultations.value);
  fig('consultationsYoy', k.consultations.yoy);
  fig('consultationShare', k.consultationShare.value);
  fig('consultationSharePp', k.consultationShare.ppChange);
  fig('consultationDirectRate', k.consultationDirectRate.value);
  fig('consultationDirectRatePp', k.consultationDirectRate.ppChange);
  const fig2 = chart({
    id: 'types',
    title: `${year - 1}—${year} 年诉求类型分布情况对比图`,
    kind: 'bar',
    categories: a.types.map((t) => t.name),
    series: [
      { name: `${year - 1}年`, data: a.types.map((t) => t.previous) },
      { name: `${year}年`, data: a.types.map((t) => t.current) },
    ],
  });
  const consult: ReportBlock = {
    key: 'intake.consult',
    no: sub(1),
    lead: trendLead('咨询类诉求占比', k.consultationShare.ppChange, ppChange(k.consultationShare.previous, a.consultationShareTwoYearsAgo), [
      '持续提升',
      '有所提升',
      '有所下降',
    ]),
    text:
      `${label}共受理咨询类诉求 ${n(k.consultations.value)}件${clauses(versus('同比', k.consultations.yoy))}${rateClause('占公众反映诉求总量的', k.consultationShare.value, k.consultationShare.ppChange)}` +
      `${rateClause(`${whole}咨询类诉求直接答复率`, k.consultationDirectRate.value, k.consultationDirectRate.ppChange)}。`,
    chartIds: [fig2],
    tableIds: [],
  };
  fig('callbacks', k.callbacks.value);
  fig('haochaping', k.haochaping.value);
  fig('haochapingFinished', k.haochaping.finished);
  const fedBackCount = haochapingFedBack(k.haochaping.finished, a.rectification);
  fig('haochapingFedBack', fedBackCount);
  fig('internet', k.internet.value);
  fig('internetTimes', k.internet.times);
  const civ = a.civilization;
  // 采集“文明创建”类问题 N件，占采集上报总量的 x%: the collectors' tagged reports, the share's numerator (a citizen's
  // appeal tagged 文明创建 is not 采集)
  fig('civilization', civ?.share.numerator ?? 0);
  fig('civilizationShare', civ?.share.value ?? null);
  const internetText =
    k.internet.times != null && k.internet.times >= 2 ? `是去年受理量的 ${formatTimes(k.internet.value, k.internet.previous)}` : versus('同比', k.internet.yoy);
  // nothing handed down: nothing to say was fed back
  const fedBack = k.haochaping.value === 0 ? '' : fedBackCount >= k.haochaping.value ? '，已全部完成反馈' : `，已完成反馈 ${n(fedBackCount)}件`;
  const extension: ReportBlock = {
    key: 'intake.extension',
    no: sub(2),
    lead: (k.internet.yoy ?? 0) > 0 || (k.callbacks.yoy ?? 0) > 0 ? '平台延伸服务进一步深化。' : '平台延伸服务持续推进。',
    text:
      `持续推进“好差评”工作，完成“好差评”回访 ${n(k.callbacks.value)} 件，省级派送“好差评”整改工单 ${n(k.haochaping.value)}件${fedBack}；` +
      // the claims around the figures follow them: 进一步完善 only when the channel grew, 深入推进 when collection did
      `${(k.internet.yoy ?? 0) > 0 ? '互联网渠道功能进一步完善，' : '互联网渠道'}${whole}受理诉求 ${n(k.internet.value)} 件${clauses(internetText)}` +
      // the collectors' share needs collectors: without any the clause has nothing to say
      (civ && civ.share.value != null
        ? `；服务“创文”专项采集${(civ.accepted.yoy ?? 0) > 0 ? '深入推进' : '持续开展'}，${whole}采集“${civ.name}”类问题 ${n(civ.share.numerator)}件，占采集上报总量的 ${pct(civ.share.value)}。`
        : '。'),
    chartIds: [],
    tableIds: [],
  };
  return { no: '一', title: '诉求受理情况', blocks: [opening, volume, consult, extension] };
}
