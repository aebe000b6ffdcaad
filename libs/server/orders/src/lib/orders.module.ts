import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferenceDataModule } from '@hotline/server-reference-data';
import { OrderActions } from './actions/order-actions';
import { CalendarProvider } from './calendar.provider';
import { Clock } from './clock';
import { ORDER_ENTITIES } from './entities';
import { OrderEventRelay } from './events/order-event-relay';
import { OrderEventStream } from './events/order-event-stream';
import { OrderIntake } from './intake/order-intake';
import { OrdersController } from './orders.controller';
import { OrderHooks } from './order-hooks';
import { OrdersService } from './orders.service';
import { RefNamesCache } from './ref-names';
import { OrderScope } from './scope/order-scope';
import { OrderQueries } from './search/order-queries';
import { OrderTextIndex } from './search/order-text';
import { TimeLimitsProvider } from './time-limits';
import { OrderWriter } from './writer/order-writer';

const SHARED = [OrdersService, CalendarProvider, Clock, OrderHooks, TimeLimitsProvider, OrderWriter, OrderEventStream, OrderEventRelay, OrderTextIndex];

@Module({
  imports: [TypeOrmModule.forFeature(ORDER_ENTITIES), ReferenceDataModule],
  controllers: [OrdersController],
  providers: [...SHARED, OrderIntake, OrderQueries, OrderActions, OrderScope, RefNamesCache],
  exports: SHARED,
})
export class OrdersModule {}
