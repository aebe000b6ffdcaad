import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferenceDataModule } from '@hotline/server-reference-data';
import { CalendarProvider } from './calendar.provider';
import { Clock } from './clock';
import { ORDER_ENTITIES } from './entities';
import { OrdersController } from './orders.controller';
import { OrderHooks } from './order-hooks';
import { OrdersService } from './orders.service';

@Module({
  imports: [TypeOrmModule.forFeature(ORDER_ENTITIES), ReferenceDataModule],
  controllers: [OrdersController],
  providers: [OrdersService, CalendarProvider, Clock, OrderHooks],
  exports: [OrdersService, CalendarProvider, Clock, OrderHooks],
})
export class OrdersModule {}
