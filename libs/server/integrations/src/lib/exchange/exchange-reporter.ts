import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ExchangeKind, ExchangeSource } from '@hotline/contracts';
import type { OrderEventPayload, OrderEventSubscriber, OutboxEvent } from '@hotline/server-orders';
import { IntegrationsConfig } from '../integrations.config';
import { EXCHANGE_ADAPTER, type ExchangeAdapter, type UpstreamReport } from './exchange-adapter';

export const EXCHANGE_SUBSCRIBER = 'exchange';

/** What of an order's life the upstream hears about: the answer, an approved extension, the callback. */
export function reportKind(p: Pick<OrderEventPayload, 'action' | 'from' | 'to'>): UpstreamReport['kind'] | null {
  if (p.action === 'approve-extension') return 'extension';
  if (p.action === 'callback') return 'callback';
  const done = (s: string | null) => s === 'callback_pending' || s === 'closed';
  return done(p.to) && !done(p.from) && p.from !== 'merged' ? 'answer' : null;
}

interface Linked {
  order_id: number | string;
  number: string;
  source: ExchangeSource;
  upstream_number: string;
  kind: ExchangeKind;
  reply: string | null;
  direct_answer: string | null;
  handle_due_at: Date | null;
  callback_satisfaction: string | null;
  callback_solved: number | null;
  callback_comment: string | null;
}

/**
 * Sends the local answer, extension and callback of linked orders back up (a reader of the order-event stream), once per
 * event (exchange_report, keyed by outbox id); a rectification (整改) order's answer is its feedback (feedback_at).
 */
@Injectable()
export class ExchangeReporter implements OrderEventSubscriber {
  readonly topics = ['order.'];

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(EXCHANGE_ADAPTER) readonly adapter: ExchangeAdapter,
    private readonly config: IntegrationsConfig,
  ) {}

  get retry() {
    return { attempts: this.config.EVENTS_RETRY_ATTEMPTS, baseMs: this.config.EVENTS_RETRY_BASE_MS, maxMs: this.config.EVENTS_RETRY_MAX_MS };
  }

  async handle(events: readonly OutboxEvent[]): Promise<void> {
    const wanted = events.map((e) => ({ e, kind: reportKind(e.payload as unknown as OrderEventPayload) })).filter((w) => w.kind);
    if (!wanted.length) return;
    const rows: Linked[] = await this.ds.query(
      `SELECT l.order_id, o.number, l.source, l.upstream_number, l.kind, o.reply, o.direct_answer, o.handle_due_at,
              o.callback_satisfaction, o.callback_solved, o.callback_comment
       FROM exchange_link l JOIN work_order o ON o.id = l.order_id WHERE l.order_id IN (?)`,
      [[...new Set(wanted.map((w) => w.e.aggregateId))]],
    );
    if (!rows.length) return;
    const linked = new Map(rows.map((r) => [Number(r.order_id), r]));
    for (const { e, kind } of wanted) {
      const l = linked.get(e.aggregateId);
      if (!l || !kind) continue;
      const [sent] = await this.ds.query('SELECT 1 AS x FROM exchange_report WHERE outbox_id = ?', [e.id]);
      if (sent) continue;
      const report: UpstreamReport = {
        eventId: e.id,
        source: l.source,
        upstreamNumber: l.upstream_number,
        localNumber: l.number,
        orderKind: l.kind,
        kind,
        at: new Date(e.createdAt).toISOString(),
        detail:
          kind === 'answer'
            ? { answer: l.reply ?? l.direct_answer }
            : kind === 'extension'
              ? { handleDueAt: l.handle_due_at ? new Date(l.handle_due_at).toISOString() : null }
              : { satisfaction: l.callback_satisfaction, solved: l.callback_solved == null ? null : !!l.callback_solved, comment: l.callback_comment },
      };
      await this.adapter.report(report);
      await this.ds.transaction(async (em) => {
        await em.query('INSERT IGNORE INTO exchange_report (order_id, outbox_id, kind, body) VALUES (?, ?, ?, ?)', [
          l.order_id,
          e.id,
          kind,
          JSON.stringify(report),
        ]);
        if (kind === 'answer' && l.kind === 'rectification')
          await em.query('UPDATE exchange_link SET feedback_at = COALESCE(feedback_at, ?) WHERE order_id = ?', [new Date(), l.order_id]);
      });
    }
  }
}
