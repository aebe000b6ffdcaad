import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SmsTemplateCode } from '@hotline/contracts';
import { type OrderEventPayload, type OrderEventSubscriber, type OutboxEvent } from '@hotline/server-orders';
import { IntegrationsConfig } from '../integrations.config';
import { SMS_GATEWAY, type SmsGateway } from './sms-gateway.token';
import { renderSms } from './sms-template';

export const SMS_SUBSCRIBER = 'sms';

interface OrderFacts {
  id: number | string;
  number: string;
  caller_phone: string | null;
  caller_confidential: number;
  caller_sms_consent: number;
  reply: string | null;
  direct_answer: string | null;
}

/** Which notice an order event calls for: 受理回执 on intake, 办结告知 once answered, the 回访 invitation on callback. */
export function noticesFor(p: Pick<OrderEventPayload, 'action' | 'from' | 'to'>): SmsTemplateCode[] {
  if (p.action === 'create') return ['receipt'];
  const done = (s: string | null) => s === 'callback_pending' || s === 'closed';
  const out: SmsTemplateCode[] = [];
  if (done(p.to) && !done(p.from) && p.from !== 'merged') out.push('answered');
  if (p.to === 'callback_pending' && p.from !== 'callback_pending') out.push('callback');
  return out;
}

/**
 * The citizen's SMS notices, a reader of the order-event stream. Each notice is stored once (key: template + order) in
 * sms_message whatever became of it — sent, failed, or skipped (confidential without consent, opted out, over the
 * number's hourly limit) — so a redelivered event sends nothing twice. A message names only its own order.
 */
@Injectable()
export class SmsSender implements OrderEventSubscriber {
  readonly topics = ['order.'];

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(SMS_GATEWAY) private readonly gateway: SmsGateway,
    private readonly config: IntegrationsConfig,
  ) {}

  get retry() {
    return { attempts: this.config.EVENTS_RETRY_ATTEMPTS, baseMs: this.config.EVENTS_RETRY_BASE_MS, maxMs: this.config.EVENTS_RETRY_MAX_MS };
  }

  async handle(events: readonly OutboxEvent[]): Promise<void> {
    const wanted = events.flatMap((e) => noticesFor(e.payload as unknown as OrderEventPayload).map((code) => ({ e, code })));
    if (!wanted.length) return;
    const templates: { code: SmsTemplateCode; body: string; enabled: number }[] = await this.ds.query('SELECT code, body, enabled FROM sms_template');
    const orders: OrderFacts[] = await this.ds.query(
      'SELECT id, number, caller_phone, caller_confidential, caller_sms_consent, reply, direct_answer FROM work_order WHERE id IN (?)',
      [[...new Set(wanted.map((w) => w.e.aggregateId))]],
    );
    const byId = new Map(orders.map((o) => [Number(o.id), o]));
    for (const { e, code } of wanted) {
      const t = templates.find((x) => x.code === code);
      const o = byId.get(e.aggregateId);
      if (!t?.enabled || !o?.caller_phone) continue;
      // 保密来电: nothing unless the caller asked for it
      if (o.caller_confidential && !o.caller_sms_consent) continue;
      await this.send(o, code, renderSms(t.body, { number: o.number, answer: o.reply ?? o.direct_answer ?? '', hotline: '12345' }));
    }
  }

  private async send(o: OrderFacts, code: SmsTemplateCode, text: string): Promise<void> {
    const key = `${code}:${o.id}`;
    const [done] = await this.ds.query('SELECT 1 AS x FROM sms_message WHERE dedupe_key = ?', [key]);
    if (done) return;
    const phone = o.caller_phone as string;
    let skip: string | null = null;
    const [opted] = await this.ds.query('SELECT 1 AS x FROM sms_opt_out WHERE phone = ?', [phone]);
    if (opted) skip = 'opted out';
    else {
      const [{ n }] = await this.ds.query("SELECT COUNT(*) AS n FROM sms_message WHERE phone = ? AND status = 'sent' AND created_at > ?", [
        phone,
        new Date(Date.now() - 3_600_000),
      ]);
      if (Number(n) >= this.config.SMS_PER_NUMBER_PER_HOUR) skip = 'rate limit';
    }
    const outcome = skip ? { status: 'skipped' as const, error: skip } : await this.gateway.send(phone, text);
    await this.ds.query(
      'INSERT IGNORE INTO sms_message (dedupe_key, phone, order_id, template_code, body, driver, status, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [key, phone, o.id, code, text, this.gateway.driver, outcome.status, outcome.error ?? null],
    );
  }
}
