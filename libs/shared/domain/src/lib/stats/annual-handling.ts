import type { ReportBlock, ReportSection } from '@hotline/contracts';
import { AnnualDraft, n, pct, rateClause, sub } from './report-wording';
import { isYear } from './report-wording';

/** Section 二、诉求办理情况: how appeals were handled, the epidemic (when there was one), the units, the backlog. */
export function handlingSection(d: AnnualDraft): ReportSection {
  const blocks: ReportBlock[] = [handlingBlock(d)];
  const epidemic = epidemicBlock(d, blocks.length - 1);
  if (epidemic) blocks.push(epidemic);
  blocks.push(unitsBlock(d, blocks.length - 1));
  blocks.push(backlogBlock(d, blocks.length - 1));
  return { no: '二', title: '诉求办理情况', blocks };
}

function handlingBlock(d: AnnualDraft): ReportBlock {
  const { k, label, short } = d;
  const fig = d.fig.bind(d);
  fig('direct', k.direct.value);
  fig('directRate', k.directRate.value);
  fig('directRatePp', k.directRate.ppChange);
  fig('dispatched', k.dispatched.value);
  fig('onTimeRate', k.onTimeRate.value);
  fig('onTimeRatePp', k.onTimeRate.ppChange);
  fig('satisfactionRate', k.satisfactionRate.value);
  return {
    key: 'handling',
    no: '',
    lead: '',
    text:
      k.accepted.value > 0
        ? `${label}受理的诉求中，${short}通过查询知识库、三方通话等方式直接办结 ${n(k.direct.value)}件${rateClause('直接办结率', k.directRate.value, k.directRate.ppChange)}；` +
          `派发服务工单 ${n(k.dispatched.value)}件${rateClause('按期办结率', k.onTimeRate.value, k.onTimeRate.ppChange)}${rateClause('满意率', k.satisfactionRate.value)}。` +
          directMethods(d)
        : `${label}未受理诉求，无办理情况。`,
    chartIds: [],
    tableIds: [],
  };
}

/**
 * How the direct answers were made (知识库 / 三方通话 / 其他), each with its share of all direct answers; methods with
 * none are not named, and a period whose direct answers recorded no method at all (before methods were recorded)
 * says nothing rather than 0 %.
 */
function directMethods(d: AnnualDraft): string {
  const m = d.k.directByMethod;
  const fig = d.fig.bind(d);
  const parts: [string, string, typeof m.knowledge][] = [
    ['directKnowledge', '查询知识库答复', m.knowledge],
    ['directThreeWay', '三方通话答复', m.threeWay],
    ['directOther', '其他方式答复', m.other],
  ];
  for (const [key, , r] of parts) {
    fig(key, r.numerator);
    fig(`${key}Share`, r.value);
  }
  fig('directUnrecorded', m.unrecorded);
  const named = parts.filter(([, , r]) => r.numerator > 0);
  if (!named.length) return '';
  return (
    `直接办结的诉求中，${named.map(([, words, r]) => `${words} ${n(r.numerator)}件，占 ${pct(r.value)}`).join('；')}` +
    (m.unrecorded > 0 ? `；另有 ${n(m.unrecorded)}件未记录办结方式。` : '。')
  );
}

/** 疫情: the topic's appeals, when the period had any. */
function epidemicBlock(d: AnnualDraft, no: number): ReportBlock | null {
  const { a, k, label, whole } = d;
  const fig = d.fig.bind(d);
  const chart = d.chart.bind(d);
  const e = a.epidemic;
  if (!e || e.accepted.value <= 0) return null;
  const c = e.byType.find((t) => t.code === 'consult');
  const h = e.byType.find((t) => t.code === 'help');
  fig('epidemic', e.accepted.value);
  fig('epidemicShare', e.share.value);
  fig('epidemicDirectRate', e.directRate.value);
  fig('epidemicConsult', c?.accepted ?? 0);
  fig('epidemicConsultShare', c?.share ?? null);
  fig('epidemicConsultDirectRate', c?.directRate ?? null);
  fig('epidemicHelp', h?.accepted ?? 0);
  fig('epidemicHelpShare', h?.share ?? null);
  fig('epidemicHelpOnTimeRate', h?.onTimeRate ?? null);
  const fig3 = chart({
    id: 'epidemic-domains',
    title: `${e.name.replace(/防控$/, '')}诉求涉及领域分布图`,
    kind: 'pie',
    categories: a.epidemicDomains.map((d) => d.name),
    series: [{ name: '诉求量', data: a.epidemicDomains.map((d) => d.value) }],
  });
  const parts = [
    c ? `咨询类诉求 ${n(c.accepted)}件，占${e.name.replace(/防控$/, '')}相关诉求总量的 ${pct(c.share)}${rateClause('直接答复率', c.directRate)}` : null,
    h ? `求助类 ${n(h.accepted)} 件，占${e.name.replace(/防控$/, '')}相关诉求总量的 ${pct(h.share)}${rateClause('按时办结率', h.onTimeRate)}` : null,
  ].filter(Boolean);
  return {
    key: 'handling.epidemic',
    no: sub(no),
    // a surge of one topic answered on the spot more often than the rest: the platform took the load itself
    lead: (e.directRate.value ?? 0) >= (k.directRate.value ?? 0) ? '平台承接能力进一步增强。' : '平台承接能力经受考验。',
    text:
      `${isYear(a.period) ? '今年以来' : label}，共受理${e.name.replace(/防控$/, '')}相关诉求 ${n(e.accepted.value)}件，` +
      `占${whole}公众反映诉求总量的 ${pct(e.share.value)}${rateClause('直接办结率', e.directRate.value)}。${parts.length ? `其中：${parts.join('；')}。` : ''}`,
    chartIds: [fig3],
    tableIds: [],
  };
}

/** Reports to the city's leaders, coordination meetings, praised units. */
function unitsBlock(d: AnnualDraft, no: number): ReportBlock {
  const { a, k, label, whole, short } = d;
  const fig = d.fig.bind(d);
  const chart = d.chart.bind(d);
  fig('reportsIssued', a.reportsIssued);
  fig('instructions', k.instructions.value);
  fig('meetings', a.meetings);
  fig('praise', k.praise.value);
  fig('praiseUnits', k.praise.units);
  const fig4 = chart({
    id: 'praised-units',
    title: '受到表扬、感谢类诉求较多的单位情况图',
    kind: 'bar-horizontal',
    categories: a.praisedUnits.map((u) => u.name),
    series: [{ name: '表扬、感谢', data: a.praisedUnits.map((u) => u.value) }],
  });
  const withUnits = a.meetingUnits.length ? `联动${a.meetingUnits.slice(0, 2).join('、')}等相关部门` : '联动相关部门';
  const solvedIssues = a.meetings > 0 && a.meetingTopics?.length ? `，推动${a.meetingTopics.slice(0, 2).join('、')}等民生热点难点问题解决` : '';
  return {
    key: 'handling.units',
    no: sub(no),
    // no previous on-time rate: no claim either way
    lead: k.onTimeRate.ppChange == null ? '部门处置情况。' : k.onTimeRate.ppChange >= 0 ? '部门处置效力进一步提升。' : '部门处置效力有待提升。',
    text:
      `${label}，共向市委、市政府报送各类数据分析快报、专报 ${n(a.reportsIssued)}期，市领导批示 ${n(k.instructions.value)}次，${withUnits}召开疑难问题专题协调会议 ${n(a.meetings)}次${solvedIssues}。` +
      `${short}${whole}共收到公众表扬、感谢类诉求 ${n(k.praise.value)}件，涉及 ${n(k.praise.units)}个单位。`,
    chartIds: [fig4],
    tableIds: [],
  };
}

/** 积案: orders long overdue cleared and remaining, supervisions. */
function backlogBlock(d: AnnualDraft, no: number): ReportBlock {
  const { a, k, label, year } = d;
  const fig = d.fig.bind(d);
  const b = a.backlog;
  const diff = b.remaining - b.remainingBefore;
  fig('backlogCleared', b.cleared);
  fig('backlogRemaining', b.remaining);
  fig('backlogRemainingBefore', b.remainingBefore);
  fig('supervisedUnits', b.supervisedUnits);
  fig('supervisions', b.supervisions);
  fig('stateCouncil', k.stateCouncil.value);
  fig('stateInspection', k.stateInspection.value);
  fig('provinceSupervision', k.provinceSupervision.value);
  // the seed: 督促有关单位按时办理国务院“互联网+督查”交办单 108件，国务院大督查整改工单 5件，省督办单 3件 (a kind with none is left out)
  const handedDown = [
    ['国务院“互联网+督查”交办单', k.stateCouncil.value],
    ['国务院大督查整改工单', k.stateInspection.value],
    ['省督办单', k.provinceSupervision.value],
  ] as const;
  const handedDownText = handedDown.filter(([, v]) => v > 0).map(([name, v]) => `${name} ${n(v)}件`);
  return {
    key: 'handling.backlog',
    no: sub(no),
    lead: b.cleared > 0 && diff <= 0 ? '积案化解取得显著成效。' : '积案化解工作持续推进。',
    text:
      `${label}，中心加大对超期未办结工单的协调处置力度，共推动化解超期未办结、长期不回复的工单 ${n(b.cleared)}件。` +
      `${label}末，剩余超期未办工单 ${n(b.remaining)}件，较 ${isYear(a.period) ? `${year - 1} 年底` : '上年同期末'}${diff === 0 ? '持平' : `${diff < 0 ? '减少' : '增加'} ${n(Math.abs(diff))}件`}；` +
      `对存在办件质效较差等问题的 ${n(b.supervisedUnits)}个成员单位进行督办 ${n(b.supervisions)}次${handedDownText.length ? `，督促有关单位按时办理${handedDownText.join('，')}` : ''}。`,
    chartIds: [],
    tableIds: [],
  };
}
