import { ChangeDetectionStrategy, Component, booleanAttribute, forwardRef, input, signal } from '@angular/core';
import { ControlValueAccessor, FormsModule, NG_VALUE_ACCESSOR } from '@angular/forms';
import { NzSelectModule } from 'ng-zorro-antd/select';

/** One choice of a select: what is stored and what is shown. */
export interface SelectOption<T = unknown> {
  value: T;
  label: string;
}

/**
 * An nz-select over a list of options, as a form control (ngModel or formControlName): the select, its
 * `@for` of nz-options and the full width, written once. `testid` lands on the nz-select, where the e2e
 * helpers click.
 */
@Component({
  selector: 'hl-option-select',
  imports: [FormsModule, NzSelectModule],
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => OptionSelect), multi: true }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-select
      [ngModel]="value()"
      [ngModelOptions]="{ standalone: true }"
      (ngModelChange)="pick($event)"
      (nzBlur)="onTouched()"
      [nzMode]="multiple() ? 'multiple' : 'default'"
      [nzShowSearch]="showSearch()"
      [nzAllowClear]="allowClear()"
      [nzPlaceHolder]="placeholder()"
      [nzDisabled]="disabled()"
      [attr.data-testid]="testid()"
    >
      @for (o of options(); track o.value) {
        <nz-option [nzValue]="o.value" [nzLabel]="o.label" />
      }
    </nz-select>
  `,
  styles: `
    :host {
      display: block;
    }
    nz-select {
      width: 100%;
    }
  `,
})
export class OptionSelect implements ControlValueAccessor {
  readonly options = input.required<readonly SelectOption[]>();
  readonly placeholder = input('');
  readonly multiple = input(false, { transform: booleanAttribute });
  readonly showSearch = input(false, { transform: booleanAttribute });
  readonly allowClear = input(false, { transform: booleanAttribute });
  readonly testid = input<string | null>(null);

  protected readonly value = signal<unknown>(null);
  protected readonly disabled = signal(false);
  private onChange: (value: unknown) => void = () => undefined;
  protected onTouched: () => void = () => undefined;

  writeValue(value: unknown): void {
    this.value.set(value);
  }

  registerOnChange(fn: (value: unknown) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected pick(value: unknown): void {
    this.value.set(value);
    this.onChange(value);
  }
}
