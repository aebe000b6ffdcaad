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

/**
 * Runs one request under a call state of a SignalStore: `stateKey` goes 'loading', then 'loaded' together
 * with what `loaded` makes of the answer, or the Chinese error (the values already shown stay). True when
 * it loaded. `quiet` leaves the state as it is while the request runs (a background refresh, no spinner).
 */
export async function loadInto<S extends object, T>(
  store: WritableStateSource<S>,
  stateKey: keyof S,
  request: () => Promise<T>,
  loaded: (value: T) => Partial<NoInfer<S>>,
  { quiet = false } = {},
): Promise<boolean> {
  if (!quiet) patchState(store, { [stateKey]: 'loading' } as Partial<S>);
  try {
    const value = await request();
    patchState(store, { ...loaded(value), [stateKey]: 'loaded' } as Partial<S>);
    return true;
  } catch (err) {
    patchState(store, { [stateKey]: { error: errorMessage(err) } } as Partial<S>);
    return false;
  }
}
