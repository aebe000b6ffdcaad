import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { SMS_TEMPLATE_VARIABLES, type SmsTemplateView } from '@hotline/contracts';
import { IntegrationsStore } from '@hotline/web-admin-data-access';
import { callError } from '@hotline/web-core-data-access';
import { PageBar } from '@hotline/web-ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

const STATUS: Record<string, { label: string; color: string }> = {
  sent: { label: '已发送', color: 'green' },
  failed: { label: '失败', color: 'red' },
  skipped: { label: '未发送', color: 'default' },
};

/** 短信: the notice templates (editable, with their variables) and the message log by number. */
@Component({
  selector: 'hl-sms-page',
  imports: [PageBar, DatePipe, FormsModule, NzAlertModule, NzButtonModule, NzInputModule, NzSwitchModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sms-page.html',
  styles: `
    h3 {
      font-size: 14px;
      margin: 16px 0 8px;
    }
    .vars {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .search {
      display: flex;
      gap: 8px;
      max-width: 360px;
      margin-bottom: 8px;
    }
  `,
})
export class SmsPage {
  protected readonly store = inject(IntegrationsStore);
  protected readonly error = computed(() => callError(this.store.callState()));
  protected readonly variables = SMS_TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(' ');
  /** Edits in progress, by template code. */
  protected readonly drafts = signal<Record<string, { body: string; enabled: boolean }>>({});
  protected phone = '';

  constructor() {
    void this.store.loadTemplates().then(() => this.reset());
  }

  protected draft(t: SmsTemplateView) {
    return this.drafts()[t.code] ?? { body: t.body, enabled: t.enabled };
  }

  protected edit(t: SmsTemplateView, patch: Partial<{ body: string; enabled: boolean }>): void {
    this.drafts.update((d) => ({ ...d, [t.code]: { ...this.draft(t), ...patch } }));
  }

  protected async save(t: SmsTemplateView): Promise<void> {
    const d = this.draft(t);
    if (await this.store.saveTemplate(t, d.body, d.enabled)) this.reset();
  }

  protected search(): void {
    void this.store.loadMessages(this.phone.trim());
  }

  protected status(s: string) {
    return STATUS[s] ?? { label: s, color: 'default' };
  }

  private reset(): void {
    this.drafts.set({});
  }
}
