import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import type { CategoryNode } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { CreateOrderDto, OrdersService } from '@hotline/server-orders';
import { ReferenceService } from '@hotline/server-reference-data';
import { Open311Error } from './open311-format';
import { Open311KeysService } from './open311-keys.service';

/** The channel an Open311 request becomes an order on (in the contract's CHANNELS, seeded with the others). */
export const OPEN311_CHANNEL = 'open311';
const CLOSED = new Set(['closed', 'merged']);
const MAX_LIST = 1000;

type Params = Record<string, string | undefined>;

interface RequestRow {
  id: number | string;
  number: string;
  status: string;
  content: string;
  address: string | null;
  reply: string | null;
  direct_answer: string | null;
  main_unit_id: number | null;
  handle_due_at: Date | null;
  created_at: Date;
  updated_at: Date;
  service_code: string;
  lat: string | null;
  lon: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * GeoReport v2 over the orders: services are the level-2 categories; a request is an order on the `open311` channel
 * (open until the order is closed, status_notes its answer, agency_responsible its main unit). Requests list only those
 * filed through Open311, and never a caller's name or number.
 */
@Injectable()
export class Open311Service {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ref: ReferenceService,
    private readonly orders: OrdersService,
    private readonly keys: Open311KeysService,
  ) {}

  private async level2(): Promise<{ node: CategoryNode; group: string }[]> {
    return (await this.ref.categoryTree()).flatMap((top) => top.children.map((node) => ({ node, group: top.name })));
  }

  async services() {
    return (await this.level2()).map(({ node, group }) => ({
      service_code: node.code,
      service_name: node.name,
      description: `${group} / ${node.name}`,
      metadata: false,
      type: 'realtime',
      keywords: node.children.map((c) => c.name).join(','),
      group,
    }));
  }

  async definition(code: string) {
    if (!(await this.level2()).some((s) => s.node.code === code)) throw new Open311Error(404, `service_code ${code} not found`);
    return { service_code: code, attributes: [] };
  }

  async create(p: Params) {
    const key = await this.keys.verify(p['api_key']);
    if (!key) throw new Open311Error(403, 'api_key is missing or invalid');
    if (!p['service_code']) throw new Open311Error(400, 'service_code is required');
    const service = (await this.level2()).find((s) => s.node.code === p['service_code']);
    if (!service) throw new Open311Error(400, `service_code ${p['service_code']} not found`);
    const lat = p['lat'] == null || p['lat'] === '' ? null : Number(p['lat']);
    const lon = p['long'] == null || p['long'] === '' ? null : Number(p['long']);
    const hasPoint = lat != null && lon != null;
    if (hasPoint && (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180))
      throw new Open311Error(400, 'lat and long must be decimal degrees');
    if (!hasPoint && !p['address_string']) throw new Open311Error(400, 'a location is required: lat and long, or address_string');
    const name = [p['last_name'], p['first_name']].filter(Boolean).join('') || undefined;
    const dto = plainToInstance(CreateOrderDto, {
      channel: OPEN311_CHANNEL,
      appealType: 'help',
      categoryId: service.node.id,
      caller: { name, phone: p['phone'] || undefined, confidential: false },
      address: p['address_string'] || (hasPoint ? `${lat},${lon}` : undefined),
      content: p['description'] ?? '',
    });
    const errors = await validate(dto);
    const nested = errors.flatMap((e) => (e.children?.length ? e.children.map((c) => ({ ...c, property: `${e.property}.${c.property}` })) : [e]));
    if (nested.length) {
      const field =
        { content: 'description', 'caller.phone': 'phone', 'caller.name': 'first_name/last_name', address: 'address_string' }[nested[0].property] ??
        nested[0].property;
      throw new Open311Error(400, `${field} is invalid: ${Object.values(nested[0].constraints ?? {}).join('; ')}`);
    }
    const actor: AuthUser = { id: 0, username: 'open311', displayName: `Open311·${key.name}`.slice(0, 64), role: 'agent', unitId: null };
    const order = await this.orders.create(actor, dto);
    await this.ds.query('INSERT INTO open311_request (order_id, key_id, service_code, lat, lon) VALUES (?, ?, ?, ?, ?)', [
      order.id,
      key.id,
      service.node.code,
      hasPoint ? lat : null,
      hasPoint ? lon : null,
    ]);
    return [{ service_request_id: String(order.id), service_notice: `工单号 ${order.number}`, account_id: null }];
  }

  async list(p: Params) {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    if (p['service_request_id']) {
      const ids = p['service_request_id'].split(',').map(Number);
      if (ids.some((x) => !Number.isInteger(x) || x < 1)) throw new Open311Error(400, 'service_request_id must be a comma-separated list of ids');
      where.push('r.order_id IN (?)');
      params.push(ids);
    } else {
      if (p['service_code']) {
        where.push('r.service_code IN (?)');
        params.push(p['service_code'].split(','));
      }
      if (p['status']) {
        if (!['open', 'closed'].includes(p['status'])) throw new Open311Error(400, 'status must be open or closed');
        where.push(p['status'] === 'closed' ? "o.status IN ('closed', 'merged')" : "o.status NOT IN ('closed', 'merged')");
      }
      const end = this.date(p['end_date'], 'end_date') ?? new Date();
      const start = this.date(p['start_date'], 'start_date') ?? new Date(end.getTime() - 90 * 86_400_000);
      where.push('o.created_at >= ? AND o.created_at <= ?');
      params.push(start, end);
    }
    return this.rows(`${where.join(' AND ')} ORDER BY o.id DESC LIMIT ${MAX_LIST}`, params);
  }

  async one(id: string) {
    if (!/^\d{1,18}$/.test(id)) throw new Open311Error(404, `service_request_id ${id} not found`);
    const rows = await this.rows('r.order_id = ?', [Number(id)]);
    if (!rows.length) throw new Open311Error(404, `service_request_id ${id} not found`);
    return rows;
  }

  private date(v: string | undefined, field: string): Date | null {
    if (!v) return null;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) throw new Open311Error(400, `${field} must be a w3 datetime`);
    return d;
  }

  private async rows(where: string, params: unknown[]) {
    const rows: RequestRow[] = await this.ds.query(
      `SELECT o.id, o.number, o.status, o.content, o.address, o.reply, o.direct_answer, o.main_unit_id, o.handle_due_at, o.created_at, o.updated_at,
              r.service_code, r.lat, r.lon
       FROM open311_request r JOIN work_order o ON o.id = r.order_id WHERE ${where}`,
      params,
    );
    const snap = await this.ref.snapshot();
    const units = new Map(snap.units.map((u) => [u.id, u.name]));
    const names = new Map((await this.level2()).map((s) => [s.node.code, s.node.name]));
    return rows.map((r) => ({
      service_request_id: String(r.id),
      status: CLOSED.has(r.status) ? 'closed' : 'open',
      status_notes: r.reply ?? r.direct_answer ?? null,
      service_name: names.get(r.service_code) ?? null,
      service_code: r.service_code,
      description: r.content,
      agency_responsible: r.main_unit_id == null ? null : (units.get(r.main_unit_id) ?? null),
      service_notice: `工单号 ${r.number}`,
      requested_datetime: iso(r.created_at),
      updated_datetime: iso(r.updated_at),
      expected_datetime: iso(r.handle_due_at),
      address: r.address,
      lat: r.lat == null ? null : Number(r.lat),
      long: r.lon == null ? null : Number(r.lon),
    }));
  }
}
