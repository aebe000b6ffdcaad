import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { CALL_POP_EVENT, type AgentStateValue, type CallPop, type CallerSummary, type MyAgentState } from '@hotline/contracts';
import { ApiClient, NOTIFIER, errorMessage, type StreamSignal } from '@hotline/web-core-data-access';

interface TelephonyState {
  me: MyAgentState | null;
  /** the call the agent is on, from its pop, until the order taken on it is submitted or the form cleared */
  activeCall: CallPop | null;
  caller: CallerSummary | null;
  saving: boolean;
}

/** Reads a `call-pop` event of the stream; anything else (or a malformed pop) is null. */
export function callPopOf(signal: StreamSignal | null): CallPop | null {
  if (!signal || signal.event !== CALL_POP_EVENT || typeof signal.data !== 'object' || signal.data === null) return null;
  const d = signal.data as Partial<CallPop>;
  return typeof d.callId === 'string' && typeof d.from === 'string' ? (d as CallPop) : null;
}

/** The agent's desk: their 示闲/示忙 state, the call that popped and its caller's history. */
export const TelephonyStore = signalStore(
  { providedIn: 'root' },
  withState<TelephonyState>({ me: null, activeCall: null, caller: null, saving: false }),
  withComputed(({ activeCall }) => ({ callId: computed(() => activeCall()?.callId ?? null) })),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER)) => ({
    async loadMe(): Promise<void> {
      try {
        patchState(store, { me: await api.get<MyAgentState>('/telephony/me') });
      } catch {
        patchState(store, { me: null });
      }
    },
    async setState(state: AgentStateValue): Promise<void> {
      patchState(store, { saving: true });
      try {
        patchState(store, { me: await api.put<MyAgentState>('/telephony/me/state', { state }) });
      } catch (e) {
        notifier.error(errorMessage(e));
      } finally {
        patchState(store, { saving: false });
      }
    },
    /** A call popped: it becomes the desk's call, and its caller's history is fetched. */
    async take(pop: CallPop): Promise<void> {
      if (store.activeCall()?.callId === pop.callId) return;
      patchState(store, { activeCall: pop, caller: null });
      try {
        const caller = await api.get<CallerSummary>(`/telephony/caller/${encodeURIComponent(pop.from)}`);
        if (store.activeCall()?.callId === pop.callId) patchState(store, { caller });
      } catch {
        // the history beside the form still shows the orders; the summary is a convenience
      }
    },
    clearCall(): void {
      patchState(store, { activeCall: null, caller: null });
    },
    reset(): void {
      patchState(store, { me: null, activeCall: null, caller: null });
    },
  })),
);
