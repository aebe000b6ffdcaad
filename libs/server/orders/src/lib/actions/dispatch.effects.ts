import { AppException } from '@hotline/server-platform';
import { OrderCoUnitEntity } from '../entities';
import type { ActionBody } from '../dto';
import type { Effects } from './effect';
import type { ReferenceService } from '@hotline/server-reference-data';

const refused = (field: string, message: string) => new AppException('VALIDATION_FAILED', `${field}: ${message}`, [{ field, messages: [message] }]);

/**
 * How a direct answer was made: 'knowledge' names the article and the version read out (the knowledge base checks, in
 * the same transaction through OrderHooks, that it was published, and counts the use); 'three-way' the unit called.
 */
async function directAnswerRecord(b: ActionBody, ref: ReferenceService) {
  const method = b.method ?? null;
  const knowledge = method === 'knowledge';
  const threeWay = method === 'three-way';
  if (knowledge && b.articleId == null) throw refused('articleId', 'required when the method is knowledge');
  if (knowledge && b.articleVersion == null) throw refused('articleVersion', 'required when the method is knowledge');
  if (!knowledge && (b.articleId != null || b.articleVersion != null)) throw refused('articleId', 'only with the method knowledge');
  if (threeWay && b.threeWayUnitId == null) throw refused('threeWayUnitId', 'required when the method is three-way');
  if (!threeWay && (b.threeWayUnitId != null || b.threeWayPerson != null)) throw refused('threeWayUnitId', 'only with the method three-way');
  if (threeWay) await ref.unit(b.threeWayUnitId as number, 'threeWayUnitId');
  return {
    directAnswerMethod: method,
    directAnswerArticleId: knowledge ? (b.articleId as number) : null,
    directAnswerArticleVersion: knowledge ? (b.articleVersion as number) : null,
    threeWayUnitId: threeWay ? (b.threeWayUnitId as number) : null,
    threeWayPerson: threeWay ? (b.threeWayPerson ?? null) : null,
  };
}

/** How the center resolves an order: answers it at once, or dispatches it (again) to a main unit and co-units. */
export const DISPATCH_EFFECTS: Effects<'direct-answer' | 'dispatch'> = {
  'direct-answer': async ({ b, now, ref }) => {
    const record = await directAnswerRecord(b, ref);
    return {
      patch: { resolution: 'direct', directAnswer: b.answer, closedAt: now, ...record },
      comment: b.answer,
      data: record.directAnswerMethod ? { ...record } : undefined,
    };
  },

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
