import { InjectionToken, inject } from '@angular/core';
import { ImportJobView, ImportRowError, Page } from '@hotline/contracts';
import { ApiClient, CallState, NOTIFIER, errorMessage, loadInto, runCommand } from '@hotline/web-core-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';

export type ImportKind = ImportJobView['kind'];

export const IMPORT_STATUS_LABELS: Record<ImportJobView['status'], string> = {
  queued: '排队中',
  running: '导入中',
  done: '已完成',
  failed: '失败',
};

/** How often a running job is polled; a token so tests need not wait. */
export const IMPORT_POLL_MS = new InjectionToken<number>('IMPORT_POLL_MS', {
  providedIn: 'root',
  factory: () => 1000,
});

export const ERRORS_PAGE_SIZE = 20;

export function isFinished(job: ImportJobView | null): boolean {
  return !!job && (job.status === 'done' || job.status === 'failed');
}

/** The Content-Type the API takes for a file: text/csv, the xlsx type, or raw bytes. */
export function importContentType(fileName: string): string {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return 'application/octet-stream';
}

interface ImportsState {
  jobs: ImportJobView[];
  jobsState: CallState;
  /** The job on screen (just uploaded, or picked from the list), refreshed while it runs. */
  current: ImportJobView | null;
  currentState: CallState;
  uploading: boolean;
  errors: Page<ImportRowError> | null;
  errorsState: CallState;
}

/**
 * 历史数据导入 (admin): uploads the legacy export as the request body, then polls the queued job until the
 * worker has finished it, and pages through its row errors (row, column, reason).
 */
export const ImportsStore = signalStore(
  withState<ImportsState>({
    jobs: [],
    jobsState: 'init',
    current: null,
    currentState: 'init',
    uploading: false,
    errors: null,
    errorsState: 'init',
  }),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER), pollMs = inject(IMPORT_POLL_MS)) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let watching: number | null = null;

    function stop(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      watching = null;
    }

    async function loadJobs(): Promise<void> {
      await loadInto(
        store,
        'jobsState',
        () => api.get<ImportJobView[]>('/imports'),
        (jobs) => ({ jobs }),
      );
    }

    async function loadErrors(page = 1): Promise<void> {
      const job = store.current();
      if (!job) return;
      await loadInto(
        store,
        'errorsState',
        () => api.get<Page<ImportRowError>>(`/imports/${job.id}/errors`, { page, pageSize: ERRORS_PAGE_SIZE }),
        (errors) => ({ errors }),
      );
    }

    /** One poll; schedules the next until the job is done or failed, then loads its errors and the list. */
    async function poll(id: number): Promise<void> {
      if (watching !== id) return;
      try {
        const job = await api.get<ImportJobView>(`/imports/${id}`);
        if (watching !== id) return;
        patchState(store, { current: job, currentState: 'loaded' });
        if (isFinished(job)) {
          stop();
          if (job.status === 'failed') notifier.error(`导入失败：${job.message ?? '未知原因'}`);
          else notifier.success(`导入完成：新增 ${job.insertedRows} 条，跳过 ${job.skippedRows} 条，错误 ${job.errorRows} 行`);
          await Promise.all([job.errorRows ? loadErrors(1) : Promise.resolve(), loadJobs()]);
          return;
        }
      } catch (err) {
        if (watching !== id) return;
        // a blip while polling is not the job failing: say so and keep polling
        patchState(store, { currentState: { error: errorMessage(err) } });
      }
      timer = setTimeout(() => void poll(id), pollMs);
    }

    function watch(job: ImportJobView): Promise<void> {
      stop();
      patchState(store, {
        current: job,
        currentState: 'loaded',
        errors: null,
        errorsState: 'init',
      });
      if (isFinished(job)) {
        return job.errorRows ? loadErrors(1) : Promise.resolve();
      }
      watching = job.id;
      return poll(job.id);
    }

    return {
      loadJobs,
      loadErrors,
      watch,
      stop,
      upload(file: File, kind: ImportKind): Promise<ImportJobView | null> {
        return runCommand(
          store,
          'uploading',
          () => send(file, kind),
          (message) => notifier.error(`上传失败：${message}`),
        );
      },
    };

    async function send(file: File, kind: ImportKind): Promise<ImportJobView> {
      // the browser's guess (e.g. application/vnd.ms-excel for .csv on Windows) is not what the API takes
      const typed = new Blob([file], {
        type: importContentType(file.name),
      });
      const job = await api.upload<ImportJobView>('/imports', typed, {
        kind,
        fileName: file.name,
      });
      notifier.info('文件已上传，正在排队导入');
      void watch(job);
      void loadJobs();
      return job;
    }
  }),
);
