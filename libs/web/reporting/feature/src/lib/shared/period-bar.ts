import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Period } from '@hotline/domain';
import { PLATFORM_OPTIONS, PRESET_OPTIONS, PeriodPreset, PlatformChoice, dateToIso, isoToDate } from '@hotline/web-reporting-data-access';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';

export interface PeriodChoice {
  preset: PeriodPreset;
  period?: Period;
}

/** The period presets (本月/本年/去年/自定义), the custom range, and the platform scope (市级平台/全市). */
@Component({
  selector: 'hl-period-bar',
  imports: [FormsModule, NzDatePickerModule, NzRadioModule, NzSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-radio-group [ngModel]="preset()" (ngModelChange)="pick($event)" nzButtonStyle="solid" data-testid="period-presets">
      @for (p of presets; track p.value) {
        <label nz-radio-button [nzValue]="p.value" [attr.data-testid]="'preset-' + p.value">{{ p.label }}</label>
      }
    </nz-radio-group>
    <nz-range-picker [ngModel]="dates()" (ngModelChange)="setDates($event)" [nzAllowClear]="false" data-testid="period-range" />
    @if (showPlatform()) {
      <nz-select class="platform" [ngModel]="platform()" (ngModelChange)="platformChange.emit($event)" data-testid="platform-select">
        @for (o of platforms; track o.value) {
          <nz-option [nzValue]="o.value" [nzLabel]="o.label" />
        }
      </nz-select>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .platform {
      width: 120px;
    }
  `,
})
export class PeriodBar {
  readonly preset = input.required<PeriodPreset>();
  readonly period = input.required<Period>();
  readonly platform = input<PlatformChoice>('city');
  readonly showPlatform = input(true);
  readonly changed = output<PeriodChoice>();
  readonly platformChange = output<PlatformChoice>();

  protected readonly presets = PRESET_OPTIONS;
  protected readonly platforms = PLATFORM_OPTIONS;
  protected readonly dates = computed(() => [isoToDate(this.period().from), isoToDate(this.period().to)]);

  protected pick(preset: PeriodPreset): void {
    this.changed.emit(preset === 'custom' ? { preset, period: this.period() } : { preset });
  }

  protected setDates(dates: Date[] | null): void {
    if (!dates || dates.length < 2 || !dates[0] || !dates[1]) return;
    this.changed.emit({
      preset: 'custom',
      period: { from: dateToIso(dates[0]), to: dateToIso(dates[1]) },
    });
  }
}
