import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationWriterModule } from '@hotline/server-notifications';
import { OrdersModule } from '@hotline/server-orders';
import { StatisticsCoreModule } from '@hotline/server-statistics';
import { CallLinkHook } from './call-link.hook';
import { CallsController, TelephonyAdminController } from './calls.controller';
import { CallsService } from './calls.service';
import { CtiFormParser } from './cti-form-parser';
import { CtiController } from './cti.controller';
import { CtiService } from './cti.service';
import { TELEPHONY_ENTITIES } from './entities';
import { TelephonyAdminService } from './telephony-admin.service';

/** Telephony over HTTP: the PBX's CTI push endpoint, calls, the wallboard, agent states, and its admin page. */
@Module({
  imports: [TypeOrmModule.forFeature(TELEPHONY_ENTITIES), NotificationWriterModule, OrdersModule, StatisticsCoreModule],
  controllers: [CtiController, CallsController, TelephonyAdminController],
  providers: [CtiService, CallsService, TelephonyAdminService, CtiFormParser, CallLinkHook],
  exports: [CtiService, CallsService],
})
export class TelephonyModule {}
