import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { JsonPipe } from '@angular/common';
import { AdminStore, ProbeResult } from '@hotline/web-admin-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';

/**
 * Admin pages whose API is still being built (time-limit policy, queue health): shows what the
 * endpoint returns, or "尚未开放" while it answers 404.
 */
@Component({
  selector: 'hl-probe-page',
  imports: [
    JsonPipe,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzResultModule,
    NzSpinModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar">
      <h2>{{ heading() }}</h2>
      <button nz-button nzSize="small" (click)="load()">
        <nz-icon nzType="reload" />刷新
      </button>
    </div>
    @switch (result()?.status) {
      @case ('unavailable') {
        <nz-result
          nzStatus="info"
          nzTitle="尚未开放"
          [nzSubTitle]="heading() + '功能正在建设中，开放后此页自动可用'"
          data-testid="not-open"
        />
      }
      @case ('error') {
        <nz-alert nzType="error" nzShowIcon [nzMessage]="errorMessage()" />
      }
      @case ('ok') {
        <pre class="data" data-testid="probe-data">{{ data() | json }}</pre>
      }
      @default {
        <nz-spin nzSimple />
      }
    }
  `,
  styles: `
    .bar {
      display: flex;
      justify-content: space-between;
      align-items: center;
      margin-bottom: 8px;
    }
    h2 {
      font-size: 16px;
      margin: 0;
    }
    .data {
      background: #fafafa;
      padding: 12px;
      border-radius: 4px;
      max-height: 70vh;
      overflow: auto;
    }
  `,
})
export class ProbePage {
  /** From route data. */
  readonly heading = input('');
  readonly endpoint = input.required<string>();

  private readonly admin = inject(AdminStore);
  protected readonly result = signal<ProbeResult<unknown> | null>(null);

  constructor() {
    effect(() => {
      this.endpoint();
      untracked(() => void this.load());
    });
  }

  protected data(): unknown {
    const r = this.result();
    return r?.status === 'ok' ? r.data : null;
  }

  protected errorMessage(): string {
    const r = this.result();
    return r?.status === 'error' ? r.message : '';
  }

  protected async load(): Promise<void> {
    this.result.set(null);
    this.result.set(await this.admin.probe(this.endpoint()));
  }
}
