import { TestBed } from '@angular/core/testing';
import { OrderDetail } from '@hotline/contracts';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { OrderDetailPanel } from './order-detail-panel';

const order = (patch: Partial<OrderDetail> = {}): OrderDetail => ({
  id: 5,
  number: '202001010005',
  status: 'handling',
  version: 3,
  channel: 'phone',
  appealType: 'complaint',
  categoryId: 12,
  categoryPath: '水电气暖/供水/突发停水',
  regionId: 1,
  mainUnitId: 4,
  mainUnitName: '市住建局',
  caller: { name: '李四', phone: '13812345678', confidential: false },
  contentPreview: '小区停水',
  urgent: true,
  createdAt: '2020-01-01T01:00:00Z',
  signDueAt: null,
  handleDueAt: '2020-01-08T09:00:00Z',
  callbackDueAt: null,
  overdue: false,
  platformId: 1,
  address: '新浦路1号',
  content: '小区停水三天',
  topics: [],
  resolution: 'dispatched',
  directAnswer: null,
  reply: null,
  coUnits: [],
  pendingReturn: null,
  pendingExtension: {
    days: 5,
    reason: '需协调管网',
    requestedAt: '2020-01-03T01:00:00Z',
  },
  callback: null,
  mergedIntoId: null,
  reworkCount: 0,
  urgeCount: 0,
  superviseCount: 0,
  signedAt: '2020-01-01T02:00:00Z',
  repliedAt: null,
  closedAt: null,
  history: [
    {
      id: 1,
      action: 'create',
      fromStatus: null,
      toStatus: 'registered',
      actorId: 1,
      actorName: '张话务',
      actorRole: 'agent',
      actorUnitId: null,
      comment: null,
      data: null,
      createdAt: '2020-01-01T01:00:00Z',
    },
    {
      id: 2,
      action: 'dispatch',
      fromStatus: 'registered',
      toStatus: 'dispatched',
      actorId: 1,
      actorName: '张话务',
      actorRole: 'agent',
      actorUnitId: null,
      comment: '请尽快处理',
      data: { unitId: 4 },
      createdAt: '2020-01-01T01:05:00Z',
    },
  ],
  allowedActions: ['return', 'reply', 'request-extension'],
  ...patch,
});

describe('OrderDetailPanel', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideNzIconsTesting()] }));

  it('shows exactly the allowed actions, main action first, and emits the clicked one', async () => {
    const fixture = TestBed.createComponent(OrderDetailPanel);
    fixture.componentRef.setInput('order', order());
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const buttons = Array.from(el.querySelectorAll<HTMLButtonElement>('[data-testid^="action-"]')).map((b) => b.dataset['testid']);
    expect(buttons).toEqual(['action-reply', 'action-request-extension', 'action-return']);

    const emitted: string[] = [];
    fixture.componentInstance.action.subscribe((a) => emitted.push(a));
    el.querySelector<HTMLButtonElement>('[data-testid="action-return"]')?.click();
    expect(emitted).toEqual(['return']);
  });

  it('renders the status, the pending extension and the history as a timeline', async () => {
    const fixture = TestBed.createComponent(OrderDetailPanel);
    fixture.componentRef.setInput('order', order());
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="status-tag"]')?.textContent?.trim()).toBe('办理中');
    expect(el.querySelector('[data-testid="pending-extension"]')?.textContent).toContain('5 个工作日');
    const items = el.querySelectorAll('[data-testid="timeline-item"]');
    expect(items.length).toBe(2);
    expect(items[1].textContent).toContain('派单');
    expect(items[1].textContent).toContain('请尽快处理');
  });
});
