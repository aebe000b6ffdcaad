import { Module } from '@nestjs/common';
import { StatisticsCoreModule } from '@hotline/server-statistics';
import { AssessmentController } from './assessment.controller';
import { AssessmentService } from './assessment.service';

/** Monthly unit assessment without HTTP: scores from the summary tables, the weights setting. */
@Module({
  imports: [StatisticsCoreModule],
  providers: [AssessmentService],
  exports: [AssessmentService],
})
export class AssessmentCoreModule {}

/** Unit assessment over HTTP: /api/assessment. */
@Module({
  imports: [AssessmentCoreModule],
  controllers: [AssessmentController],
})
export class AssessmentModule {}
