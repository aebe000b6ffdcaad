import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderStatus } from '@hotline/contracts';
import { AppException } from '@hotline/server-platform';
import { OrderHistoryEntity, OutboxEntity, WorkOrderEntity } from '../entities';
import { orderEventRow } from '../events/order-event';
import { OrderHooks, type OrderChange } from '../order-hooks';
import { writeOrderText } from '../search/order-text';
import { historyRow, type HistoryLine, type OrderActor } from './history-row';
import { insertRow } from './row-insert';

/** A change to one locked order: the columns it sets, the status it ends in, and the history lines it leaves. */
export interface OrderWrite {
  /** The row as locked in this transaction (its version is the one the UPDATE checks). */
  before: WorkOrderEntity;
  patch: Partial<WorkOrderEntity>;
  /** The status after; the same as before when omitted. */
  to?: OrderStatus;
  actor: OrderActor;
  at: Date;
  /** At least one; the first names the change the hooks see. */
  lines: Omit<HistoryLine, 'from' | 'to'>[];
  /**
   * A change that sets no column and keeps the status leaves the row and its version alone (a deadline's pre-warning:
   * a user's open form stays valid). A user's action always moves the version, even when it sets nothing on the row.
   */
  keepVersionIfUnchanged?: boolean;
}

/** What a committed change hands to `committed()`. */
export type CommittedChange = Omit<OrderChange, 'em'>;

export function staleVersion(currentVersion?: number): AppException {
  return new AppException(
    'STALE_VERSION',
    'the order was changed by someone else; reload it and try again',
    currentVersion == null ? undefined : { currentVersion },
  );
}

/**
 * The one writer of `work_order` and `order_history`. Every change to an order — intake, a user's action, a deadline's
 * effect — goes through here, in the caller's transaction and in one order: the row (a version-checked UPDATE, or the
 * INSERT of a new one), its history lines, one outbox event per line (the order-event stream, events/), then the order
 * hooks (deadlines, statistics). After commit the caller hands the change back to `committed()`.
 */
@Injectable()
export class OrderWriter {
  constructor(private readonly hooks: OrderHooks) {}

  /**
   * Stores a new order with its 'create' line; the row comes built in full (newOrderRow), and gets its id here.
   * `withRow` writes what hangs off the new row (its topics) before the history and the hooks see it.
   */
  async insert(
    em: EntityManager,
    order: WorkOrderEntity,
    line: Omit<HistoryLine, 'action' | 'from' | 'to'>,
    actor: OrderActor,
    topicIds: number[],
    withRow?: (orderId: number) => Promise<void>,
    callId?: string,
  ): Promise<{ history: OrderHistoryEntity; change: CommittedChange }> {
    order.id = await insertRow(em, WorkOrderEntity, order);
    await writeOrderText(em, [order]);
    if (withRow) await withRow(order.id);
    const [history] = await this.lines(em, order, [{ ...line, action: 'create', from: null, to: order.status }], actor, order.createdAt);
    const change: CommittedChange = { action: 'create', before: null, after: order, actor, at: order.createdAt, topicIds, ...(callId ? { callId } : {}) };
    await this.hooks.inTransaction({ ...change, em });
    return { history, change };
  }

  /**
   * Applies a change to a locked order: `UPDATE … WHERE id = ? AND version = ?` bumping the version (unless
   * `keepVersionIfUnchanged` and there is nothing to change), then history, events and hooks.
   */
  async update(em: EntityManager, w: OrderWrite): Promise<{ after: WorkOrderEntity; history: OrderHistoryEntity[]; change: CommittedChange }> {
    const { before, at } = w;
    const to = w.to ?? before.status;
    const touches = !w.keepVersionIfUnchanged || to !== before.status || Object.keys(w.patch).length > 0;
    let after = before;
    if (touches) {
      const res = await em
        .createQueryBuilder()
        .update(WorkOrderEntity)
        .set({ ...w.patch, status: to, updatedAt: at, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id: before.id, version: before.version })
        .execute();
      if (res.affected !== 1) throw staleVersion();
      after = Object.assign(new WorkOrderEntity(), before, w.patch, { status: to, version: before.version + 1, updatedAt: at });
      if ('content' in w.patch || 'address' in w.patch) await writeOrderText(em, [after]);
    }
    const history = await this.lines(
      em,
      after,
      w.lines.map((l) => ({ ...l, from: before.status, to })),
      w.actor,
      at,
    );
    const change: CommittedChange = { action: w.lines[0].action, before, after, actor: w.actor, at };
    await this.hooks.inTransaction({ ...change, em });
    return { after, history, change };
  }

  /**
   * A history line on an order this change does not otherwise touch (a merge notes the duplicate on its master), with
   * its event. The caller holds the order's row in `order`, as read in this transaction.
   */
  async note(em: EntityManager, order: WorkOrderEntity, line: HistoryLine, actor: OrderActor, at: Date): Promise<OrderHistoryEntity> {
    const [row] = await this.lines(em, order, [line], actor, at);
    return row;
  }

  /** After commit: the hooks' second step (feeding queues). Never fails the change. */
  async committed(changes: CommittedChange | readonly CommittedChange[]): Promise<void> {
    for (const c of Array.isArray(changes) ? changes : [changes as CommittedChange]) await this.hooks.committed(c);
  }

  private async lines(em: EntityManager, order: WorkOrderEntity, lines: HistoryLine[], actor: OrderActor, at: Date): Promise<OrderHistoryEntity[]> {
    const out: OrderHistoryEntity[] = [];
    for (const line of lines) {
      const row = historyRow(order.id, line, actor, at);
      row.id = await insertRow(em, OrderHistoryEntity, row);
      const event = {
        orderId: order.id,
        historyId: row.id,
        action: line.action,
        from: line.from,
        to: line.to,
        version: order.version,
        actorId: row.actorId,
        actorRole: row.actorRole,
        at: at.toISOString(),
      };
      await insertRow(em, OutboxEntity, orderEventRow(event, at));
      out.push(row);
    }
    return out;
  }
}
