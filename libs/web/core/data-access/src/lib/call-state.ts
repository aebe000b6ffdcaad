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
