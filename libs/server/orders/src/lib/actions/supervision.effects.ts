import { IsNull } from 'typeorm';
import { SupervisionEntity } from '../entities';
import type { Effects } from './effect';

/** Urging, formal supervision (督办) with the unit's feedback, and a leader's instruction (批示). */
export const SUPERVISION_EFFECTS: Effects<'urge' | 'supervise' | 'feedback' | 'instruct'> = {
  urge: ({ o, b }) => ({ patch: { urgeCount: o.urgeCount + 1 }, comment: b.comment ?? null, data: { unitId: o.mainUnitId } }),

  supervise: async ({ em, o, b, user, now, limits }) => {
    const due = limits.feedbackDue(now, b.feedbackDays);
    await em.insert(SupervisionEntity, {
      orderId: o.id,
      unitId: o.mainUnitId,
      createdBy: user.id,
      comment: b.comment as string,
      feedbackDueAt: due,
      feedback: null,
      feedbackAt: null,
      createdAt: now,
    });
    return { patch: { superviseCount: o.superviseCount + 1 }, comment: b.comment, data: { unitId: o.mainUnitId, feedbackDueAt: due.toISOString() } };
  },

  feedback: async ({ em, o, b, now }) => {
    await em.update(SupervisionEntity, { orderId: o.id, feedbackAt: IsNull() }, { feedback: b.content, feedbackAt: now });
    return { patch: {}, comment: b.content };
  },

  instruct: ({ o, b }) => ({ patch: { instructCount: o.instructCount + 1 }, comment: b.content }),
};
