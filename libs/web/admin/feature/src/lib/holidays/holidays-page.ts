import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { HolidayView } from '@hotline/contracts';
import { HolidaysStore } from '@hotline/web-admin-data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { OptionSelect } from '@hotline/web-ui';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ADMIN_CRUD, AdminPageSpec, injectAdminEditor } from '../crud';

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
  imports: [FormsModule, NzButtonModule, NzDatePickerModule, NzPopconfirmModule, NzRadioModule, NzTagModule, OptionSelect, ADMIN_CRUD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './holidays-page.html',
  styles: `
    .year {
      width: 110px;
    }
  `,
})
export class HolidaysPage {
  protected readonly store = inject(HolidaysStore);
  protected readonly years = Array.from({ length: 5 }, (_, i) => new Date().getFullYear() - 2 + i).map((y) => ({ value: y, label: `${y} 年` }));
  protected readonly spec: AdminPageSpec<HolidayView> = {
    heading: '节假日与调休',
    noun: '日期',
    createVerb: '新增',
    entity: 'holiday',
    tableId: 'holidays-table',
    pageSize: 100,
    noResult: '该年份尚未配置节假日',
    columns: [
      { title: '日期', width: '140px' },
      { title: '星期', width: '70px' },
      { title: '类型', width: '110px' },
      { title: '名称' },
      { title: '操作', width: '130px' },
    ],
    rowKey: (h: HolidayView) => h.date,
  };
  protected readonly editor = injectAdminEditor<HolidayEdit>(this.store, {
    problem: (e) => (!e.date || !e.name.trim() ? '请选择日期并填写名称' : null),
    save: (e) => this.store.save(isoDate(e.date as Date), e.kind, e.name.trim()),
  });

  constructor() {
    void this.store.load();
  }

  protected weekday(date: string): string {
    const [y, m, d] = date.split('-').map(Number);
    return '周' + WEEKDAYS[new Date(y, m - 1, d).getDay()];
  }

  protected create(): void {
    this.editor.open({
      existing: false,
      date: null,
      kind: 'holiday',
      name: '',
    });
  }

  protected edit(h: HolidayView): void {
    const [y, m, d] = h.date.split('-').map(Number);
    this.editor.open({
      existing: true,
      date: new Date(y, m - 1, d),
      kind: h.kind,
      name: h.name,
    });
  }
}
