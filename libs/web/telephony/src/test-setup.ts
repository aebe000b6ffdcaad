import '../../../../tools/jest/web-test-setup';

// the app registers Chinese locale data at boot (app.config.ts); ng-zorro's pickers format dates with it
import { registerLocaleData } from '@angular/common';
import zh from '@angular/common/locales/zh';
registerLocaleData(zh, 'zh-cn');
registerLocaleData(zh, 'zh-CN');
