import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { CallPop } from '@hotline/contracts';
import { CallPopPanel } from './call-pop';
import { TelephonyStore, callPopOf } from './telephony.store';

const pop: CallPop = { id: 1, callId: 'c-1', from: '13800001111', to: '12345', queue: '市民热线', direction: 'in', answeredAt: '2026-12-05T01:00:00.000Z' };

@Component({
  imports: [CallPopPanel],
  template: `<hl-call-pop [form]="form" />`,
})
class Host {
  form = new FormGroup({ phone: new FormControl('', { nonNullable: true }), channel: new FormControl('web', { nonNullable: true }) });
  shown = signal(true);
}

describe('call pop', () => {
  it('reads only well-formed call-pop events of the stream', () => {
    expect(callPopOf({ event: 'call-pop', data: pop, seq: 1 })).toEqual(pop);
    expect(callPopOf({ event: 'call-pop', data: { from: 1 }, seq: 2 })).toBeNull();
    expect(callPopOf({ event: 'other', data: pop, seq: 3 })).toBeNull();
    expect(callPopOf(null)).toBeNull();
  });

  it('fills the number and the phone channel, shows the caller’s history, and ends when the form is cleared', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(Host);
    const store = TestBed.inject(TelephonyStore);
    const http = TestBed.inject(HttpTestingController);
    void store.take(pop);
    http.expectOne('/api/telephony/caller/13800001111').flush({ phone: pop.from, orders: 2, openOrders: 1, calls: 3, confidential: true, recent: [] });
    await fixture.whenStable();
    const form = fixture.componentInstance.form;
    expect(form.controls.phone.value).toBe('13800001111');
    expect(form.controls.channel.value).toBe('phone');
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="call-pop-repeat"]')?.textContent).toContain('历史 2 单');
    expect(el.querySelector('[data-testid="call-pop-confidential"]')).not.toBeNull();
    expect(store.callId()).toBe('c-1');

    form.reset();
    await fixture.whenStable();
    expect(store.activeCall()).toBeNull();
    expect(el.querySelector('[data-testid="call-pop"]')).toBeNull();
  });
});
