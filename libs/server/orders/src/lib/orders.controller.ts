import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ORDER_ACTIONS, type OrderDetail, type OrderSummary, type Page } from '@hotline/contracts';
import { roleMayEver } from '@hotline/domain';
import { CurrentUser, Roles, type AuthUser } from '@hotline/server-identity';
import { AppException, flattenValidationErrors, ParseIdPipe } from '@hotline/server-platform';
import { ACTION_DTOS, CreateOrderDto, isOrderAction, SearchOrdersDto, type ActionBody } from './dto';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @Roles('agent', 'dispatcher', 'admin')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrderDto): Promise<OrderDetail> {
    return this.orders.create(user, dto);
  }

  @Get()
  search(@CurrentUser() user: AuthUser, @Query() q: SearchOrdersDto): Promise<Page<OrderSummary>> {
    return this.orders.search(user, q);
  }

  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number): Promise<OrderDetail> {
    return this.orders.detail(user, id);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @ApiBody({ description: 'version plus the action fields (docs/api.md)', schema: { type: 'object' } })
  async act(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Param('action') action: string, @Body() raw: unknown): Promise<OrderDetail> {
    if (!isOrderAction(action)) throw new AppException('NOT_FOUND', `unknown action ${action}; one of ${ORDER_ACTIONS.join(', ')}`);
    // the role before the body: a role that may never take the action hears 403 whatever it sent (the service checks again)
    if (!roleMayEver(action, user.role)) throw new AppException('FORBIDDEN_ROLE', `role ${user.role} may not ${action}`);
    return this.orders.act(user, id, action, await validateActionBody(action, raw));
  }
}

/** The body's shape depends on the action in the path, so it is validated here rather than by the global pipe. */
async function validateActionBody(action: keyof typeof ACTION_DTOS, raw: unknown): Promise<ActionBody> {
  if (raw == null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new AppException('VALIDATION_FAILED', 'body must be a JSON object', [{ field: 'version', messages: ['required'] }]);
  }
  const dto = plainToInstance(ACTION_DTOS[action], raw);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const details = flattenValidationErrors(errors);
    throw new AppException('VALIDATION_FAILED', details.map((d) => `${d.field}: ${d.messages.join(', ')}`).join('; '), details);
  }
  return dto as ActionBody;
}
