import { ChangeDetectionStrategy, Component, booleanAttribute, computed, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { FormField, OptionSelect, SelectOption } from '@hotline/web-ui';
import { AdminEdit, AdminEditor } from './admin-editor';

type TextKey<E> = {
  [K in keyof E]: E[K] extends string ? K : never;
}[keyof E] &
  string;

/**
 * A text field of an admin form bound to its editor by the API's field name: it shows and patches
 * `value[field]` and marks itself with what the API said about that field.
 * `testid` is the input's test id (unit-name).
 */
@Component({
  selector: 'hl-admin-input',
  imports: [FormsModule, NzInputModule, FormField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <hl-field [label]="label()" [required]="required()" [extra]="extra()" [error]="error()">
      <input
        nz-input
        [nzStatus]="error() ? 'error' : ''"
        [type]="type()"
        [name]="field()"
        [disabled]="disabled()"
        [placeholder]="placeholder()"
        [attr.autocomplete]="autocomplete()"
        [ngModel]="value()"
        (ngModelChange)="patch($event)"
        [attr.data-testid]="testid()"
      />
    </hl-field>
  `,
})
export class AdminInput<E extends AdminEdit> {
  readonly editor = input.required<AdminEditor<E>>();
  readonly field = input.required<TextKey<E>>();
  readonly label = input.required<string>();
  readonly testid = input.required<string>();
  readonly required = input(false, { transform: booleanAttribute });
  readonly disabled = input(false, { transform: booleanAttribute });
  readonly extra = input<string | undefined>(undefined);
  readonly placeholder = input('');
  readonly type = input<'text' | 'password'>('text');
  readonly autocomplete = input<string | null>(null);

  protected readonly value = computed(() => (this.editor().value()?.[this.field()] as string | undefined) ?? '');
  protected readonly error = computed(() => this.editor().error(this.field()));

  protected patch(value: string): void {
    this.editor().patch({ [this.field()]: value } as Partial<E>);
  }
}

/** A choice field of an admin form (a unit's kind, a user's role …), bound like AdminInput. */
@Component({
  selector: 'hl-admin-select',
  imports: [FormsModule, FormField, OptionSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <hl-field [label]="label()" [required]="required()" [error]="editor().error(field())">
      <hl-option-select
        [name]="field()"
        [options]="options()"
        [placeholder]="placeholder()"
        [showSearch]="showSearch()"
        [allowClear]="allowClear()"
        [disabled]="disabled()"
        [testid]="testid()"
        [ngModel]="editor().value()?.[field()]"
        (ngModelChange)="patch($event)"
      />
    </hl-field>
  `,
})
export class AdminSelect<E extends AdminEdit> {
  readonly editor = input.required<AdminEditor<E>>();
  readonly field = input.required<keyof E & string>();
  readonly label = input.required<string>();
  readonly options = input.required<readonly SelectOption[]>();
  readonly testid = input<string | null>(null);
  readonly required = input(false, { transform: booleanAttribute });
  readonly disabled = input(false, { transform: booleanAttribute });
  readonly showSearch = input(false, { transform: booleanAttribute });
  readonly allowClear = input(false, { transform: booleanAttribute });
  readonly placeholder = input('');

  protected patch(value: unknown): void {
    this.editor().patch({ [this.field()]: value } as Partial<E>);
  }
}

type BooleanKey<E> = {
  [K in keyof E]: E[K] extends boolean ? K : never;
}[keyof E] &
  string;

/** An on/off field of an admin form (启用), bound like AdminInput. */
@Component({
  selector: 'hl-admin-switch',
  imports: [FormsModule, NzSwitchModule, FormField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <hl-field [label]="label()" [error]="editor().error(field())">
      <nz-switch [name]="field()" [ngModel]="value()" (ngModelChange)="patch($event)" />
    </hl-field>
  `,
})
export class AdminSwitch<E extends AdminEdit> {
  readonly editor = input.required<AdminEditor<E>>();
  readonly field = input.required<BooleanKey<E>>();
  readonly label = input.required<string>();

  protected readonly value = computed(() => !!this.editor().value()?.[this.field()]);

  protected patch(value: boolean): void {
    this.editor().patch({ [this.field()]: value } as Partial<E>);
  }
}

/** 启用 / 停用 in a list. */
@Component({
  selector: 'hl-active-tag',
  imports: [NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (active()) {
      <nz-tag nzColor="green">启用</nz-tag>
    } @else {
      <nz-tag>停用</nz-tag>
    }
  `,
})
export class ActiveTag {
  readonly active = input.required<boolean>();
}
