import { DestroyRef, Injectable, PLATFORM_ID, inject, signal } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { OrderSummary } from '@hotline/contracts';

export type CountdownLevel = 'none' | 'ok' | 'soon' | 'overdue';

export interface Countdown {
  text: string;
  level: CountdownLevel;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The window in which a deadline shows as "soon" (the unit inbox's 即将到期 tab uses the same 24 h). */
export const SOON_WINDOW_MS = DAY;

function span(ms: number): string {
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  const m = Math.floor((ms % HOUR) / MINUTE);
  if (d > 0) return h > 0 ? `${d}天${h}小时` : `${d}天`;
  if (h > 0) return m > 0 ? `${h}小时${m}分` : `${h}小时`;
  return m > 0 ? `${m}分钟` : '不足1分钟';
}

/**
 * A deadline as an agent reads it: time left, or how long it is overdue. Wall-clock time, not
 * working time: the server decides the deadline on the working-day calendar, the countdown only
 * says how far away that moment is.
 */
export function formatCountdown(dueAt: string | null | undefined, now: number): Countdown {
  if (!dueAt) return { text: '—', level: 'none' };
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return { text: '—', level: 'none' };
  const diff = due - now;
  if (diff < 0) return { text: `超期 ${span(-diff)}`, level: 'overdue' };
  return {
    text: `剩余 ${span(diff)}`,
    level: diff <= SOON_WINDOW_MS ? 'soon' : 'ok',
  };
}

export interface CurrentDeadline {
  label: string;
  dueAt: string | null;
}

/** The deadline that matters in the order's current step. */
export function currentDeadline(o: Pick<OrderSummary, 'status' | 'signDueAt' | 'handleDueAt' | 'callbackDueAt'>): CurrentDeadline {
  switch (o.status) {
    case 'dispatched':
      return { label: '签收时限', dueAt: o.signDueAt };
    case 'handling':
    case 'returning':
    case 'suspended':
      return { label: '办理时限', dueAt: o.handleDueAt };
    case 'callback_pending':
      return { label: '回访时限', dueAt: o.callbackDueAt };
    default:
      return { label: '时限', dueAt: null };
  }
}

/** One ticking clock for every countdown on the page (a timer per row would be wasteful). */
@Injectable({ providedIn: 'root' })
export class Clock {
  private readonly tick = signal(Date.now());
  readonly now = this.tick.asReadonly();

  constructor() {
    if (!isPlatformBrowser(inject(PLATFORM_ID))) return;
    const id = setInterval(() => this.tick.set(Date.now()), 30_000);
    inject(DestroyRef).onDestroy(() => clearInterval(id));
  }
}
