import type { Effects } from './effect';

/** The callback to the caller (which may reopen the order to the unit when dissatisfied), and closing. */
export const CALLBACK_CLOSE_EFFECTS: Effects<'callback' | 'close'> = {
  callback: ({ o, b, now, limits }) => {
    const data = { satisfaction: b.satisfaction, solved: b.solved, reopen: !!b.reopen };
    if (b.reopen) {
      return {
        patch: {
          reworkCount: o.reworkCount + 1,
          reply: null,
          repliedAt: null,
          acceptedAt: null,
          callbackDueAt: null,
          handleDueAt: limits.handleDue(now),
          handleOverdueAt: null,
        },
        comment: b.comment ?? null,
        data: { ...data, previousReply: o.reply },
      };
    }
    return {
      patch: { callbackSatisfaction: b.satisfaction, callbackSolved: b.solved, callbackComment: b.comment ?? null, callbackAt: now },
      comment: b.comment ?? null,
      data,
    };
  },

  close: ({ o, b, now }) => ({ patch: { closedAt: now }, comment: b.comment ?? null, data: { withoutCallback: !o.callbackAt } }),
};
