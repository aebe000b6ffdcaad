import { Signal, computed, inject } from '@angular/core';
import { Router } from '@angular/router';

export interface QueryTabs<T> {
  index: Signal<number>;
  active: Signal<T>;
  /** Moves to the tab at `index` by rewriting `?tab=` (the route input then follows). */
  select(index: number): void;
}

/**
 * Tabs kept in the `?tab=` query parameter, so a tab can be linked and survives a reload; an unknown or
 * missing key is the first tab. Call while the page is being constructed.
 */
export function injectQueryTabs<T extends { key: string }>(tabs: () => readonly T[], tab: () => string | undefined): QueryTabs<T> {
  const router = inject(Router);
  const index = computed(() =>
    Math.max(
      0,
      tabs().findIndex((t) => t.key === tab()),
    ),
  );
  const active = computed(() => tabs()[index()]);
  return {
    index,
    active,
    select(i: number): void {
      const key = tabs()[i]?.key;
      if (!key || key === active().key) return;
      void router.navigate([], { queryParams: { tab: key }, queryParamsHandling: 'merge', replaceUrl: true });
    },
  };
}
