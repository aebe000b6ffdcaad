import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferenceDataModule } from '@hotline/server-reference-data';
import { CalendarProvider } from './calendar.provider';
import { Clock } from './clock';
import { ORDER_ENTITIES } from './entities';
import { OrdersController } from './orders.controller';
import { OrderHooks } from './order-hooks';
import { OrdersService } from './orders.service';
import { TimeLimitsProvider } from './time-limits';

@Module({
  imports: [TypeOrmModule.forFeature(ORDER_ENTITIES), ReferenceDataModule],
  controllers: [OrdersController],
  providers: [OrdersService, CalendarProvider, Clock, OrderHooks, TimeLimitsProvider],
  exports: [OrdersService, CalendarProvider, Clock, OrderHooks, TimeLimitsProvider],
})
export class OrdersModule {}
