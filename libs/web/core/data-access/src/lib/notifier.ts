import { InjectionToken } from '@angular/core';

/**
 * How stores tell the user what happened. Data-access stays free of UI widgets; the app binds
 * this to ng-zorro's message service, tests bind it to a spy.
 */
export interface Notifier {
  success(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

const silent: Notifier = mockNotifier(() => () => undefined);

export const NOTIFIER = new InjectionToken<Notifier>('NOTIFIER', {
  providedIn: 'root',
  factory: () => silent,
});

/** A Notifier for tests, each method made by the test runner's mock maker: `mockNotifier(() => jest.fn())`. */
export function mockNotifier<M>(mock: () => M): Record<keyof Notifier, M> {
  return { success: mock(), info: mock(), warning: mock(), error: mock() };
}
