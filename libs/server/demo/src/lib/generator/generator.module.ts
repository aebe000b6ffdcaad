import { Module } from '@nestjs/common';
import { OrdersModule } from '@hotline/server-orders';
import { StatisticsCoreModule } from '@hotline/server-statistics';
import { GeneratorService } from './generator.service';

/** The data generator (`cli generate`, `cli demo`, the report tests and bench): history calibrated to the seed report. */
@Module({
  imports: [OrdersModule, StatisticsCoreModule],
  providers: [GeneratorService],
  exports: [GeneratorService],
})
export class GeneratorModule {}
