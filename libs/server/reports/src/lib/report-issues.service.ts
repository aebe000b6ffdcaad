import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AnnualReport, ReportFocus, ReportIssueDetail, ReportIssueView, ReportRemarks } from '@hotline/contracts';
import { addDays, chinaDayStart, type Period } from '@hotline/domain';
import { AppException } from '@hotline/server-platform';
import { AnnualReportService, type ReportOptions } from './annual-report.service';
import { ISSUE_COLUMNS, toIssueView } from './report-issue.mapper';

type Row = Record<string, unknown>;

/**
 * The register of issued reports (快报/专报/年报): each with a snapshot of its content as issued, its editors' remarks,
 * and the remarks an editor starts from next time.
 */
@Injectable()
export class ReportIssuesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reports: AnnualReportService,
  ) {}

  /** Records an issued report (快报/专报/年报) with a snapshot of its content, so issues are counted like the seed's 277. */
  async issue(userId: number, opts: ReportOptions & { title?: string }): Promise<ReportIssueView> {
    if (opts.kind === 'annual' && (opts.period.from.slice(5) !== '01-01' || opts.period.to !== `${opts.period.from.slice(0, 4)}-12-31`)) {
      throw new AppException('VALIDATION_FAILED', 'an annual report covers one calendar year', [
        { field: 'from', messages: ['must be YYYY-01-01 with to YYYY-12-31'] },
      ]);
    }
    if (opts.focus && opts.kind !== 'special')
      throw new AppException('VALIDATION_FAILED', 'only a 专报 (kind special) has a focus', [
        { field: 'kind', messages: ['must be special with topic or category'] },
      ]);
    const report = await this.reports.report(opts);
    const title = opts.title ?? report.title;
    const now = new Date();
    const remarks = report.remarks && Object.keys(report.remarks).length ? JSON.stringify(report.remarks) : null;
    const res = await this.ds.query(
      'INSERT INTO report_issue (kind, title, period_from, period_to, platform_code, focus_kind, focus_code, issued_at, issued_by, content, remarks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        report.kind,
        title,
        opts.period.from,
        opts.period.to,
        opts.scope ?? 'city',
        opts.focus?.kind ?? null,
        opts.focus?.code ?? null,
        now,
        userId,
        JSON.stringify({ ...report, title }),
        remarks,
      ],
    );
    return toIssueView((await this.ds.query(`SELECT ${ISSUE_COLUMNS} FROM report_issue WHERE id = ?`, [Number(res.insertId)]))[0]);
  }

  async issues(period: Period): Promise<ReportIssueView[]> {
    const rows: Row[] = await this.ds.query(
      `SELECT ${ISSUE_COLUMNS} FROM report_issue WHERE issued_at >= ? AND issued_at < ? ORDER BY issued_at DESC, id DESC LIMIT 1000`,
      [chinaDayStart(period.from), chinaDayStart(addDays(period.to, 1))],
    );
    return rows.map((r) => toIssueView(r));
  }

  /** An issued report with its snapshot as issued (remarks applied): what was sent is what is shown and printed. */
  async issueDetail(id: number): Promise<ReportIssueDetail> {
    const [row] = await this.ds.query(`SELECT ${ISSUE_COLUMNS}, content FROM report_issue WHERE id = ?`, [id]);
    if (!row) throw new AppException('NOT_FOUND', `no issued report ${id}`);
    if (!row.content) throw new AppException('PRECONDITION_FAILED', `issued report ${id} was recorded without its content (imported or generated history)`);
    return { ...toIssueView(row), report: JSON.parse(String(row.content)) as AnnualReport };
  }

  /** Replaces the remarks of an issued report; its figures stay those of the day it was issued. */
  async updateRemarks(userId: number, id: number, remarks: ReportRemarks): Promise<ReportIssueDetail> {
    const detail = await this.issueDetail(id);
    const report = this.reports.withRemarks(detail.report, remarks);
    const kept = report.remarks && Object.keys(report.remarks).length ? JSON.stringify(report.remarks) : null;
    await this.ds.query('UPDATE report_issue SET content = ?, remarks = ?, updated_at = ?, updated_by = ? WHERE id = ?', [
      JSON.stringify(report),
      kept,
      new Date(),
      userId,
      id,
    ]);
    return this.issueDetail(id);
  }

  /**
   * The remarks of the latest issued report of this kind (and focus): where an editor starts from next time,
   * since much commentary carries over. Remarks on blocks the new report lacks are dropped when applied.
   */
  async latestRemarks(kind: AnnualReport['kind'], focus?: ReportFocus): Promise<ReportRemarks> {
    const [row] = await this.ds.query(
      `SELECT remarks FROM report_issue WHERE kind = ? AND remarks IS NOT NULL AND ${focus ? 'focus_kind = ? AND focus_code = ?' : 'focus_kind IS NULL'} ORDER BY issued_at DESC, id DESC LIMIT 1`,
      focus ? [kind, focus.kind, focus.code] : [kind],
    );
    return row ? (JSON.parse(String(row.remarks)) as ReportRemarks) : {};
  }
}
