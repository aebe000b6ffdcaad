import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { DataSource } from 'typeorm';
import type { ExchangeKind, ExchangeLinkView, ExchangeSource, OrderDetail, RectificationSummary } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { CreateOrderDto, OrdersService } from '@hotline/server-orders';
import { AppException, audit } from '@hotline/server-platform';
import type { ReceiveUpstreamOrderDto } from '../dto';

/** The channel an upstream order arrives on: 省平台转办, 国务院互联网+督查, or 好差评 for a rectification (整改). */
export function upstreamChannel(source: ExchangeSource, kind: ExchangeKind): string {
  if (kind === 'rectification') return 'haochaping';
  return source === 'province' ? 'province' : 'state_council';
}

interface LinkRow {
  order_id: number | string;
  number: string;
  source: ExchangeSource;
  upstream_number: string;
  upstream_due_at: Date | null;
  kind: ExchangeKind;
  feedback_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * Orders pushed down by the provincial platform or 互联网+督查: each becomes a local order with its own number, linked to
 * the upstream number (once: a second push of the same number answers the same order), with the upstream deadline
 * capping the local one (libs/server/orders, capHandleDue). What goes back up is the ExchangeReporter's (the stream).
 */
@Injectable()
export class ExchangeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly orders: OrdersService,
  ) {}

  async receive(user: AuthUser, dto: ReceiveUpstreamOrderDto): Promise<ExchangeLinkView> {
    const kind = dto.kind ?? 'normal';
    const [known]: { order_id: number | string }[] = await this.ds.query('SELECT order_id FROM exchange_link WHERE source = ? AND upstream_number = ?', [
      dto.source,
      dto.upstreamNumber,
    ]);
    if (known) return this.link(Number(known.order_id));
    const due = dto.deadline ? new Date(dto.deadline) : undefined;
    if (due && due.getTime() <= Date.now())
      throw new AppException('VALIDATION_FAILED', 'the upstream deadline has passed', [{ field: 'deadline', messages: ['in the past'] }]);
    const create = plainToInstance(CreateOrderDto, {
      channel: upstreamChannel(dto.source, kind),
      appealType: dto.appealType,
      categoryId: dto.categoryId,
      regionId: dto.regionId,
      caller: { name: dto.callerName, phone: dto.callerPhone, confidential: dto.confidential ?? false },
      address: dto.address,
      content: dto.content,
    });
    const actor: AuthUser = { ...user, displayName: `${user.displayName}（${dto.source === 'province' ? '省平台' : '互联网+督查'}）`.slice(0, 64) };
    const order: OrderDetail = await this.orders.create(actor, create, { upstreamDueAt: due });
    await this.ds.transaction(async (em) => {
      await em.query('INSERT INTO exchange_link (order_id, source, upstream_number, upstream_due_at, kind) VALUES (?, ?, ?, ?, ?)', [
        order.id,
        dto.source,
        dto.upstreamNumber,
        due ?? null,
        kind,
      ]);
      await audit(em, user, 'exchange-link', order.id, 'receive', { source: dto.source, upstreamNumber: dto.upstreamNumber, kind });
    });
    return this.link(order.id);
  }

  async links(): Promise<ExchangeLinkView[]> {
    const rows: LinkRow[] = await this.ds.query(
      'SELECT l.*, o.number FROM exchange_link l JOIN work_order o ON o.id = l.order_id ORDER BY l.created_at DESC LIMIT 500',
    );
    return Promise.all(rows.map((r) => this.view(r)));
  }

  async link(orderId: number): Promise<ExchangeLinkView> {
    const [row]: LinkRow[] = await this.ds.query('SELECT l.*, o.number FROM exchange_link l JOIN work_order o ON o.id = l.order_id WHERE l.order_id = ?', [
      orderId,
    ]);
    if (!row) throw new AppException('NOT_FOUND', `order ${orderId} came from no upstream platform`);
    return this.view(row);
  }

  /** 好差评整改: received, and fed back (their answer reported up); "已全部完成反馈" when the two are equal. */
  async rectification(): Promise<RectificationSummary> {
    const [r]: { total: number | string; fed: number | string | null }[] = await this.ds.query(
      "SELECT COUNT(*) AS total, SUM(feedback_at IS NOT NULL) AS fed FROM exchange_link WHERE kind = 'rectification'",
    );
    const total = Number(r.total);
    const fedBack = Number(r.fed ?? 0);
    return { total, fedBack, allFedBack: total > 0 && fedBack === total };
  }

  private async view(r: LinkRow): Promise<ExchangeLinkView> {
    const reports: { kind: string; created_at: Date }[] = await this.ds.query('SELECT kind, created_at FROM exchange_report WHERE order_id = ? ORDER BY id', [
      r.order_id,
    ]);
    return {
      orderId: Number(r.order_id),
      orderNumber: r.number,
      source: r.source,
      upstreamNumber: r.upstream_number,
      upstreamDueAt: iso(r.upstream_due_at),
      kind: r.kind,
      feedbackAt: iso(r.feedback_at),
      reports: reports.map((x) => ({ kind: x.kind, at: new Date(x.created_at).toISOString() })),
    };
  }
}
