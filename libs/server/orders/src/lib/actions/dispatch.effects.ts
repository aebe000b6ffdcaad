import { AppException } from '@hotline/server-platform';
import { OrderCoUnitEntity } from '../entities';
import type { Effects } from './effect';

/** How the center resolves an order: answers it at once, or dispatches it (again) to a main unit and co-units. */
export const DISPATCH_EFFECTS: Effects<'direct-answer' | 'dispatch'> = {
  'direct-answer': ({ b, now }) => ({ patch: { resolution: 'direct', directAnswer: b.answer, closedAt: now }, comment: b.answer }),

  dispatch: async ({ em, o, b, user, now, limits, ref }) => {
    const unit = await ref.unit(b.unitId as number);
    const coIds = b.coUnitIds ?? [];
    if (user.role === 'unit_handler') {
      // a district passes the order down: only to a unit below its own, keeping the handling deadline
      if (unit.id === user.unitId || !(await ref.unitWithin(unit.id, user.unitId as number))) {
        throw new AppException('VALIDATION_FAILED', 'a unit can only pass an order down to one of its own sub-units', [
          { field: 'unitId', messages: ['not a sub-unit of your unit'] },
        ]);
      }
      if (coIds.length)
        throw new AppException('VALIDATION_FAILED', 'co-units are chosen by the center', [{ field: 'coUnitIds', messages: ['not allowed for a unit'] }]);
      return {
        patch: { mainUnitId: unit.id, dispatchedAt: now, signedAt: null, signDueAt: limits.signDue(now) },
        comment: b.comment ?? null,
        data: { unitId: unit.id, fromUnitId: o.mainUnitId, subDispatch: true },
      };
    }
    if (coIds.includes(unit.id))
      throw new AppException('VALIDATION_FAILED', 'the main unit cannot also be a co-unit', [{ field: 'coUnitIds', messages: ['contains the main unit'] }]);
    for (const [i, c] of coIds.entries()) await ref.unit(c, `coUnitIds.${i}`);
    await em.delete(OrderCoUnitEntity, { orderId: o.id });
    if (coIds.length)
      await em.insert(
        OrderCoUnitEntity,
        coIds.map((unitId) => ({ orderId: o.id, unitId, reply: null, repliedAt: null })),
      );
    return {
      patch: {
        mainUnitId: unit.id,
        resolution: 'dispatched',
        dispatchedAt: now,
        signedAt: null,
        signDueAt: limits.signDue(now),
        handleDueAt: limits.handleDue(now),
      },
      comment: b.comment ?? null,
      data: { unitId: unit.id, coUnitIds: coIds, redispatch: o.status === 'dispatched' },
    };
  },
};
