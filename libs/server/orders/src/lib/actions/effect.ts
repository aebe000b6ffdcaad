import type { EntityManager } from 'typeorm';
import type { OrderAction } from '@hotline/contracts';
import type { TimeLimits } from '@hotline/domain';
import type { AuthUser } from '@hotline/server-identity';
import type { ReferenceService } from '@hotline/server-reference-data';
import type { ActionBody } from '../dto';
import type { OrderCoUnitEntity, WorkOrderEntity } from '../entities';
import type { OrderWriter } from '../writer/order-writer';

/** What an action does to the order's row, and what its history line says. */
export interface Effect {
  patch: Partial<WorkOrderEntity>;
  comment?: string | null;
  data?: Record<string, unknown>;
}

/** Everything an action's effect may look at; it runs inside the action's transaction, after every check passed. */
export interface EffectInput {
  em: EntityManager;
  o: WorkOrderEntity;
  b: ActionBody;
  user: AuthUser;
  now: Date;
  limits: TimeLimits;
  coUnits: OrderCoUnitEntity[];
  ref: ReferenceService;
  /** For the rows an action writes beside its own order (a merge notes the duplicate on its master). */
  writer: OrderWriter;
}

export type EffectFn = (i: EffectInput) => Effect | Promise<Effect>;

/** One family's actions. */
export type Effects<A extends OrderAction> = Record<A, EffectFn>;
