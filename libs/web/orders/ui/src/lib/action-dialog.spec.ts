import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { OrderAction, OrderDetail } from '@hotline/contracts';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { ActionDialog } from './action-dialog';

@Component({
  imports: [ActionDialog],
  template: `<hl-action-dialog [action]="action()" [order]="order()" (submitted)="sent.push($event)" />`,
})
class Host {
  readonly action = signal<OrderAction | null>(null);
  readonly order = signal<OrderDetail | null>({
    id: 1,
    number: 'N1',
    version: 1,
    callback: null,
  } as OrderDetail);
  readonly sent: Record<string, unknown>[] = [];
}

function q<T extends HTMLElement>(testid: string): T {
  return document.querySelector(`[data-testid="${testid}"]`) as T;
}

describe('ActionDialog', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideNzIconsTesting()] }));

  it('keeps what was typed when the order is refreshed, and submits with Ctrl+Enter', async () => {
    const fixture = TestBed.createComponent(Host);
    const host = fixture.componentInstance;
    host.action.set('return');
    await fixture.whenStable();

    const reason = q<HTMLTextAreaElement>('field-reason');
    expect(reason).toBeTruthy();
    reason.value = '不属于本单位职责';
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();

    // a stale-version refresh replaces the order but not the action
    host.order.set({
      id: 1,
      number: 'N1',
      version: 2,
      callback: null,
    } as OrderDetail);
    await fixture.whenStable();
    expect(q<HTMLTextAreaElement>('field-reason').value).toBe('不属于本单位职责');

    q('action-dialog').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }));
    expect(host.sent).toEqual([{ reason: '不属于本单位职责' }]);
  });

  it('refuses to submit without the required field', async () => {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.action.set('send-back');
    await fixture.whenStable();
    q<HTMLButtonElement>('action-submit').click();
    await fixture.whenStable();
    expect(fixture.componentInstance.sent).toEqual([]);
    expect(q('action-problem').textContent).toContain('请填写退回理由');
  });
});
