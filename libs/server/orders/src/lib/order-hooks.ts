import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderAction, SystemEvent } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import type { WorkOrderEntity } from './entities';

/** One change to one order, as seen inside the transaction that makes it. */
export interface OrderChange {
  em: EntityManager;
  /** A user's action, 'create' on intake, or a deadline's effect (the first event it records, e.g. 'sign-overdue'). */
  action: OrderAction | SystemEvent;
  /** The row as locked before the change; null on intake. */
  before: WorkOrderEntity | null;
  /** The row as it is after the change (same transaction, not yet committed). */
  after: WorkOrderEntity;
  /** Null for the system's own changes (deadline effects). */
  actor: AuthUser | null;
  at: Date;
  /** The order's topic ids when the change already knows them (intake writes them), so hooks need not read them. */
  topicIds?: number[];
  /** On intake: the PBX call the order was taken on, when the agent took it from a call pop. */
  callId?: string;
}

/**
 * How other features follow orders without the orders service knowing them: deadlines schedule timers,
 * statistics keep their summary tables current. `onOrderChange` runs inside the transaction (a throw rolls
 * the action back); `onCommitted` runs after commit, for feeding queues, and may not fail the action.
 */
export interface OrderChangeHook {
  onOrderChange(change: OrderChange): Promise<void>;
  onCommitted?(change: Omit<OrderChange, 'em'>): Promise<void>;
}

@Injectable()
export class OrderHooks {
  private readonly logger = new Logger(OrderHooks.name);
  private readonly hooks: OrderChangeHook[] = [];

  register(hook: OrderChangeHook): void {
    this.hooks.push(hook);
  }

  async inTransaction(change: OrderChange): Promise<void> {
    for (const h of this.hooks) await h.onOrderChange(change);
  }

  async committed(change: Omit<OrderChange, 'em'>): Promise<void> {
    for (const h of this.hooks) {
      if (!h.onCommitted) continue;
      try {
        await h.onCommitted(change);
      } catch (e) {
        // the work is in the outbox already; the relay or reconciler will pick it up
        this.logger.warn(`after-commit hook failed for order ${change.after.id}: ${(e as Error).message}`);
      }
    }
  }
}
