import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MeetingView } from '@hotline/contracts';
import type { Period } from '@hotline/domain';
import { AppException, inTransaction } from '@hotline/server-platform';
import { ReferenceService } from '@hotline/server-reference-data';

type Row = Record<string, unknown>;

/** Coordination meetings (专题协调会议) recorded against units and orders, counted in the reports. */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ref: ReferenceService,
  ) {}

  async create(userId: number, m: { heldOn: string; title: string; summary?: string; unitIds?: number[]; orderIds?: number[] }): Promise<MeetingView> {
    const unitIds = [...new Set(m.unitIds ?? [])];
    const orderIds = [...new Set(m.orderIds ?? [])];
    for (const [i, id] of unitIds.entries()) await this.ref.unit(id, `unitIds.${i}`);
    if (orderIds.length) {
      const found: { id: number }[] = await this.ds.query(`SELECT id FROM work_order WHERE id IN (${orderIds.map(() => '?').join(', ')})`, orderIds);
      const missing = orderIds.filter((id) => !found.some((f) => Number(f.id) === id));
      if (missing.length) throw new AppException('UNKNOWN_REFERENCE', `orders ${missing.join(', ')} do not exist`, { field: 'orderIds' });
    }
    const id = await inTransaction(this.ds, async (em) => {
      const res = await em.query('INSERT INTO coordination_meeting (held_on, title, summary, created_by) VALUES (?, ?, ?, ?)', [
        m.heldOn,
        m.title,
        m.summary ?? null,
        userId,
      ]);
      const mid = Number(res.insertId);
      if (unitIds.length)
        await em.query(
          `INSERT INTO coordination_meeting_unit (meeting_id, unit_id) VALUES ${unitIds.map(() => '(?, ?)').join(', ')}`,
          unitIds.flatMap((u) => [mid, u]),
        );
      if (orderIds.length)
        await em.query(
          `INSERT INTO coordination_meeting_order (meeting_id, order_id) VALUES ${orderIds.map(() => '(?, ?)').join(', ')}`,
          orderIds.flatMap((o) => [mid, o]),
        );
      return mid;
    });
    return (await this.list({ from: m.heldOn, to: m.heldOn })).find((x) => x.id === id) as MeetingView;
  }

  async list(period: Period): Promise<MeetingView[]> {
    const rows: Row[] = await this.ds.query(
      `SELECT m.id, DATE_FORMAT(m.held_on, '%Y-%m-%d') AS held_on, m.title, m.summary, m.created_at,
        (SELECT GROUP_CONCAT(unit_id ORDER BY unit_id) FROM coordination_meeting_unit WHERE meeting_id = m.id) AS units,
        (SELECT GROUP_CONCAT(CONCAT(mo.order_id, ':', COALESCE(o.number, '')) ORDER BY mo.order_id SEPARATOR ',')
           FROM coordination_meeting_order mo LEFT JOIN work_order o ON o.id = mo.order_id WHERE mo.meeting_id = m.id) AS orders
       FROM coordination_meeting m WHERE m.held_on BETWEEN ? AND ? ORDER BY m.held_on DESC, m.id DESC LIMIT 500`,
      [period.from, period.to],
    );
    const ids = (v: unknown) => (v ? String(v).split(',').map(Number) : []);
    // 'id:number' pairs, so the numbers line up with the ids in the same query (the list shows numbers, links ids)
    const orders = (v: unknown) =>
      v
        ? String(v)
            .split(',')
            .map((pair) => pair.split(':'))
        : [];
    return rows.map((r) => ({
      id: Number(r['id']),
      heldOn: String(r['held_on']),
      title: String(r['title']),
      summary: (r['summary'] as string | null) ?? null,
      unitIds: ids(r['units']),
      orderIds: orders(r['orders']).map(([id]) => Number(id)),
      orderNumbers: orders(r['orders']).map(([, number]) => number ?? ''),
      createdAt: new Date(r['created_at'] as Date).toISOString(),
    }));
  }
}
