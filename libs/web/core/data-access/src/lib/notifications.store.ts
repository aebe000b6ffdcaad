import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { API_BASE } from './api-client';
import { AuthStore } from './auth.store';
import { SseEvent, SseParser } from './sse';

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  orderId: number | null;
  orderNumber: string | null;
  at: string;
  read: boolean;
}

/** `null` until the stream has been tried; `false` when the server has no stream (yet). */
type StreamAvailability = boolean | null;

/** A live event of the stream that is not a notice (a call pop …): the latest one, for whoever watches for it. */
export interface StreamSignal {
  event: string;
  data: unknown;
  seq: number;
}
/** Events of the stream other than notices and its own bookkeeping. */
const NOT_SIGNALS = ['message', 'notification', 'ready', 'ping', 'heartbeat'];

interface NotificationsState {
  items: AppNotification[];
  connected: boolean;
  available: StreamAvailability;
  signal: StreamSignal | null;
}

const MAX_ITEMS = 50;
export const NOTIFICATION_STREAM_URL = `${API_BASE}/notifications/stream`;

let seq = 0;

function parseData(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/** Reads one event's payload leniently: the stream's exact shape is not part of the contract yet. */
export function toNotification(ev: SseEvent, now: Date = new Date()): AppNotification | null {
  if (ev.event === 'ping' || ev.event === 'heartbeat') return null;
  let payload: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(ev.data);
    payload = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : { title: String(parsed) };
  } catch {
    payload = { title: ev.data };
  }
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);
  const title = str(payload['title']) ?? str(payload['message']) ?? str(payload['text']);
  if (!title) return null;
  return {
    id: str(payload['id']) ?? (num(payload['id']) !== null ? String(payload['id']) : null) ?? ev.id ?? `n${++seq}`,
    kind: str(payload['kind']) ?? str(payload['type']) ?? ev.event,
    title,
    body: str(payload['body']) ?? (str(payload['message']) !== title ? str(payload['message']) : null),
    orderId: num(payload['orderId']),
    orderNumber: str(payload['orderNumber']),
    at: str(payload['at']) ?? str(payload['createdAt']) ?? now.toISOString(),
    read: false,
  };
}

/**
 * The header bell. Listens to the server's event stream once logged in; when the server has no
 * stream yet (404) the bell simply stays empty, and transient failures retry with back-off.
 */
export const NotificationsStore = signalStore(
  { providedIn: 'root' },
  withState<NotificationsState>({
    items: [],
    connected: false,
    available: null,
    signal: null,
  }),
  withComputed(({ items }) => ({
    unreadCount: computed(() => items().filter((n) => !n.read).length),
  })),
  withMethods((store, auth = inject(AuthStore)) => {
    let controller: AbortController | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let backoffMs = 2000;
    /** the id of the last event read: sent back on a reconnect, so the server replays what the drop missed */
    let lastEventId: string | null = null;

    function add(n: AppNotification): void {
      if (store.items().some((x) => x.id === n.id)) return;
      patchState(store, { items: [n, ...store.items()].slice(0, MAX_ITEMS) });
    }

    function scheduleRetry(): void {
      if (retryTimer || !auth.token()) return;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        void connect();
      }, backoffMs);
      backoffMs = Math.min(backoffMs * 2, 60_000);
    }

    async function connect(): Promise<void> {
      const token = auth.token();
      if (controller || !token || store.available() === false || typeof fetch !== 'function') return;
      const ctrl = new AbortController();
      controller = ctrl;
      try {
        const res = await fetch(NOTIFICATION_STREAM_URL, {
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'text/event-stream',
            ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
          },
          signal: ctrl.signal,
        });
        if ([404, 405, 501].includes(res.status)) {
          patchState(store, { available: false });
          return;
        }
        if (res.status === 401 || res.status === 403) return; // the next API call's 401 ends the session
        if (!res.ok || !res.body) {
          scheduleRetry();
          return;
        }
        patchState(store, { available: true, connected: true });
        backoffMs = 2000;
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        const parser = new SseParser();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const ev of parser.push(decoder.decode(value, { stream: true }))) {
            if (ev.id) lastEventId = ev.id;
            if (!NOT_SIGNALS.includes(ev.event)) {
              patchState(store, { signal: { event: ev.event, data: parseData(ev.data), seq: ++seq } });
              continue;
            }
            const n = toNotification(ev);
            if (n) add(n);
          }
        }
        patchState(store, { connected: false });
        if (!ctrl.signal.aborted) scheduleRetry();
      } catch {
        patchState(store, { connected: false });
        if (!ctrl.signal.aborted) scheduleRetry();
      } finally {
        if (controller === ctrl) controller = null;
      }
    }

    function disconnect(): void {
      controller?.abort();
      controller = null;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      backoffMs = 2000;
      patchState(store, { connected: false });
    }

    return {
      connect,
      disconnect,
      add,
      markAllRead(): void {
        patchState(store, {
          items: store.items().map((n) => ({ ...n, read: true })),
        });
      },
      markRead(id: string): void {
        patchState(store, {
          items: store.items().map((n) => (n.id === id ? { ...n, read: true } : n)),
        });
      },
      /** On logout: forget this user's notifications. */
      reset(): void {
        disconnect();
        lastEventId = null;
        patchState(store, { items: [], available: null, signal: null });
      },
    };
  }),
  withHooks({ onDestroy: (store) => store.disconnect() }),
);
