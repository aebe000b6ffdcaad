import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AssessmentView, AssessmentWeights } from '@hotline/contracts';
import { Roles } from '@hotline/server-identity';
import { REPORT_ROLES } from '@hotline/server-statistics';
import { AssessmentWeightsDto, MonthQueryDto, toMonth } from './dto';
import { AssessmentService } from './assessment.service';

@ApiTags('assessment')
@ApiBearerAuth()
@Controller('assessment')
export class AssessmentController {
  constructor(private readonly assessment: AssessmentService) {}

  /** A month's ranking of member units with their five rates, score, rank and red/black list. */
  @Get()
  @Roles(...REPORT_ROLES)
  month(@Query() q: MonthQueryDto): Promise<AssessmentView> {
    return this.assessment.month(toMonth(q.month), q.platform ?? 'city');
  }

  @Get('weights')
  @Roles(...REPORT_ROLES)
  weights(): Promise<AssessmentWeights> {
    return this.assessment.weights();
  }

  @Put('weights')
  @Roles('admin')
  setWeights(@Body() w: AssessmentWeightsDto): Promise<AssessmentWeights> {
    return this.assessment.setWeights(w as AssessmentWeights);
  }
}
