import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SmsMessageView, SmsTemplateCode, SmsTemplateView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { AppException, audit, inTransaction } from '@hotline/server-platform';
import type { MessagesQueryDto, UpdateSmsTemplateDto } from '../dto';
import { unknownVariables } from './sms-template';

interface TemplateRow {
  code: SmsTemplateCode;
  name: string;
  body: string;
  enabled: number;
  version: number;
  updated_at: Date;
}

const toTemplate = (r: TemplateRow): SmsTemplateView => ({
  code: r.code,
  name: r.name,
  body: r.body,
  enabled: !!r.enabled,
  version: Number(r.version),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** Admin side of the SMS notices: templates, the message log, opt-outs. Every change is audited. */
@Injectable()
export class SmsAdminService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async templates(): Promise<SmsTemplateView[]> {
    return ((await this.ds.query('SELECT * FROM sms_template ORDER BY FIELD(code, "receipt", "answered", "callback")')) as TemplateRow[]).map(toTemplate);
  }

  async updateTemplate(user: AuthUser, code: string, dto: UpdateSmsTemplateDto): Promise<SmsTemplateView> {
    const unknown = unknownVariables(dto.body);
    if (unknown.length)
      throw new AppException('VALIDATION_FAILED', `unknown template variables: ${unknown.join(', ')}`, [
        { field: 'body', constraints: [`unknown variable {${unknown[0]}}`] },
      ]);
    return inTransaction(this.ds, async (em) => {
      const [cur]: TemplateRow[] = await em.query('SELECT * FROM sms_template WHERE code = ? FOR UPDATE', [code]);
      if (!cur) throw new AppException('NOT_FOUND', `no SMS template ${code}`);
      if (Number(cur.version) !== dto.version) throw new AppException('STALE_VERSION', 'the template was changed by someone else', { field: 'version' });
      await em.query('UPDATE sms_template SET body = ?, enabled = ?, version = version + 1 WHERE code = ?', [dto.body, dto.enabled ? 1 : 0, code]);
      await audit(em, user, 'sms-template', code, 'update', { body: dto.body, enabled: dto.enabled });
      const [row]: TemplateRow[] = await em.query('SELECT * FROM sms_template WHERE code = ?', [code]);
      return toTemplate(row);
    });
  }

  async messages(q: MessagesQueryDto): Promise<SmsMessageView[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT * FROM sms_message ${q.phone ? 'WHERE phone = ?' : ''} ORDER BY id DESC LIMIT ?`,
      q.phone ? [q.phone, q.limit ?? 100] : [q.limit ?? 100],
    );
    return rows.map((r) => ({
      id: Number(r['id']),
      phone: r['phone'] as string,
      orderId: r['order_id'] == null ? null : Number(r['order_id']),
      template: r['template_code'] as string,
      body: r['body'] as string,
      driver: r['driver'] as string,
      status: r['status'] as string,
      error: (r['error'] as string | null) ?? null,
      createdAt: new Date(r['created_at'] as Date).toISOString(),
    }));
  }

  async optOuts(): Promise<{ phone: string; createdAt: string }[]> {
    const rows: { phone: string; created_at: Date }[] = await this.ds.query('SELECT phone, created_at FROM sms_opt_out ORDER BY created_at DESC LIMIT 500');
    return rows.map((r) => ({ phone: r.phone, createdAt: new Date(r.created_at).toISOString() }));
  }

  async optOut(user: AuthUser, phone: string): Promise<void> {
    await inTransaction(this.ds, async (em) => {
      await em.query('INSERT IGNORE INTO sms_opt_out (phone) VALUES (?)', [phone]);
      await audit(em, user, 'sms-opt-out', phone, 'create');
    });
  }

  async optIn(user: AuthUser, phone: string): Promise<void> {
    await inTransaction(this.ds, async (em) => {
      const res: { affectedRows: number } = await em.query('DELETE FROM sms_opt_out WHERE phone = ?', [phone]);
      if (!res.affectedRows) throw new AppException('NOT_FOUND', 'this number has not opted out');
      await audit(em, user, 'sms-opt-out', phone, 'delete');
    });
  }
}
