import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import zh from '@angular/common/locales/zh';
import { ApplicationConfig, LOCALE_ID, inject, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { NOTIFIER, Notifier, authInterceptor } from '@hotline/web-core-data-access';
import { provideNzConfig } from 'ng-zorro-antd/core/config';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { appRoutes } from './app.routes';
import { APP_ICONS } from './icons';

registerLocaleData(zh);

/** Stores report outcomes through NOTIFIER; in the app that is ng-zorro's message bar. */
function messageNotifier(): Notifier {
  const message = inject(NzMessageService);
  return {
    success: (m) => message.success(m),
    info: (m) => message.info(m),
    warning: (m) => message.warning(m, { nzDuration: 5000 }),
    error: (m) => message.error(m, { nzDuration: 6000 }),
  };
}

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([authInterceptor])),
    { provide: LOCALE_ID, useValue: 'zh-CN' },
    provideNzI18n(zh_CN),
    provideNzIcons(APP_ICONS),
    provideNzConfig({ message: { nzMaxStack: 4, nzDuration: 3000 } }),
    { provide: NOTIFIER, useFactory: messageNotifier },
  ],
};
