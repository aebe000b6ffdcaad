import { WritableStateSource, patchState } from '@ngrx/signals';
import { errorMessage } from './error-messages';

/**
 * Where a store's request stands. The error branch carries the message already mapped to Chinese,
 * so a template can show it without knowing about error codes.
 */
export type CallState = 'init' | 'loading' | 'loaded' | { error: string };

export function isLoading(state: CallState): boolean {
  return state === 'loading';
}

export function callError(state: CallState): string | null {
  return typeof state === 'object' ? state.error : null;
}

export interface LoadOptions<S> {
  /** Leave the state as it is while the request runs (a background refresh, no spinner). */
  quiet?: boolean;
  /** True when a newer request was sent meanwhile: this answer, or its error, is then dropped. */
  superseded?: () => boolean;
  /** What else to reset when the request fails (the values already shown stay otherwise). */
  failed?: Partial<NoInfer<S>>;
}

/**
 * Runs one request under a call state of a SignalStore: `stateKey` goes 'loading', then 'loaded' together
 * with what `loaded` makes of the answer, or the Chinese error. True when it loaded.
 */
export async function loadInto<S extends object, T>(
  store: WritableStateSource<S>,
  stateKey: keyof S,
  request: () => Promise<T>,
  loaded: (value: T) => Partial<NoInfer<S>>,
  { quiet = false, superseded = () => false, failed = {} }: LoadOptions<S> = {},
): Promise<boolean> {
  if (!quiet) patchState(store, { [stateKey]: 'loading' } as Partial<S>);
  try {
    const value = await request();
    if (superseded()) return false;
    patchState(store, { ...loaded(value), [stateKey]: 'loaded' } as Partial<S>);
    return true;
  } catch (err) {
    if (!superseded()) patchState(store, { ...failed, [stateKey]: { error: errorMessage(err) } } as Partial<S>);
    return false;
  }
}

/**
 * Runs a user's command (save, upload, issue …) with the boolean `flag` set while it runs. A failure is
 * handed to `failed` as the Chinese message (the caller tells the user) and gives null.
 */
export async function runCommand<S extends object, T>(
  store: WritableStateSource<S>,
  flag: keyof S,
  run: () => Promise<T>,
  failed: (message: string) => void,
): Promise<T | null> {
  patchState(store, { [flag]: true } as Partial<S>);
  try {
    return await run();
  } catch (err) {
    failed(errorMessage(err));
    return null;
  } finally {
    patchState(store, { [flag]: false } as Partial<S>);
  }
}
