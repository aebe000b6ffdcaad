import type { CountFigure, DashboardData, KpiSet, RateFigure } from '@hotline/contracts';

const c = (value: number, previous: number | null = null): CountFigure => ({
  value,
  previous,
  yoy: previous ? (value - previous) / previous : null,
});
const r = (numerator: number, denominator: number, previous: number | null = null): RateFigure => {
  const value = denominator ? numerator / denominator : null;
  return { numerator, denominator, value, previous, ppChange: value !== null && previous !== null ? (value - previous) * 100 : null };
};

/** A KPI set with the 2020 report's headline numbers, for specs. */
export function kpiSet(): KpiSet {
  return {
    platform: 'city',
    period: { from: '2020-01-01', to: '2020-12-31', days: 366 },
    previousPeriod: { from: '2019-01-01', to: '2019-12-31', days: 365 },
    accepted: c(868022, 676027),
    dailyAverage: 868022 / 366,
    answerRate: r(976, 1000, 0.97),
    publicAppeals: c(577102, 500000),
    collectorAppeals: c(290920, 176027),
    publicShare: r(577102, 868022),
    collectorShare: r(290920, 868022),
    consultations: c(271973, 159179),
    consultationShare: r(271973, 577102),
    consultationDirectRate: r(9724, 10000, 0.9249),
    direct: c(487120),
    directRate: r(487120, 868022, 0.5537),
    directByMethod: { knowledge: r(300000, 487120), threeWay: r(150000, 487120), other: r(37120, 487120), unrecorded: 0 },
    dispatched: c(380902),
    finished: c(370000),
    onTimeRate: r(9710, 10000, 0.9444),
    signOnTimeRate: r(99, 100),
    callbacks: c(200000),
    satisfactionRate: r(9684, 10000),
    solvedRate: r(90, 100),
    internet: { ...c(38947, 7562), times: 38947 / 7562 },
    haochaping: { ...c(417), finished: 417 },
    stateCouncil: c(108),
    praise: { ...c(359), units: 42 },
    instructions: c(765),
    topics: [],
  };
}

export function dashboard(): DashboardData {
  return {
    kpis: kpiSet(),
    trendGranularity: 'day',
    trend: [
      { bucket: '2020-06-01', accepted: 10, direct: 6, dispatched: 4, previous: 8 },
      { bucket: '2020-06-02', accepted: 12, direct: 7, dispatched: 5, previous: null },
    ],
    types: [
      { id: 'consult', name: '咨询', value: 5, previous: 3 },
      { id: 'complaint', name: '投诉', value: 4, previous: null },
    ],
    hotCategories: [{ id: 1, name: '市容环境', value: 20408, previous: 17399, yoy: 0.1729 }],
    heat: { rows: [{ id: 1, name: '海州区' }], columns: [{ id: 1, name: '市容环境' }], cells: [[7]] },
    topics: [],
    praisedUnits: [{ id: 3, name: '市公安局', value: 30 }],
    overdueByUnit: [{ unitId: 3, name: '市公安局', late: 2, openOverdue: 1 }],
    surges: [],
    // 400 of the 417 fed back upstream; kpis.haochaping.finished (417) counts the closures
    haochapingFeedback: { orders: 417, fedBack: 400, tracked: 417 },
  };
}
