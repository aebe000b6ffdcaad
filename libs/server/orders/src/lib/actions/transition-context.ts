import type { EntityManager } from 'typeorm';
import type { Satisfaction } from '@hotline/contracts';
import type { TransitionContext } from '@hotline/domain';
import type { ActionBody } from '../dto';
import { SupervisionEntity, WorkOrderEntity } from '../entities';
import { IsNull } from 'typeorm';

const DISSATISFIED: readonly Satisfaction[] = ['dissatisfied', 'very_dissatisfied'];

/** The facts beyond the status that the transition table decides on, read in the caller's transaction. */
export async function transitionContext(em: EntityManager, o: WorkOrderEntity, b: Partial<ActionBody>): Promise<TransitionContext> {
  const openSupervision = await em.exists(SupervisionEntity, { where: { orderId: o.id, feedbackAt: IsNull() } });
  let masterAwaitingCallback = false;
  if (o.status === 'merged' && o.mergedIntoId) {
    const master = await em.findOne(WorkOrderEntity, { where: { id: o.mergedIntoId }, select: { id: true, status: true, resolution: true } });
    masterAwaitingCallback = !!master && master.resolution === 'dispatched' && (master.status === 'callback_pending' || master.status === 'closed');
  }
  return {
    statusBeforeReturn: o.statusBeforeReturn,
    hasPendingExtension: o.extDays != null,
    hasOpenSupervision: openSupervision,
    callbackDone: o.callbackAt != null,
    masterAwaitingCallback,
    reopen: !!b.reopen,
    dissatisfied: !!b.satisfaction && DISSATISFIED.includes(b.satisfaction),
    hasComment: !!b.comment?.trim(),
  };
}
