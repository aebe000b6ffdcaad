import { computed, inject, signal } from '@angular/core';
import { ADMIN_STALE_MESSAGE } from '@hotline/web-admin-data-access';
import { NOTIFIER, WebError, errorMessage, fieldErrors } from '@hotline/web-core-data-access';

/** What every admin form edits: its own fields plus the row it started from (null or false when new). */
export interface AdminEdit {
  existing: unknown;
}

/** The store an editor saves through: it keeps why its last save failed (every admin resource store does). */
export interface AdminSaving {
  lastSaveError(): WebError | null;
}

export interface AdminEditorOptions<E extends AdminEdit> {
  /** The page's own check before the API is asked: a Chinese sentence, or null when it may be saved. */
  problem?: (edit: E) => string | null;
  /** The store call; true when saved (the store has already told the user either way). */
  save: (edit: E) => Promise<boolean>;
}

/**
 * The edit dialog of an admin page: the values being edited, the save, and what the API said about
 * them. A failed save keeps the dialog open with what the user typed; the fields the API named are
 * marked beside their control (keys are the API's field names, which the admin forms share), and an
 * error that names no field is shown at the top of the form.
 */
export class AdminEditor<E extends AdminEdit> {
  private readonly notifier = inject(NOTIFIER);
  private readonly fields = signal<Readonly<Record<string, string>>>({});

  readonly value = signal<E | null>(null);
  readonly saving = signal(false);
  /** A save error that names no field (a duplicate the API does not attribute, a stale version …). */
  readonly formError = signal<string | null>(null);
  readonly isOpen = computed(() => this.value() !== null);
  readonly isNew = computed(() => !this.value()?.existing);

  constructor(
    private readonly store: AdminSaving,
    private readonly options: AdminEditorOptions<E>,
  ) {}

  open(value: E): void {
    this.fields.set({});
    this.formError.set(null);
    this.value.set(value);
  }

  close(): void {
    this.value.set(null);
  }

  /** Changing a field clears the API's complaint about it. */
  patch(change: Partial<E>): void {
    this.value.update((v) => (v ? { ...v, ...change } : v));
    const changed = Object.keys(change);
    if (changed.some((k) => k in this.fields())) this.fields.update((f) => Object.fromEntries(Object.entries(f).filter(([k]) => !changed.includes(k))));
  }

  /** The Chinese message to show beside a field, or null. */
  error(field: string): string | null {
    return this.fields()[field] ?? null;
  }

  async submit(): Promise<void> {
    const value = this.value();
    if (!value || this.saving()) return;
    const problem = this.options.problem?.(value);
    if (problem) {
      this.notifier.warning(problem);
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    try {
      if (await this.options.save(value)) {
        this.close();
        return;
      }
    } finally {
      this.saving.set(false);
    }
    const err = this.store.lastSaveError();
    if (!err) return; // refused before the API was asked; the store has said why
    const fields = fieldErrors(err);
    this.fields.set(fields);
    if (!Object.keys(fields).length) this.formError.set(err.code === 'STALE_VERSION' ? ADMIN_STALE_MESSAGE : errorMessage(err));
  }
}

/** An editor for the page being constructed (it injects the notifier), saving through `store`. */
export function injectAdminEditor<E extends AdminEdit>(store: AdminSaving, options: AdminEditorOptions<E>): AdminEditor<E> {
  return new AdminEditor<E>(store, options);
}
