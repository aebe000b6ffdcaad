import { TestBed } from '@angular/core/testing';
import type { OrderSummary } from '@hotline/contracts';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { OrderTable } from './order-table';

const row: OrderSummary = {
  id: 1,
  number: '20200101000001',
  status: 'handling',
  version: 1,
  channel: 'phone',
  appealType: 'complaint',
  categoryId: 12,
  categoryPath: '水电气暖/供水/突发停水',
  regionId: 1,
  mainUnitId: 4,
  mainUnitName: '市住建局',
  caller: { name: '李四', phone: '13812345678', confidential: false },
  contentPreview: '小区停水',
  urgent: false,
  createdAt: '2020-01-01T01:00:00Z',
  signDueAt: null,
  handleDueAt: '2020-01-08T09:00:00Z',
  callbackDueAt: null,
  overdue: false,
};

describe('OrderTable total', () => {
  const render = (total: number, totalBounded: boolean, totalSince: string | null = null) => {
    TestBed.configureTestingModule({ imports: [OrderTable], providers: [provideNzIconsTesting()] });
    const f = TestBed.createComponent(OrderTable);
    f.componentRef.setInput('items', [row]);
    f.componentRef.setInput('total', total);
    f.componentRef.setInput('totalBounded', totalBounded);
    f.componentRef.setInput('totalSince', totalSince);
    f.detectChanges();
    return (f.nativeElement as HTMLElement).textContent ?? '';
  };

  it('says 10,000+ when the server stopped counting, the exact number otherwise', () => {
    expect(render(10000, true)).toContain('共 10,000+ 条');
    TestBed.resetTestingModule();
    const exact = render(41, false);
    expect(exact).toContain('共 41 条');
    expect(exact).not.toContain('+');
  });

  it('says since when a text search counted only the last months', () => {
    const text = render(850, true, '2020-10-01');
    expect(text).toContain('2020-10-01 以来 850+ 条');
    expect(text).not.toContain('共');
  });
});
