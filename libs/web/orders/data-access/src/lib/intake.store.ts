import { inject } from '@angular/core';
import { DirectAnswerMethod, OrderDetail } from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, errorMessage } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';

/** `POST /api/orders` body (docs/api.md). */
export interface IntakeBody {
  channel: string;
  appealType: string;
  categoryId: number;
  regionId?: number | null;
  platformId?: number | null;
  caller: {
    name?: string | null;
    phone?: string | null;
    confidential?: boolean;
    /** a confidential caller who still wants the SMS notices (受理回执, 办结告知); without it they get none */
    smsConsent?: boolean;
  };
  address?: string | null;
  content: string;
  topics?: string[];
  urgent?: boolean;
  /** the PBX call the order is taken on (from the call pop) */
  callId?: string;
}

/** How a direct answer was made (the direct-answer body's optional fields): an article and version, a three-way call. */
export interface DirectAnswerFields {
  method?: DirectAnswerMethod;
  articleId?: number;
  articleVersion?: number;
  threeWayUnitId?: number;
  threeWayPerson?: string;
}

/** What happens right after registration: answered on the phone, dispatched, or left for a dispatcher. */
export type IntakeFollowUp =
  | { kind: 'direct'; answer: string; how?: DirectAnswerFields }
  | { kind: 'dispatch'; unitId: number; coUnitIds?: number[]; comment?: string }
  | { kind: 'register' };

export interface IntakeResult {
  id: number;
  number: string;
  kind: IntakeFollowUp['kind'];
  at: string;
}

interface IntakeState {
  callState: CallState;
  /** Registered, but the follow-up failed: a retry must not register the call a second time. */
  pending: OrderDetail | null;
  last: IntakeResult | null;
}

const DONE_LABEL: Record<IntakeFollowUp['kind'], string> = {
  direct: '直接办结',
  dispatch: '派单',
  register: '登记',
};

function stripEmpty(body: IntakeBody): IntakeBody {
  const caller = {
    ...body.caller,
    name: body.caller.name?.trim() || undefined,
    phone: body.caller.phone?.replace(/\s/g, '') || undefined,
  };
  return {
    ...body,
    caller,
    address: body.address?.trim() || undefined,
    content: body.content.trim(),
    regionId: body.regionId ?? undefined,
    platformId: body.platformId ?? undefined,
    topics: body.topics?.length ? body.topics : undefined,
  };
}

/** Registers a call and, in the same submit, answers or dispatches it. */
export const IntakeStore = signalStore(
  withState<IntakeState>({ callState: 'init', pending: null, last: null }),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER)) => ({
    async submit(body: IntakeBody, followUp: IntakeFollowUp): Promise<boolean> {
      patchState(store, { callState: 'loading' });
      let order = store.pending();
      try {
        if (!order) {
          order = await api.post<OrderDetail>('/orders', stripEmpty(body));
          patchState(store, { pending: order });
        }
      } catch (err) {
        const message = errorMessage(err);
        notifier.error(`登记失败：${message}`);
        patchState(store, { callState: { error: message } });
        return false;
      }
      try {
        if (followUp.kind === 'direct') {
          order = await api.post<OrderDetail>(`/orders/${order.id}/actions/direct-answer`, {
            version: order.version,
            answer: followUp.answer.trim(),
            ...followUp.how,
          });
        } else if (followUp.kind === 'dispatch') {
          order = await api.post<OrderDetail>(`/orders/${order.id}/actions/dispatch`, {
            version: order.version,
            unitId: followUp.unitId,
            ...(followUp.coUnitIds?.length ? { coUnitIds: followUp.coUnitIds } : {}),
            ...(followUp.comment?.trim() ? { comment: followUp.comment.trim() } : {}),
          });
        }
      } catch (err) {
        const message = errorMessage(err, { context: 'order' });
        notifier.error(`工单 ${order.number} 已登记，但${DONE_LABEL[followUp.kind]}失败：${message}`);
        // keep the registered order (with a fresh version) so the agent can retry just the follow-up
        try {
          patchState(store, {
            pending: await api.get<OrderDetail>(`/orders/${order.id}`),
          });
        } catch {
          /* the retry will report the problem again */
        }
        patchState(store, { callState: { error: message } });
        return false;
      }
      const last: IntakeResult = {
        id: order.id,
        number: order.number,
        kind: followUp.kind,
        at: new Date().toISOString(),
      };
      patchState(store, { pending: null, last, callState: 'loaded' });
      notifier.success(`工单 ${order.number} 已${DONE_LABEL[followUp.kind]}`);
      return true;
    },
    /** Gives up on a registered order whose follow-up failed (it stays registered for a dispatcher). */
    abandonPending(): void {
      patchState(store, { pending: null, callState: 'init' });
    },
  })),
);
