import { In } from 'typeorm';
import { OrderCoUnitEntity } from '../entities';
import type { Effects } from './effect';

/** The units reply (main and co-units); the center accepts the reply or sends the order back for rework. */
export const REPLY_REVIEW_EFFECTS: Effects<'reply' | 'co-reply' | 'accept-reply' | 'send-back'> = {
  reply: ({ b, now }) => ({ patch: { reply: b.content, repliedAt: now, extDays: null, extReason: null, extRequestedAt: null }, comment: b.content }),

  'co-reply': async ({ em, o, b, user, now, coUnits, ref }) => {
    const scope = await ref.unitScope(user.unitId as number);
    const mine = coUnits.filter((c) => scope.includes(c.unitId));
    await em.update(OrderCoUnitEntity, { orderId: o.id, unitId: In(mine.map((c) => c.unitId)) }, { reply: b.content, repliedAt: now });
    return { patch: {}, comment: b.content, data: { unitIds: mine.map((c) => c.unitId) } };
  },

  'accept-reply': ({ b, now, limits }) => ({ patch: { acceptedAt: now, callbackDueAt: limits.callbackDue(now) }, comment: b.comment ?? null }),

  'send-back': ({ o, b, now, limits }) => ({
    patch: { reworkCount: o.reworkCount + 1, reply: null, repliedAt: null, handleDueAt: limits.handleDue(now), handleOverdueAt: null },
    comment: b.reason,
    data: { previousReply: o.reply },
  }),
};
