import { Body, Controller, Get, Header, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AnnualReport, ReportIssueDetail, ReportIssueView, ReportRemarks } from '@hotline/contracts';
import { yearPeriod, type Period } from '@hotline/domain';
import { CurrentUser, Roles, type AuthUser } from '@hotline/server-identity';
import { AppException, ParseIdPipe } from '@hotline/server-platform';
import { PeriodQueryDto, REPORT_ROLES, toPeriod } from '@hotline/server-statistics';
import { AnnualReportService } from './annual-report.service';
import { AnnualReportQueryDto, focusOf, IssueReportDto, RemarksDto, RemarksQueryDto, ReportQueryDto } from './dto';
import { ReportIssuesService } from './report-issues.service';
import { reportDocx, reportXlsx } from './exports';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const attachment = (title: string, ext: string) => `attachment; filename*=UTF-8''${encodeURIComponent(`${title}.${ext}`)}`;

/** `?year=2020`, or `?from&to` for any period. */
export function reportPeriod(q: { year?: number; from?: string; to?: string }): Period {
  if (q.year != null) return yearPeriod(q.year);
  if (q.from && q.to) return toPeriod(q.from, q.to);
  throw new AppException('VALIDATION_FAILED', 'give year, or from and to', [{ field: 'year', messages: ['year or from/to required'] }]);
}

export function hotCodes(hot?: string): string[] | undefined {
  return hot
    ? hot
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: AnnualReportService,
    private readonly issued: ReportIssuesService,
  ) {}

  /** The 运行情况综合分析报告: sections 一/二/三 with their wording, table 1 and the chart data of figures 1–10. */
  @Get('annual')
  @Roles(...REPORT_ROLES)
  annual(@Query() q: AnnualReportQueryDto): Promise<AnnualReport> {
    return this.reports.report({ period: reportPeriod(q), scope: q.platform ?? 'city', hot: hotCodes(q.hot) });
  }

  /** The same report as a Word document: sections, figures as images, table 1. */
  @Get('annual.docx')
  @Roles(...REPORT_ROLES)
  @Header('content-type', DOCX)
  async annualDocx(@Query() q: AnnualReportQueryDto): Promise<StreamableFile> {
    const r = await this.reports.report({ period: reportPeriod(q), scope: q.platform ?? 'city', hot: hotCodes(q.hot) });
    return new StreamableFile(await reportDocx(r), { disposition: `attachment; filename*=UTF-8''${encodeURIComponent(`${r.title}.docx`)}` });
  }

  /** Its tables and chart data as a workbook. */
  @Get('annual.xlsx')
  @Roles(...REPORT_ROLES)
  @Header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async annualXlsx(@Query() q: AnnualReportQueryDto): Promise<StreamableFile> {
    const r = await this.reports.report({ period: reportPeriod(q), scope: q.platform ?? 'city', hot: hotCodes(q.hot) });
    return new StreamableFile(await reportXlsx(r), { disposition: `attachment; filename*=UTF-8''${encodeURIComponent(`${r.title}.xlsx`)}` });
  }

  /** 快报 / 专报 over any period, from the same engine; a 专报 may focus on one topic (`topic=`) or category (`category=`). */
  @Get('express')
  @Roles(...REPORT_ROLES)
  express(@Query() q: ReportQueryDto): Promise<AnnualReport> {
    return this.reports.report({ period: toPeriod(q.from, q.to), scope: q.platform ?? 'city', kind: q.kind, focus: focusOf(q) });
  }

  @Get('express.docx')
  @Roles(...REPORT_ROLES)
  @Header('content-type', DOCX)
  async expressDocx(@Query() q: ReportQueryDto): Promise<StreamableFile> {
    const r = await this.reports.report({ period: toPeriod(q.from, q.to), scope: q.platform ?? 'city', kind: q.kind, focus: focusOf(q) });
    return new StreamableFile(await reportDocx(r), { disposition: attachment(r.title, 'docx') });
  }

  @Get('express.xlsx')
  @Roles(...REPORT_ROLES)
  @Header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async expressXlsx(@Query() q: ReportQueryDto): Promise<StreamableFile> {
    const r = await this.reports.report({ period: toPeriod(q.from, q.to), scope: q.platform ?? 'city', kind: q.kind, focus: focusOf(q) });
    return new StreamableFile(await reportXlsx(r), { disposition: attachment(r.title, 'xlsx') });
  }

  /** Issues a report: records it with a snapshot of its content and the editors' remarks, so issued reports are counted and reprinted as sent. */
  @Post('issues')
  @Roles('leader', 'admin', 'supervisor')
  issue(@CurrentUser() user: AuthUser, @Body() body: IssueReportDto): Promise<ReportIssueView> {
    return this.issued.issue(user.id, {
      period: toPeriod(body.from, body.to),
      scope: body.platform ?? 'city',
      kind: body.kind,
      title: body.title,
      focus: focusOf(body),
      remarks: body.remarks,
    });
  }

  /** The remarks of the last issued report of a kind (and focus), to start the next one from. */
  @Get('issues/latest-remarks')
  @Roles(...REPORT_ROLES)
  latestRemarks(@Query() q: RemarksQueryDto): Promise<ReportRemarks> {
    return this.issued.latestRemarks(q.kind, focusOf(q));
  }

  @Get('issues/:id')
  @Roles(...REPORT_ROLES)
  issueDetail(@Param('id', ParseIdPipe) id: number): Promise<ReportIssueDetail> {
    return this.issued.issueDetail(id);
  }

  /** Replaces the editorial remarks of an issued report (its figures stay as issued). */
  @Put('issues/:id/remarks')
  @Roles('leader', 'admin', 'supervisor')
  updateRemarks(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() body: RemarksDto): Promise<ReportIssueDetail> {
    return this.issued.updateRemarks(user.id, id, body.remarks);
  }

  /** The issued snapshot as a Word document, remarks included. */
  @Get('issues/:id/docx')
  @Roles(...REPORT_ROLES)
  @Header('content-type', DOCX)
  async issueDocx(@Param('id', ParseIdPipe) id: number): Promise<StreamableFile> {
    const { report, title } = await this.issued.issueDetail(id);
    return new StreamableFile(await reportDocx({ ...report, title }), { disposition: attachment(title, 'docx') });
  }

  @Get('issues')
  @Roles(...REPORT_ROLES)
  issues(@Query() q: PeriodQueryDto): Promise<ReportIssueView[]> {
    return this.issued.issues(toPeriod(q.from, q.to));
  }
}
