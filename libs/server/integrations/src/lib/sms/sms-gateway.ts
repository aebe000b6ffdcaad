import { createHmac } from 'node:crypto';
import type { IntegrationsConfig } from '../integrations.config';

export interface SmsOutcome {
  status: 'sent' | 'failed';
  error?: string;
}

/** Where a message goes. `log` keeps it in sms_message only (demo, tests); `http` posts it to the SMS gateway. */
export interface SmsGateway {
  readonly driver: string;
  send(phone: string, text: string): Promise<SmsOutcome>;
}

export class LogSmsGateway implements SmsGateway {
  readonly driver = 'log';
  async send(): Promise<SmsOutcome> {
    return { status: 'sent' };
  }
}

/**
 * A generic HTTP SMS gateway: JSON `{ account, phone, text }` POSTed to SMS_HTTP_URL, signed with HMAC-SHA256 of the
 * body in `X-Sms-Signature`. A 5xx or a network error throws (the stream retries); a 4xx is a failed message.
 */
export class HttpSmsGateway implements SmsGateway {
  readonly driver = 'http';
  constructor(private readonly config: Pick<IntegrationsConfig, 'SMS_HTTP_URL' | 'SMS_HTTP_ACCOUNT' | 'SMS_HTTP_SECRET' | 'WEBHOOK_TIMEOUT_MS'>) {}

  async send(phone: string, text: string): Promise<SmsOutcome> {
    const body = JSON.stringify({ account: this.config.SMS_HTTP_ACCOUNT ?? '', phone, text });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.config.SMS_HTTP_SECRET) headers['x-sms-signature'] = createHmac('sha256', this.config.SMS_HTTP_SECRET).update(body).digest('hex');
    const res = await fetch(this.config.SMS_HTTP_URL as string, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS) });
    if (res.status >= 500) throw new Error(`SMS gateway answered ${res.status}`);
    return res.ok ? { status: 'sent' } : { status: 'failed', error: `SMS gateway answered ${res.status}` };
  }
}

export function smsGateway(config: IntegrationsConfig): SmsGateway {
  return config.SMS_DRIVER === 'http' ? new HttpSmsGateway(config) : new LogSmsGateway();
}
