import type { ReportFocus, ReportIssueView, ReportRemarks } from '@hotline/contracts';

/** The columns of report_issue a view needs. */
export const ISSUE_COLUMNS =
  "id, kind, title, DATE_FORMAT(period_from, '%Y-%m-%d') AS f, DATE_FORMAT(period_to, '%Y-%m-%d') AS t, platform_code, focus_kind, focus_code, issued_at, issued_by, remarks, updated_at";

/** A report_issue row (selected with ISSUE_COLUMNS) as the API shows it. */
export function toIssueView(r: Record<string, unknown>): ReportIssueView {
  const remarks = r['remarks'] ? (JSON.parse(String(r['remarks'])) as ReportRemarks) : {};
  return {
    id: Number(r['id']),
    kind: r['kind'] as ReportIssueView['kind'],
    title: String(r['title']),
    from: String(r['f']),
    to: String(r['t']),
    platform: String(r['platform_code']),
    issuedAt: new Date(r['issued_at'] as unknown as Date).toISOString(),
    issuedBy: r['issued_by'] == null ? null : Number(r['issued_by']),
    focus: r['focus_kind'] ? { kind: r['focus_kind'] as ReportFocus['kind'], code: String(r['focus_code']) } : null,
    remarkKeys: Object.keys(remarks),
    updatedAt: r['updated_at'] ? new Date(r['updated_at'] as unknown as Date).toISOString() : null,
  };
}
