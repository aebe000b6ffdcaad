import { ChangeDetectionStrategy, Component, booleanAttribute, input } from '@angular/core';
import { NzFormModule } from 'ng-zorro-antd/form';

/**
 * One labelled control of an admin form. `error` is the API's complaint about it (AdminEditor.error),
 * shown in red under the control instead of the hint.
 */
@Component({
  selector: 'hl-admin-field',
  imports: [NzFormModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-form-item>
      <nz-form-label [nzRequired]="required()">{{ label() }}</nz-form-label>
      <nz-form-control [nzExtra]="extra()" [nzValidateStatus]="error() ? 'error' : ''" [nzErrorTip]="error() ?? ''">
        <ng-content />
      </nz-form-control>
    </nz-form-item>
  `,
  styles: `
    nz-form-item {
      margin-bottom: 10px;
    }
  `,
})
export class AdminField {
  readonly label = input.required<string>();
  readonly required = input(false, { transform: booleanAttribute });
  readonly extra = input<string | undefined>(undefined);
  readonly error = input<string | null>(null);
}
