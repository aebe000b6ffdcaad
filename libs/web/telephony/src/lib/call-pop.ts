import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AbstractControl } from '@angular/forms';
import { DatePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { STATUS_LABELS, type OrderStatus } from '@hotline/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { TelephonyStore } from './telephony.store';

/** The intake form's controls the pop fills. */
export interface PoppedForm {
  controls: { phone: AbstractControl<string>; channel: AbstractControl<string> };
}

/**
 * 来电弹屏 on the intake page: the answered call's number goes into the form (channel 电话), and beside it what the
 * center knows of the caller — a repeat caller, their open orders first, whether they asked for confidentiality.
 * The order submitted while the call is on carries its `callId` (read it with `callId()`); clearing the form for
 * the next call ends it.
 */
@Component({
  selector: 'hl-call-pop',
  imports: [DatePipe, RouterLink, NzAlertModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.activeCall(); as call) {
      <div class="pop" data-testid="call-pop">
        <div class="head">
          <nz-tag nzColor="red">来电</nz-tag>
          <span class="number" data-testid="call-pop-number">{{ call.from }}</span>
          @if (call.queue) {
            <span class="muted">队列 {{ call.queue }}</span>
          }
          <span class="muted">{{ call.answeredAt | date: 'HH:mm:ss' }} 接通</span>
          @if (store.caller(); as c) {
            @if (c.orders > 0) {
              <nz-tag nzColor="orange" data-testid="call-pop-repeat">重复来电 · 历史 {{ c.orders }} 单</nz-tag>
            } @else {
              <nz-tag data-testid="call-pop-first">首次来电</nz-tag>
            }
            @if (c.openOrders > 0) {
              <nz-tag nzColor="blue">未办结 {{ c.openOrders }} 单</nz-tag>
            }
            @if (c.confidential) {
              <nz-tag nzColor="purple" data-testid="call-pop-confidential">曾要求保密</nz-tag>
            }
          }
        </div>
        @if (store.caller()?.recent?.length) {
          <ul class="recent">
            @for (o of store.caller()?.recent ?? []; track o.id) {
              <li>
                <a [routerLink]="['/orders', o.id]" target="_blank">{{ o.number }}</a>
                <span class="status">{{ statusLabel(o.status) }}</span>
                <span class="muted">{{ o.createdAt | date: 'yyyy-MM-dd' }}</span>
                <span class="preview">{{ o.contentPreview }}</span>
              </li>
            }
          </ul>
        }
      </div>
    }
  `,
  styles: `
    .pop {
      border: 1px solid #ffccc7;
      background: #fff2f0;
      border-radius: 6px;
      padding: 8px 12px;
      margin-bottom: 12px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .number {
      font-family: ui-monospace, monospace;
      font-size: 16px;
      font-weight: 600;
    }
    .muted,
    .status {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .recent {
      margin: 6px 0 0;
      padding-left: 16px;
      font-size: 12px;
    }
    .recent li {
      display: flex;
      gap: 8px;
    }
    .preview {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
})
export class CallPopPanel {
  /** The intake form: the pop fills its phone and channel. */
  readonly form = input.required<PoppedForm>();

  protected readonly store = inject(TelephonyStore);
  private readonly destroyRef = inject(DestroyRef);
  /** The call the order being entered was taken on (null without one). */
  readonly callId = this.store.callId;

  constructor() {
    let watching: AbstractControl<string> | null = null;
    effect(() => {
      const call = this.store.activeCall();
      const form = this.form();
      untracked(() => {
        if (watching !== form.controls.phone) {
          watching = form.controls.phone;
          // the form cleared for the next call (after a submit, or by hand) ends the call's link
          form.controls.phone.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((v) => {
            if (!v && this.store.activeCall()) this.store.clearCall();
          });
        }
        if (call && form.controls.phone.value !== call.from) {
          form.controls.phone.setValue(call.from);
          form.controls.channel.setValue('phone');
        }
      });
    });
  }

  protected statusLabel(s: string): string {
    return STATUS_LABELS[s as OrderStatus] ?? s;
  }
}
