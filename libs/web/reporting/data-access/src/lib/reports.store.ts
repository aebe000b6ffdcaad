import { InjectionToken, inject } from '@angular/core';
import { AnnualReport, ReportIssueView } from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, errorMessage, loadInto, runCommand } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { Period, yearPeriod } from '@hotline/domain';
import { PlatformChoice, isWholeYear } from './period';

export type ReportKind = AnnualReport['kind'];

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  annual: '综合分析报告',
  express: '快报',
  special: '专报',
};

export type ExportFormat = 'docx' | 'xlsx';

interface ReportsState {
  kind: ReportKind;
  period: Period;
  platform: PlatformChoice;
  report: AnnualReport | null;
  callState: CallState;
  issues: ReportIssueView[];
  issuesPeriod: Period;
  issuesState: CallState;
  exporting: ExportFormat | null;
  issuing: boolean;
}

/** Saves a Blob under a name through a temporary link (the only way a browser saves a fetched file). */
export type SaveFile = (blob: Blob, fileName: string) => void;

export const browserSaveFile: SaveFile = (blob, fileName) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

export const SAVE_FILE = new InjectionToken<SaveFile>('SAVE_FILE', {
  providedIn: 'root',
  factory: () => browserSaveFile,
});

/** The query of the annual report and its exports: `year` for a whole year (the report's own wording), else the dates. */
export function reportQuery(period: Period, platform: PlatformChoice): Record<string, string | number> {
  return isWholeYear(period) ? { year: Number(period.from.slice(0, 4)), platform } : { ...period, platform };
}

/**
 * The 运行情况综合分析报告 and the 快报/专报 from the same engine, their DOCX/XLSX exports (downloaded
 * with the session's token), and the register of issued reports (what section 二 counts).
 */
export const ReportsStore = signalStore(
  withState<ReportsState>(() => {
    const last = new Date().getFullYear() - 1;
    return {
      kind: 'annual',
      period: yearPeriod(last),
      platform: 'city',
      report: null,
      callState: 'init',
      issues: [],
      issuesPeriod: { from: `${last}-01-01`, to: `${last + 1}-12-31` },
      issuesState: 'init',
      exporting: null,
      issuing: false,
    };
  }),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER), saveFile = inject(SAVE_FILE)) => {
    let seq = 0;
    async function load(): Promise<void> {
      const mine = ++seq;
      const kind = store.kind();
      await loadInto(
        store,
        'callState',
        () =>
          kind === 'annual'
            ? api.get<AnnualReport>('/reports/annual', reportQuery(store.period(), store.platform()))
            : api.get<AnnualReport>('/reports/express', { kind, ...store.period(), platform: store.platform() }),
        (report) => ({ report }),
        { superseded: () => mine !== seq, failed: { report: null } },
      );
    }

    async function loadIssues(period = store.issuesPeriod()): Promise<void> {
      patchState(store, { issuesPeriod: period });
      await loadInto(
        store,
        'issuesState',
        () => api.get<ReportIssueView[]>('/reports/issues', { ...period }),
        (issues) => ({ issues }),
      );
    }

    return {
      load,
      loadIssues,
      select(kind: ReportKind, period: Period, platform: PlatformChoice) {
        patchState(store, { kind, period, platform });
        return load();
      },
      /** Annual report only: the API exports that one (any period) as DOCX and XLSX. */
      async export(format: ExportFormat): Promise<boolean> {
        patchState(store, { exporting: format });
        try {
          const file = await api.download(`/reports/annual.${format}`, reportQuery(store.period(), store.platform()));
          const title = store.report()?.title ?? '运行情况综合分析报告';
          saveFile(file.blob, file.fileName ?? `${title}.${format}`);
          return true;
        } catch (err) {
          notifier.error(`导出失败：${errorMessage(err)}`);
          return false;
        } finally {
          patchState(store, { exporting: null });
        }
      },
      /** Records the report on screen as issued (签发), then refreshes the register. */
      async issue(title?: string): Promise<boolean> {
        const kind = store.kind();
        if (kind === 'annual' && !isWholeYear(store.period())) {
          notifier.warning('年度综合报告须按整年签发，请选择整年');
          return false;
        }
        const body: Record<string, string> = { kind, ...store.period(), platform: store.platform() };
        if (title?.trim()) body['title'] = title.trim();
        const issued = await runCommand(
          store,
          'issuing',
          async () => {
            await api.post<ReportIssueView>('/reports/issues', body);
            notifier.success('报告已签发');
            await loadIssues();
            return true;
          },
          (message) => notifier.error(`签发失败：${message}`),
        );
        return issued ?? false;
      },
    };
  }),
);
