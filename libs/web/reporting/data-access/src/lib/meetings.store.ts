import { inject } from '@angular/core';
import { MeetingView, OrderSummary, Page } from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, loadInto, runCommand } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { Period } from '@hotline/domain';
import { presetPeriod } from './period';

export interface MeetingForm {
  heldOn: string;
  title: string;
  summary: string;
  unitIds: number[];
  orderIds: number[];
  /** 14-digit order numbers, resolved to ids before the POST */
  orderNumbers?: string[];
}

/** The body of `POST /api/meetings`: empty optional fields left out (the DTO rejects nothing else). */
export function meetingBody(f: MeetingForm): Record<string, unknown> {
  const body: Record<string, unknown> = {
    heldOn: f.heldOn,
    title: f.title.trim(),
  };
  if (f.summary.trim()) body['summary'] = f.summary.trim();
  if (f.unitIds.length) body['unitIds'] = [...new Set(f.unitIds)];
  if (f.orderIds.length) body['orderIds'] = [...new Set(f.orderIds)];
  return body;
}

interface MeetingsState {
  period: Period;
  meetings: MeetingView[];
  callState: CallState;
  saving: boolean;
}

/**
 * 专题协调会议: the meetings of a period, newest first, and recording one against orders and units. Each meeting
 * comes with its orders' numbers (`orderNumbers`, beside `orderIds`): the list needs no lookup per order.
 */
export const MeetingsStore = signalStore(
  withState<MeetingsState>(() => ({
    period: presetPeriod('year'),
    meetings: [],
    callState: 'init',
    saving: false,
  })),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER)) => {
    async function load(period = store.period()): Promise<void> {
      patchState(store, { period });
      await loadInto(
        store,
        'callState',
        () => api.get<MeetingView[]>('/meetings', { ...period }),
        (rows) => ({ meetings: [...rows].sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.id - a.id) }),
      );
    }
    return {
      load,
      create(form: MeetingForm): Promise<MeetingView | null> {
        return runCommand(
          store,
          'saving',
          () => record(form),
          (message) => notifier.error(`记录失败：${message}`),
        );
      },
    };

    /** Resolves the order numbers typed, then records the meeting and shows it. */
    async function record(form: MeetingForm): Promise<MeetingView | null> {
      const resolved: number[] = [];
      const missing: string[] = [];
      for (const number of form.orderNumbers ?? []) {
        const page = await api.get<Page<OrderSummary>>('/orders', {
          number,
          pageSize: 5,
        });
        const hit = page.items.find((o) => o.number === number);
        if (hit) resolved.push(hit.id);
        else missing.push(number);
      }
      if (missing.length) {
        notifier.error(`工单编号不存在：${missing.join('、')}`);
        return null;
      }
      const m = await api.post<MeetingView>('/meetings', meetingBody({ ...form, orderIds: [...form.orderIds, ...resolved] }));
      notifier.success('会议已记录');
      const p = store.period();
      // show it even when it was held outside the period on screen
      await load(
        m.heldOn < p.from || m.heldOn > p.to
          ? {
              from: m.heldOn < p.from ? m.heldOn : p.from,
              to: m.heldOn > p.to ? m.heldOn : p.to,
            }
          : p,
      );
      return m;
    }
  }),
);

/** An order number (受理编号) is 14 digits; anything shorter is taken as the order's id. */
const ORDER_NUMBER = /^\d{14}$/;

/**
 * Orders typed into one field, separated by commas, spaces or 、: 14-digit order numbers (what people read off
 * the screen) or ids (#12). What is neither is reported.
 */
export function parseOrderRefs(text: string): {
  ids: number[];
  numbers: string[];
  invalid: string[];
} {
  const ids: number[] = [];
  const numbers: string[] = [];
  const invalid: string[] = [];
  for (const token of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const t = token.replace(/^#/, '');
    if (ORDER_NUMBER.test(t)) numbers.push(t);
    else if (/^\d{1,10}$/.test(t) && Number(t) > 0) ids.push(Number(t));
    else invalid.push(token);
  }
  return { ids: [...new Set(ids)], numbers: [...new Set(numbers)], invalid };
}
