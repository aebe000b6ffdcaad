import type { Effects } from './effect';

/** Suspending stops the handling clock; resuming restarts it with the time that was left. */
export const SUSPEND_RESUME_EFFECTS: Effects<'suspend' | 'resume'> = {
  suspend: ({ b, now }) => ({ patch: { suspendedAt: now }, comment: b.reason }),

  resume: ({ o, b, now, limits }) => {
    // the clock stopped while suspended: resume with the time that was left (minutes of the policy's clock)
    const left = o.handleDueAt && o.suspendedAt ? limits.leftAt(o.suspendedAt, o.handleDueAt) : 0;
    const newDue = o.handleDueAt ? limits.resumeDue(now, left) : null;
    return {
      patch: { suspendedAt: null, handleDueAt: newDue },
      comment: b.comment ?? null,
      data: { workingMinutesLeft: left, clock: limits.clock.kind, toDueAt: newDue?.toISOString() ?? null },
    };
  },
};
