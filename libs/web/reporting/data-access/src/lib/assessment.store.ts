import { inject } from '@angular/core';
import { ASSESSMENT_METRICS, AssessmentMetric, AssessmentView, AssessmentWeights } from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, loadInto, runCommand } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { PlatformChoice, previousMonth } from './period';

export const METRIC_LABELS: Record<AssessmentMetric, string> = {
  signOnTime: '及时签收率',
  onTime: '按时办结率',
  satisfaction: '满意率',
  returns: '退单率',
  rework: '重办率',
};

/** The points a unit can get: Σ of its weights (100 for a department, 150 for a county by default). */
export function fullScore(w: Record<AssessmentMetric, number>): number {
  return ASSESSMENT_METRICS.reduce((sum, m) => sum + (Number(w[m]) || 0), 0);
}

interface AssessmentState {
  month: string;
  platform: PlatformChoice;
  view: AssessmentView | null;
  callState: CallState;
  weights: AssessmentWeights | null;
  weightsState: CallState;
  saving: boolean;
}

/** 单位考核: a month's ranking of member units, and the weights it is scored with (admin edits them). */
export const AssessmentStore = signalStore(
  withState<AssessmentState>(() => ({
    month: previousMonth(),
    platform: 'city',
    view: null,
    callState: 'init',
    weights: null,
    weightsState: 'init',
    saving: false,
  })),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER)) => {
    let seq = 0;
    async function load(): Promise<void> {
      const mine = ++seq;
      await loadInto(
        store,
        'callState',
        () => api.get<AssessmentView>('/assessment', { month: store.month(), platform: store.platform() }),
        (view) => ({ view, weights: store.weights() ?? view.weights }),
        { superseded: () => mine !== seq },
      );
    }
    async function loadWeights(): Promise<void> {
      await loadInto(
        store,
        'weightsState',
        () => api.get<AssessmentWeights>('/assessment/weights'),
        (weights) => ({ weights }),
      );
    }
    return {
      load,
      loadWeights,
      setMonth(month: string): Promise<void> {
        patchState(store, { month });
        return load();
      },
      setPlatform(platform: PlatformChoice): Promise<void> {
        patchState(store, { platform });
        return load();
      },
      /** PUT the weights (admin), then re-rank the month with them. */
      async saveWeights(weights: AssessmentWeights): Promise<boolean> {
        const saved = await runCommand(
          store,
          'saving',
          async () => {
            const saved = await api.put<AssessmentWeights>('/assessment/weights', weights);
            patchState(store, { weights: saved, weightsState: 'loaded' });
            notifier.success('考核权重已保存');
            await load();
            return true;
          },
          (message) => notifier.error(`保存失败：${message}`),
        );
        return saved ?? false;
      },
    };
  }),
);
