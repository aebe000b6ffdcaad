import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';

export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** The API is served from the same origin (and proxied in `nx serve`), so every path is relative. */
export const API_BASE = '/api';

/**
 * Thin promise-based wrapper over HttpClient: stores await one call per step, which keeps
 * their error branches explicit. Empty filter values are dropped and arrays become comma lists,
 * which is how the search endpoint reads `status`.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  get<T>(path: string, query?: QueryParams): Promise<T> {
    return firstValueFrom(this.http.get<T>(API_BASE + path, { params: toHttpParams(query) }));
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return firstValueFrom(this.http.post<T>(API_BASE + path, body));
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return firstValueFrom(this.http.patch<T>(API_BASE + path, body));
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return firstValueFrom(this.http.put<T>(API_BASE + path, body));
  }

  /** A file download (DOCX, XLSX): the auth interceptor adds the token, which a plain link could not. */
  async download(path: string, query?: QueryParams): Promise<DownloadedFile> {
    const res = await firstValueFrom(
      this.http.get(API_BASE + path, {
        params: toHttpParams(query),
        responseType: 'blob',
        observe: 'response',
      }),
    );
    return {
      blob: res.body ?? new Blob([]),
      fileName: fileNameOf(res.headers.get('content-disposition')),
    };
  }

  /** Sends a file as the raw request body (the import endpoint streams it; no multipart). */
  upload<T>(path: string, file: Blob, query?: QueryParams): Promise<T> {
    return firstValueFrom(
      this.http.post<T>(API_BASE + path, file, {
        params: toHttpParams(query),
        headers: new HttpHeaders({
          'Content-Type': file.type || 'application/octet-stream',
        }),
      }),
    );
  }

  delete<T = void>(path: string): Promise<T> {
    return firstValueFrom(this.http.delete<T>(API_BASE + path));
  }
}

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition (RFC 5987 `filename*=UTF-8''…` first), or null. */
  fileName: string | null;
}

export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      return star[1].trim();
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}

export function toHttpParams(query?: QueryParams): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length) params = params.set(key, value.join(','));
      continue;
    }
    params = params.set(key, String(value));
  }
  return params;
}
