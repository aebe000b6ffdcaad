import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppException } from '@hotline/server-platform';
import { OrderHooks, type OrderChange, type OrderChangeHook } from '@hotline/server-orders';

/**
 * Links the call an order was taken on to the order, in the intake's own transaction: the call must be one the
 * agent answered (or, for supervisors entering it, any unlinked one) and not yet linked, else the intake fails
 * with the field at fault rather than leaving an order that claims a call it does not have.
 */
@Injectable()
export class CallLinkHook implements OrderChangeHook, OnModuleInit {
  constructor(private readonly hooks: OrderHooks) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onOrderChange(c: OrderChange): Promise<void> {
    if (c.action !== 'create' || !c.callId) return;
    const mineOnly = c.actor?.role === 'agent' || c.actor?.role === 'callback_agent';
    const [call] = await c.em.query(
      `SELECT id FROM call_record WHERE call_id = ? AND pbx_id IS NOT NULL AND order_id IS NULL${mineOnly ? ' AND agent_id = ?' : ''}
        ORDER BY id DESC LIMIT 1 FOR UPDATE`,
      [c.callId, ...(mineOnly ? [c.actor?.id] : [])],
    );
    if (!call) throw new AppException('UNKNOWN_REFERENCE', 'no call of yours with that id to link', [{ field: 'callId', messages: ['no such unlinked call'] }]);
    await c.em.query("UPDATE call_record SET order_id = ?, link_purpose = 'intake' WHERE id = ?", [c.after.id, call.id]);
  }
}
