import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, Directive, TemplateRef, computed, contentChild, input, output } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { PageBar } from '@hotline/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { CallState, callError, isLoading } from '@hotline/web-core-data-access';
import { AdminEdit, AdminEditor } from './admin-editor';

/** What an admin list page is, as data: its words, test ids, columns and row key. */
export interface AdminPageSpec<T> {
  heading: string;
  /** What one row is, in Chinese (单位): the dialog says 新建单位 / 编辑单位. */
  noun: string;
  /** Test-id prefix (unit → unit-create, unit-row-…, unit-form). */
  entity: string;
  tableId: string;
  columns: readonly AdminColumn[];
  rowKey: (row: T) => string | number;
  /** 新建 unless told (新增). */
  createVerb?: string;
  /** The create button when it says more than 新建 + noun (新建一级分类). */
  createLabel?: string;
  /** 50 unless told. */
  pageSize?: number;
  noResult?: string;
}

export interface AdminColumn {
  title: string;
  /** e.g. '120px'; the column without one takes the rest. */
  width?: string;
}

/** The cells of one table row: `<ng-template [hlAdminRow]="rows()" let-row>…<td>…</td></ng-template>`. */
@Directive({ selector: 'ng-template[hlAdminRow]' })
export class AdminRowDef<T> {
  /** The rows the page passes to the table, only so that `let-row` is typed. */
  readonly hlAdminRow = input.required<readonly T[]>();
  // a type guard for the template compiler only: never called, its parameters only typed
  /* eslint-disable @typescript-eslint/no-unused-vars */
  static ngTemplateContextGuard<T>(_dir: AdminRowDef<T>, ctx: unknown): ctx is { $implicit: T } {
    return true;
  }
  /* eslint-enable @typescript-eslint/no-unused-vars */
}

/** The fields of the edit form: `<ng-template [hlAdminForm]="editor" let-e>…</ng-template>`. */
@Directive({ selector: 'ng-template[hlAdminForm]' })
export class AdminFormDef<E extends AdminEdit> {
  readonly hlAdminForm = input.required<AdminEditor<E>>();
  /* eslint-disable @typescript-eslint/no-unused-vars */
  static ngTemplateContextGuard<E extends AdminEdit>(_dir: AdminFormDef<E>, ctx: unknown): ctx is { $implicit: E } {
    return true;
  }
  /* eslint-enable @typescript-eslint/no-unused-vars */
}

/**
 * The frame every admin list-and-edit page shares: heading, tools and a create button; the load
 * error; a small client-paged table; and the edit dialog driven by an AdminEditor (save, loading,
 * errors beside the fields). The page brings only its columns, cells, form fields and store calls.
 *
 * Test ids follow `entity`: `<entity>-create`, `<entity>-row-<rowKey>`, `<entity>-form`.
 */
@Component({
  selector: 'hl-admin-crud-page',
  imports: [PageBar, NgTemplateOutlet, NzAlertModule, NzButtonModule, NzFormModule, NzIconModule, NzModalModule, NzTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <hl-page-bar [heading]="spec().heading" toolsEnd>
      <ng-content />
      <button nz-button nzType="primary" (click)="create.emit()" [attr.data-testid]="spec().entity + '-create'">
        <nz-icon nzType="plus" />{{ spec().createLabel ?? createVerb() + spec().noun }}
      </button>
    </hl-page-bar>
    @if (error(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" />
    }
    <nz-table
      #t
      nzSize="small"
      [nzData]="rows()"
      [nzLoading]="loading()"
      [nzPageSize]="spec().pageSize ?? 50"
      [nzNoResult]="spec().noResult"
      [attr.data-testid]="spec().tableId"
    >
      <thead>
        <tr>
          @for (c of spec().columns; track c.title) {
            <th [nzWidth]="c.width ?? null">{{ c.title }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (row of t.data; track spec().rowKey(row)) {
          <tr [attr.data-testid]="spec().entity + '-row-' + spec().rowKey(row)">
            <ng-container *ngTemplateOutlet="rowDef(); context: { $implicit: row }" />
          </tr>
        }
      </tbody>
    </nz-table>

    <nz-modal
      [nzVisible]="editor().isOpen()"
      [nzTitle]="title()"
      (nzOnCancel)="editor().close()"
      (nzOnOk)="editor().submit()"
      [nzOkLoading]="editor().saving()"
      nzOkText="保存"
    >
      <ng-container *nzModalContent>
        @if (editor().value(); as value) {
          <form nz-form nzLayout="vertical" (ngSubmit)="editor().submit()" [attr.data-testid]="spec().entity + '-form'">
            @if (editor().formError(); as message) {
              <nz-alert nzType="error" nzShowIcon [nzMessage]="message" data-testid="admin-form-error" />
            }
            <ng-container *ngTemplateOutlet="formDef(); context: { $implicit: value }" />
          </form>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    form nz-alert {
      margin-bottom: 10px;
    }
  `,
})
export class AdminCrudPage<T, E extends AdminEdit> {
  readonly spec = input.required<AdminPageSpec<T>>();
  readonly rows = input.required<readonly T[]>();
  readonly editor = input.required<AdminEditor<E>>();
  /** Where the list's load stands: its spinner, or its error above the table. */
  readonly state = input<CallState>('loaded');
  readonly create = output<void>();

  protected readonly rowDef = contentChild.required(AdminRowDef, {
    read: TemplateRef,
  });
  protected readonly formDef = contentChild.required(AdminFormDef, {
    read: TemplateRef,
  });
  protected readonly loading = computed(() => isLoading(this.state()));
  protected readonly error = computed(() => callError(this.state()));
  protected readonly createVerb = computed(() => this.spec().createVerb ?? '新建');
  protected readonly title = computed(() => (this.editor().isNew() ? this.createVerb() : '编辑') + this.spec().noun);
}
