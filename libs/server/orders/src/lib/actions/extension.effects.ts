import type { Effects } from './effect';

/** The unit asks for more time; the center grants it (the handling deadline moves by the policy's clock) or not. */
export const EXTENSION_EFFECTS: Effects<'request-extension' | 'approve-extension' | 'reject-extension'> = {
  'request-extension': ({ b, now }) => ({ patch: { extDays: b.days, extReason: b.reason, extRequestedAt: now }, comment: b.reason, data: { days: b.days } }),

  'approve-extension': ({ o, b, now, limits }) => {
    const base = o.handleDueAt ?? now;
    const newDue = limits.extend(base, o.extDays as number);
    return {
      patch: { handleDueAt: newDue, extensionCount: o.extensionCount + 1, extDays: null, extReason: null, extRequestedAt: null },
      comment: b.comment ?? null,
      data: { days: o.extDays, fromDueAt: base.toISOString(), toDueAt: newDue.toISOString() },
    };
  },

  'reject-extension': ({ o, b }) => ({
    patch: { extDays: null, extReason: null, extRequestedAt: null },
    comment: b.comment ?? null,
    data: { days: o.extDays },
  }),
};
