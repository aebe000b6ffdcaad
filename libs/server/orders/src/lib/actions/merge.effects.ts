import { AppException } from '@hotline/server-platform';
import { WorkOrderEntity } from '../entities';
import type { Effects } from './effect';

/** A duplicate follows its master: the master's history notes it, and the duplicate points at the master. */
export const MERGE_EFFECTS: Effects<'merge'> = {
  merge: async ({ em, o, b, user, now, writer }) => {
    const masterId = b.masterId as number;
    if (masterId === o.id)
      throw new AppException('VALIDATION_FAILED', 'an order cannot be merged into itself', [{ field: 'masterId', messages: ['same order'] }]);
    const master = await em.findOneBy(WorkOrderEntity, { id: masterId });
    if (!master) throw new AppException('UNKNOWN_REFERENCE', `order ${masterId} does not exist`, { field: 'masterId' });
    if (master.status === 'merged' || master.status === 'closed') {
      throw new AppException('PRECONDITION_FAILED', `order ${master.number} is ${master.status} and cannot be a master`, { field: 'masterId' });
    }
    await writer.note(
      em,
      master,
      { action: 'merge', from: master.status, to: master.status, data: { mergedOrderId: o.id, mergedNumber: o.number } },
      user,
      now,
    );
    return { patch: { mergedIntoId: master.id }, data: { masterId: master.id, masterNumber: master.number } };
  },
};
