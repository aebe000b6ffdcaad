import { OrderCoUnitEntity } from '../entities';
import type { Effects } from './effect';

/** The unit signs for an order or asks to return it; the center approves or rejects the return. */
export const SIGN_RETURN_EFFECTS: Effects<'sign' | 'return' | 'approve-return' | 'reject-return'> = {
  sign: ({ now }) => ({ patch: { signedAt: now } }),

  return: ({ o, b, now }) => ({
    patch: { statusBeforeReturn: o.status, returnReason: b.reason, returnRequestedAt: now, returnCount: o.returnCount + 1 },
    comment: b.reason,
    data: { unitId: o.mainUnitId },
  }),

  'approve-return': async ({ em, o, b }) => {
    await em.delete(OrderCoUnitEntity, { orderId: o.id });
    return {
      patch: {
        mainUnitId: null,
        statusBeforeReturn: null,
        returnReason: null,
        returnRequestedAt: null,
        signedAt: null,
        signDueAt: null,
        handleDueAt: null,
        extDays: null,
        extReason: null,
        extRequestedAt: null,
      },
      comment: b.comment ?? null,
      data: { returnedBy: o.mainUnitId, reason: o.returnReason },
    };
  },

  'reject-return': ({ o, b }) => ({
    patch: { statusBeforeReturn: null, returnReason: null, returnRequestedAt: null },
    comment: b.comment ?? null,
    data: { reason: o.returnReason },
  }),
};
