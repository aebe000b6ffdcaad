import { Injectable } from '@nestjs/common';
import type { OrderAction, OrderDetail, OrderSummary, Page } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { OrderActions } from './actions/order-actions';
import type { ActionBody, CreateOrderDto, SearchOrdersDto } from './dto';
import { OrderIntake } from './intake/order-intake';
import { OrderQueries } from './search/order-queries';

/**
 * The orders feature as the controller, the demo seeder and other features call it. Each call goes to its room:
 * intake/ (create), search/ (search, detail), actions/ (the 22 actions); every write goes through writer/.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly intake: OrderIntake,
    private readonly queries: OrderQueries,
    private readonly actions: OrderActions,
  ) {}

  create(user: AuthUser, dto: CreateOrderDto, extra?: { upstreamDueAt?: Date }): Promise<OrderDetail> {
    return this.intake.create(user, dto, extra);
  }

  detail(user: AuthUser, id: number): Promise<OrderDetail> {
    return this.queries.detail(user, id);
  }

  search(user: AuthUser, q: SearchOrdersDto): Promise<Page<OrderSummary>> {
    return this.queries.search(user, q);
  }

  /** Runs the action in its own transaction, then answers with the order as it now is. */
  async act(user: AuthUser, id: number, action: OrderAction, body: ActionBody): Promise<OrderDetail> {
    await this.actions.act(user, id, action, body);
    return this.queries.detail(user, id);
  }
}
