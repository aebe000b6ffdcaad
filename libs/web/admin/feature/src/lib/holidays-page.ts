import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { HolidayView } from '@hotline/contracts';
import { AdminStore } from '@hotline/web-admin-data-access';
import { NOTIFIER, callError } from '@hotline/web-core-data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

interface HolidayEdit {
  existing: boolean;
  date: Date | null;
  kind: HolidayView['kind'];
  name: string;
}

export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The public-holiday calendar (with make-up working weekends) that working-day deadlines run on. */
@Component({
  selector: 'hl-holidays-page',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzDatePickerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    NzRadioModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar">
      <h2>节假日与调休</h2>
      <nz-select
        [ngModel]="admin.holidayYear()"
        (ngModelChange)="admin.loadHolidays($event)"
        class="year"
        data-testid="holiday-year"
      >
        @for (y of years; track y) {
          <nz-option [nzValue]="y" [nzLabel]="y + ' 年'" />
        }
      </nz-select>
      <button
        nz-button
        nzType="primary"
        (click)="create()"
        data-testid="holiday-create"
      >
        <nz-icon nzType="plus" />新增日期
      </button>
    </div>
    @if (error(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" />
    }
    <nz-table
      #t
      nzSize="small"
      [nzData]="admin.holidays()"
      [nzLoading]="admin.holidaysState() === 'loading'"
      [nzPageSize]="100"
      nzNoResult="该年份尚未配置节假日"
      data-testid="holidays-table"
    >
      <thead>
        <tr>
          <th nzWidth="140px">日期</th>
          <th nzWidth="70px">星期</th>
          <th nzWidth="110px">类型</th>
          <th>名称</th>
          <th nzWidth="130px">操作</th>
        </tr>
      </thead>
      <tbody>
        @for (h of t.data; track h.date) {
          <tr [attr.data-testid]="'holiday-row-' + h.date">
            <td>{{ h.date }}</td>
            <td>{{ weekday(h.date) }}</td>
            <td>
              @if (h.kind === 'holiday') {
                <nz-tag nzColor="red">放假</nz-tag>
              } @else {
                <nz-tag nzColor="blue">调休上班</nz-tag>
              }
            </td>
            <td>{{ h.name }}</td>
            <td>
              <button nz-button nzType="link" nzSize="small" (click)="edit(h)">
                编辑
              </button>
              <button
                nz-button
                nzType="link"
                nzDanger
                nzSize="small"
                nz-popconfirm
                nzPopconfirmTitle="确定删除该日期？"
                (nzOnConfirm)="admin.deleteHoliday(h.date)"
              >
                删除
              </button>
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
    <nz-modal
      [nzVisible]="editing() !== null"
      [nzTitle]="editing()?.existing ? '编辑日期' : '新增日期'"
      (nzOnCancel)="editing.set(null)"
      (nzOnOk)="save()"
      [nzOkLoading]="admin.saving()"
      nzOkText="保存"
    >
      <ng-container *nzModalContent>
        @if (editing(); as e) {
          <form
            nz-form
            nzLayout="vertical"
            (ngSubmit)="save()"
            data-testid="holiday-form"
          >
            <nz-form-item>
              <nz-form-label nzRequired>日期</nz-form-label>
              <nz-form-control>
                <nz-date-picker
                  name="date"
                  [nzDisabled]="e.existing"
                  [ngModel]="e.date"
                  (ngModelChange)="patch({ date: $event })"
                  data-testid="holiday-date"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired>类型</nz-form-label>
              <nz-form-control>
                <nz-radio-group
                  name="kind"
                  [ngModel]="e.kind"
                  (ngModelChange)="patch({ kind: $event })"
                  data-testid="holiday-kind"
                >
                  <label nz-radio nzValue="holiday">放假</label>
                  <label nz-radio nzValue="workday">调休上班</label>
                </nz-radio-group>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired>名称</nz-form-label>
              <nz-form-control
                ><input
                  nz-input
                  name="name"
                  placeholder="如：国庆节"
                  [ngModel]="e.name"
                  (ngModelChange)="patch({ name: $event })"
                  data-testid="holiday-name"
              /></nz-form-control>
            </nz-form-item>
          </form>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .bar {
      display: flex;
      gap: 12px;
      align-items: center;
      margin-bottom: 8px;
    }
    h2 {
      font-size: 16px;
      margin: 0;
      flex: 1;
    }
    .year {
      width: 110px;
    }
    nz-form-item {
      margin-bottom: 10px;
    }
  `,
})
export class HolidaysPage {
  protected readonly admin = inject(AdminStore);
  private readonly notifier = inject(NOTIFIER);
  protected readonly years = Array.from(
    { length: 5 },
    (_, i) => new Date().getFullYear() - 2 + i,
  );
  protected readonly editing = signal<HolidayEdit | null>(null);
  protected readonly error = computed(() =>
    callError(this.admin.holidaysState()),
  );

  constructor() {
    void this.admin.loadHolidays();
  }

  protected weekday(date: string): string {
    const [y, m, d] = date.split('-').map(Number);
    return '周' + WEEKDAYS[new Date(y, m - 1, d).getDay()];
  }

  protected create(): void {
    this.editing.set({
      existing: false,
      date: null,
      kind: 'holiday',
      name: '',
    });
  }

  protected edit(h: HolidayView): void {
    const [y, m, d] = h.date.split('-').map(Number);
    this.editing.set({
      existing: true,
      date: new Date(y, m - 1, d),
      kind: h.kind,
      name: h.name,
    });
  }

  protected patch(change: Partial<HolidayEdit>): void {
    this.editing.update((e) => (e ? { ...e, ...change } : e));
  }

  protected async save(): Promise<void> {
    const e = this.editing();
    if (!e) return;
    if (!e.date || !e.name.trim()) {
      this.notifier.warning('请选择日期并填写名称');
      return;
    }
    if (await this.admin.saveHoliday(isoDate(e.date), e.kind, e.name.trim()))
      this.editing.set(null);
  }
}
