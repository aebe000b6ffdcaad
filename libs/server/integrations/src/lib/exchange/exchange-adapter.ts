import { Logger } from '@nestjs/common';
import { appendFile } from 'node:fs/promises';
import type { ExchangeKind, ExchangeSource } from '@hotline/contracts';
import type { IntegrationsConfig } from '../integrations.config';
import { signBody } from '../webhooks/webhook-signature';

/** What goes back up: the local answer, an approved extension, the callback's result, keyed by the upstream number. */
export interface UpstreamReport {
  /** The outbox event it comes from: the upstream de-duplicates on it. */
  eventId: number;
  source: ExchangeSource;
  upstreamNumber: string;
  localNumber: string;
  orderKind: ExchangeKind;
  kind: 'answer' | 'extension' | 'callback';
  at: string;
  /** answer: the reply; extension: the days and the new deadline; callback: satisfaction and whether it was solved. */
  detail: Record<string, unknown>;
}

/**
 * The provincial 12345 platform's / 互联网+督查's side of the exchange. The real protocols are not public, so this is
 * the seam: a file adapter (JSON lines for a gateway to pick up), an HTTP adapter (signed JSON POST), and a simulated
 * upstream for tests and the demo. Throwing means "try again" (the stream retries, then parks a dead letter).
 */
export interface ExchangeAdapter {
  readonly name: string;
  report(r: UpstreamReport): Promise<void>;
}

export class FileExchangeAdapter implements ExchangeAdapter {
  readonly name = 'file';
  constructor(private readonly path: string) {}
  async report(r: UpstreamReport): Promise<void> {
    await appendFile(this.path, `${JSON.stringify(r)}\n`, 'utf8');
  }
}

export class HttpExchangeAdapter implements ExchangeAdapter {
  readonly name = 'http';
  constructor(
    private readonly url: string,
    private readonly secret: string | undefined,
    private readonly timeoutMs: number,
  ) {}
  async report(r: UpstreamReport): Promise<void> {
    const body = JSON.stringify(r);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-hotline-event-id': String(r.eventId) };
    if (this.secret) headers['x-hotline-signature'] = signBody(this.secret, body);
    const res = await fetch(this.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
    if (!res.ok) throw new Error(`upstream answered ${res.status}`);
  }
}

/** Stands in for the provincial platform in tests and the demo: keeps what it was sent, in memory and in the log. */
export class SimulatedUpstream implements ExchangeAdapter {
  readonly name = 'simulated';
  readonly received: UpstreamReport[] = [];
  private readonly logger = new Logger('SimulatedUpstream');
  async report(r: UpstreamReport): Promise<void> {
    this.received.push(r);
    if (this.received.length > 1000) this.received.shift();
    this.logger.log(`upstream ${r.source} ${r.upstreamNumber}: ${r.kind}`);
  }
}

export function exchangeAdapter(c: IntegrationsConfig): ExchangeAdapter {
  if (c.EXCHANGE_HTTP_URL) return new HttpExchangeAdapter(c.EXCHANGE_HTTP_URL, c.EXCHANGE_SECRET, c.WEBHOOK_TIMEOUT_MS);
  if (c.EXCHANGE_OUTBOX_FILE) return new FileExchangeAdapter(c.EXCHANGE_OUTBOX_FILE);
  return new SimulatedUpstream();
}

export const EXCHANGE_ADAPTER = Symbol('EXCHANGE_ADAPTER');
