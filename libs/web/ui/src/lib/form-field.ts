import { ChangeDetectionStrategy, Component, booleanAttribute, input } from '@angular/core';
import { NzFormModule } from 'ng-zorro-antd/form';

/**
 * One labelled control of a vertical form (`<hl-field label="区域">…control…</hl-field>`; add `nz-col` for a
 * grid cell). `error` is a complaint about the value (an API field error), shown in red under the control
 * instead of the hint. The status is set here, not read from the control, so a form whose controls show
 * their own validity (reactive forms with error tips) keeps its nz-form-item.
 */
@Component({
  selector: 'hl-field',
  imports: [NzFormModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-form-item>
      <nz-form-label [nzRequired]="required()" [nzFor]="labelFor()">{{ label() }}</nz-form-label>
      <nz-form-control [nzExtra]="extra()" [nzValidateStatus]="error() ? 'error' : ''" [nzErrorTip]="error() ?? ''">
        <ng-content />
      </nz-form-control>
    </nz-form-item>
  `,
  styles: `
    :host {
      display: block;
    }
    nz-form-item {
      margin-bottom: var(--hl-field-gap, 10px);
    }
  `,
})
export class FormField {
  /** '\u00a0' for a cell that only lines a checkbox up with its neighbours. */
  readonly label = input.required<string>();
  readonly required = input(false, { transform: booleanAttribute });
  /** The id of the control the label clicks through to. */
  readonly labelFor = input<string | undefined>(undefined);
  readonly extra = input<string | undefined>(undefined);
  readonly error = input<string | null>(null);
}
