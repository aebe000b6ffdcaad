import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { ORDER_STATUSES, STATUS_LABELS } from '@hotline/contracts';
import { NOTIFIER, ReferenceStore, errorMessage } from '@hotline/web-core-data-access';
import { OrdersStore, downloadBlob, orderExportColumns, ordersToXlsx } from '@hotline/web-orders-data-access';
import { CascaderTypeToOpen, FormField, OptionSelect, SelectOption } from '@hotline/web-ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCascaderModule } from 'ng-zorro-antd/cascader';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { OrderList } from '../shared/order-list';
import { injectOrderLookups } from '../shared/lookups';
import { EMPTY_SEARCH, SearchForm, exportFileName, toOrderQuery } from './search-query';

/** One choice filter of the search form. */
interface SelectFilter {
  key: 'status' | 'unitId' | 'regionId' | 'channel' | 'appealType' | 'topic';
  label: string;
  span: number;
  options: () => readonly SelectOption[];
  placeholder?: string;
  search?: boolean;
  multiple?: boolean;
  testid: string;
}

/** Beyond this an export is refused: a browser workbook of more rows gets slow and the API busy. */
export const EXPORT_LIMIT = 50_000;

/** 工单查询: every role's search over the orders it may see, with an XLSX export of the result. */
@Component({
  selector: 'hl-search-page',
  imports: [
    NgTemplateOutlet,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCascaderModule,
    NzCheckboxModule,
    NzDatePickerModule,
    NzDrawerModule,
    NzFormModule,
    NzGridModule,
    NzIconModule,
    NzInputModule,
    FormField,
    OptionSelect,
    OrderList,
    CascaderTypeToOpen,
  ],
  providers: [OrdersStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './search-page.html',
  styles: `
    h2 {
      font-size: 16px;
      margin: 0 0 8px;
    }
    .filters {
      --hl-field-gap: 8px;
    }
    nz-cascader,
    nz-range-picker {
      width: 100%;
    }
    .actions {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-bottom: 8px;
      flex-wrap: wrap;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
    nz-alert {
      margin-bottom: 8px;
    }
  `,
})
export class SearchPage {
  protected readonly store = inject(OrdersStore);
  protected readonly reference = inject(ReferenceStore);
  private readonly notifier = inject(NOTIFIER);
  protected readonly lookups = injectOrderLookups();

  protected readonly statuses = ORDER_STATUSES.map((s) => ({
    value: s,
    label: STATUS_LABELS[s],
  }));
  /** The free-text filters, one input each. */
  protected readonly textFields: { key: 'number' | 'phone' | 'q'; label: string; span: number; placeholder?: string }[] = [
    { key: 'number', label: '工单编号', span: 4 },
    { key: 'phone', label: '来电号码', span: 4 },
    { key: 'q', label: '关键字', span: 6, placeholder: '内容、地址或编号' },
  ];
  /** The choice filters, drawn by one template (`#selectFilter`) in the rows they stand in. */
  protected readonly statusFilter: SelectFilter[] = [
    { key: 'status', label: '状态', span: 5, options: () => this.statuses, multiple: true, testid: 'search-status' },
  ];
  protected readonly placeFilters: SelectFilter[] = [
    { key: 'unitId', label: '承办单位', span: 5, options: this.reference.unitOptions, placeholder: '全部（含下级）', search: true, testid: 'search-unit' },
    { key: 'regionId', label: '区域', span: 3, options: this.reference.regionOptions, search: true, testid: 'search-region' },
  ];
  protected readonly kindFilters: SelectFilter[] = [
    { key: 'channel', label: '来源渠道', span: 3, options: this.reference.channelOptions, testid: 'search-channel' },
    { key: 'appealType', label: '诉求类型', span: 3, options: this.reference.appealTypeOptions, testid: 'search-appeal-type' },
    { key: 'topic', label: '专题', span: 2, options: this.reference.topicOptions, testid: 'search-topic' },
  ];
  protected readonly form = signal<SearchForm>({ ...EMPTY_SEARCH });
  protected readonly exporting = signal<string | null>(null);

  constructor() {
    void this.reference.load();
    void this.store.search({}, 1);
  }

  protected patch(change: Partial<SearchForm>): void {
    this.form.update((f) => ({ ...f, ...change }));
  }

  /** The form's value for a filter drawn by the shared template (whose context is untyped). */
  protected valueOf(key: keyof SearchForm): SearchForm[keyof SearchForm] {
    return this.form()[key];
  }

  protected patchField<K extends keyof SearchForm>(key: K, value: SearchForm[K]): void {
    this.patch({ [key]: value } as Partial<SearchForm>);
  }

  protected search(): void {
    void this.store.search(toOrderQuery(this.form()), 1);
  }

  protected reset(): void {
    this.form.set({ ...EMPTY_SEARCH });
    this.search();
  }

  /** Exports the current result (the last search run, not unsubmitted edits of the form). */
  protected async export(): Promise<void> {
    const total = this.store.total();
    if (!total) {
      this.notifier.info('当前结果为空，无需导出');
      return;
    }
    if (total > EXPORT_LIMIT) {
      this.notifier.warning(`结果共 ${total} 条，超过单次导出上限 ${EXPORT_LIMIT} 条，请缩小查询范围`);
      return;
    }
    this.exporting.set(`0 / ${total}`);
    try {
      const rows = await this.store.fetchAll(this.store.query(), (loaded, all) => this.exporting.set(`${loaded} / ${all}`));
      this.exporting.set('生成文件…');
      const blob = await ordersToXlsx(rows, orderExportColumns(this.lookups()));
      downloadBlob(blob, exportFileName());
      this.notifier.success(`已导出 ${rows.length} 条工单`);
    } catch (err) {
      this.notifier.error(`导出失败：${errorMessage(err)}`);
    } finally {
      this.exporting.set(null);
    }
  }
}
