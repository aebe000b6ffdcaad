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

const silent: Notifier = {
  success: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
};

export const NOTIFIER = new InjectionToken<Notifier>('NOTIFIER', {
  providedIn: 'root',
  factory: () => silent,
});
