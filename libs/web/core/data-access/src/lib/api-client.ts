import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';

export type QueryValue =
  | string
  | number
  | boolean
  | readonly (string | number)[]
  | null
  | undefined;
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
    return firstValueFrom(
      this.http.get<T>(API_BASE + path, { params: toHttpParams(query) }),
    );
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

  delete<T = void>(path: string): Promise<T> {
    return firstValueFrom(this.http.delete<T>(API_BASE + path));
  }
}

export function toHttpParams(query?: QueryParams): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (
      value === null ||
      value === undefined ||
      value === '' ||
      value === false
    )
      continue;
    if (Array.isArray(value)) {
      if (value.length) params = params.set(key, value.join(','));
      continue;
    }
    params = params.set(key, String(value));
  }
  return params;
}
