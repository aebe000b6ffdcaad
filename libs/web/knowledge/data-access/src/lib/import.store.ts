import { InjectionToken, inject } from '@angular/core';
import { KnowledgeImportSummary } from '@hotline/contracts';
import { ApiClient, NOTIFIER, errorMessage } from '@hotline/web-core-data-access';
import { importContentType } from '@hotline/web-reporting-data-access';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';

/** How often a queued import is polled; a token so tests need not wait. */
export const KNOWLEDGE_IMPORT_POLL_MS = new InjectionToken<number>('KNOWLEDGE_IMPORT_POLL_MS', {
  providedIn: 'root',
  factory: () => 1000,
});

interface ImportState {
  uploading: boolean;
  summary: KnowledgeImportSummary | null;
  error: string | null;
}

function finished(s: KnowledgeImportSummary): boolean {
  return s.status === 'done' || s.status === 'failed';
}

/**
 * 知识导入 (admin): the CSV/XLSX goes as the request body; a small file answers with its summary at once (200), a
 * large one with a job (202) that is polled until done. Row errors come with their row and column.
 */
export const KnowledgeImportStore = signalStore(
  withState<ImportState>({ uploading: false, summary: null, error: null }),
  withMethods((store, api = inject(ApiClient), notifier = inject(NOTIFIER), pollMs = inject(KNOWLEDGE_IMPORT_POLL_MS)) => {
    let timer: ReturnType<typeof setTimeout> | null = null;

    function stop(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    }

    function report(s: KnowledgeImportSummary): void {
      if (s.status === 'failed') notifier.error(`导入失败：${s.message ?? '未知原因'}`);
      else notifier.success(`导入完成：新增 ${s.imported} 篇，更新 ${s.updated} 篇，未变 ${s.unchanged} 篇，错误 ${s.failed} 行`);
    }

    async function poll(jobId: number): Promise<void> {
      try {
        const summary = await api.get<KnowledgeImportSummary>(`/knowledge/import/${jobId}`);
        patchState(store, { summary, error: null });
        if (finished(summary)) {
          stop();
          report(summary);
          return;
        }
      } catch (err) {
        patchState(store, { error: errorMessage(err) });
      }
      timer = setTimeout(() => void poll(jobId), pollMs);
    }

    return {
      async upload(file: File): Promise<void> {
        stop();
        patchState(store, { uploading: true, summary: null, error: null });
        try {
          const blob = new Blob([file], { type: importContentType(file.name) });
          const res = await api.upload<KnowledgeImportSummary | { jobId: number }>('/knowledge/import', blob, { fileName: file.name });
          if ('status' in res) {
            patchState(store, { summary: res });
            if (finished(res)) report(res);
            else timer = setTimeout(() => void poll(res.jobId), pollMs);
          } else {
            timer = setTimeout(() => void poll(res.jobId), pollMs);
          }
        } catch (err) {
          const message = errorMessage(err);
          patchState(store, { error: message });
          notifier.error(`上传失败：${message}`);
        } finally {
          patchState(store, { uploading: false });
        }
      },
      stop,
    };
  }),
);
