import { Injectable } from '@nestjs/common';
import type { OrderAction } from '@hotline/contracts';
import { actionsFor, decide, type TransitionContext } from '@hotline/domain';
import type { AuthUser } from '@hotline/server-identity';
import { AppException } from '@hotline/server-platform';
import { ReferenceService } from '@hotline/server-reference-data';
import type { OrderCoUnitEntity, WorkOrderEntity } from '../entities';

/** Unit-handler actions that belong to the main unit (a co-unit may only co-reply). */
export const MAIN_UNIT_ACTIONS: readonly OrderAction[] = ['dispatch', 'sign', 'return', 'request-extension', 'suspend', 'resume', 'reply', 'feedback'];

/** Which part a unit handler has in an order: main unit (its subtree holds the main unit), co-unit only, or none. */
export type UnitPart = 'main' | 'co' | null;

/**
 * Who may see and act on an order beyond what the role allows: a unit handler sees an order whose main unit or a
 * co-unit lies within their unit's subtree, and a co-unit may only co-reply.
 */
@Injectable()
export class OrderScope {
  constructor(private readonly ref: ReferenceService) {}

  async unitPart(user: AuthUser, o: Pick<WorkOrderEntity, 'mainUnitId'>, coUnits: readonly Pick<OrderCoUnitEntity, 'unitId'>[]): Promise<UnitPart> {
    if (user.unitId == null) return null;
    const scope = await this.ref.unitScope(user.unitId);
    if (o.mainUnitId != null && scope.includes(o.mainUnitId)) return 'main';
    return coUnits.some((c) => scope.includes(c.unitId)) ? 'co' : null;
  }

  /** Unit handlers see an order whose main unit or a co-unit lies within their unit's subtree. */
  async inScope(user: AuthUser, o: WorkOrderEntity, coUnits: readonly OrderCoUnitEntity[]): Promise<boolean> {
    if (user.role !== 'unit_handler') return true;
    return (await this.unitPart(user, o, coUnits)) != null;
  }

  async checkUnitPart(user: AuthUser, o: WorkOrderEntity, coUnits: readonly OrderCoUnitEntity[], action: OrderAction): Promise<void> {
    if (user.role !== 'unit_handler') return;
    const scope = await this.ref.unitScope(user.unitId as number);
    if (MAIN_UNIT_ACTIONS.includes(action) && !(o.mainUnitId != null && scope.includes(o.mainUnitId))) {
      throw new AppException('FORBIDDEN_ROLE', `only the main unit may ${action} this order`);
    }
    if (action === 'co-reply' && !coUnits.some((c) => scope.includes(c.unitId))) {
      throw new AppException('FORBIDDEN_ROLE', 'only a co-unit may co-reply');
    }
  }

  /** The actions a user may take on the order now: the transition table, then their unit's part. */
  async allowedActions(user: AuthUser, o: WorkOrderEntity, coUnits: readonly OrderCoUnitEntity[], ctx: TransitionContext): Promise<OrderAction[]> {
    const out: OrderAction[] = [];
    for (const a of actionsFor(o.status, user.role)) {
      const d = decide(o.status, a, user.role, { ...ctx, hasComment: true });
      if (!d.ok) continue;
      try {
        await this.checkUnitPart(user, o, coUnits, a);
        out.push(a);
      } catch {
        /* not this unit's part */
      }
    }
    return out;
  }
}
