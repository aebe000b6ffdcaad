import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { OrderAction } from '@hotline/contracts';
import { AuthStore, NOTIFIER, ReferenceStore, callError, errorMessage } from '@hotline/web-core-data-access';
import { OrdersStore, RoutingQueueStore } from '@hotline/web-orders-data-access';
import { ActionDialog, OrderDetailPanel, UnitOption, needsDialog } from '@hotline/web-orders-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { injectOrderLookups } from './lookups';

/**
 * One order and what can be done to it, for whichever screen opened it. Uses the OrdersStore of the
 * hosting screen. The action dialog closes only on success, so a failed or stale submit keeps the text.
 */
@Component({
  selector: 'hl-order-workbench',
  imports: [NzButtonModule, NzIconModule, NzResultModule, NzSpinModule, OrderDetailPanel, ActionDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.detail(); as order) {
      <nz-spin [nzSpinning]="store.detailState() === 'loading'">
        <div class="toolbar">
          <button nz-button nzType="text" nzSize="small" (click)="store.refreshDetail()" data-testid="order-refresh" title="刷新">
            <nz-icon nzType="reload" /> 刷新
          </button>
        </div>
        <hl-order-detail [order]="order" [lookups]="lookups()" [busy]="store.acting()" [pendingAction]="running()" (action)="onAction($event)" />
      </nz-spin>
    } @else if (loadError(); as message) {
      <nz-result nzStatus="404" [nzTitle]="message" data-testid="order-error" />
    } @else {
      <div class="loading"><nz-spin nzSimple /></div>
    }
    <hl-action-dialog
      [action]="dialogAction()"
      [order]="store.detail()"
      [busy]="store.acting()"
      [unitOptions]="unitOptions()"
      [defaults]="dialogDefaults()"
      (submitted)="onSubmit($event)"
      (cancelled)="closeDialog()"
    />
  `,
  styles: `
    .toolbar {
      display: flex;
      justify-content: flex-end;
      margin: -4px 0 4px;
    }
    .loading {
      display: flex;
      justify-content: center;
      padding: 48px;
    }
  `,
})
export class OrderWorkbench {
  protected readonly store = inject(OrdersStore);
  private readonly reference = inject(ReferenceStore);
  private readonly auth = inject(AuthStore);
  private readonly notifier = inject(NOTIFIER);
  /** On the dispatcher's queue: the suggestion taken from a row opens that order's dispatch dialog with its unit. */
  private readonly routing = inject(RoutingQueueStore, { optional: true });
  protected readonly lookups = injectOrderLookups();

  protected readonly dialogAction = signal<OrderAction | null>(null);
  protected readonly running = signal<OrderAction | null>(null);
  protected readonly loadError = computed(() => callError(this.store.detailState()));

  /** Dispatch targets: a district's handler passes orders down to its own sub-units only. */
  protected readonly unitOptions = computed<UnitOption[]>(() => {
    if (this.dialogAction() !== 'dispatch') return [];
    const user = this.auth.user();
    const units = user?.role === 'unit_handler' ? this.reference.subUnitsOf(user.unitId) : this.reference.activeUnits();
    return units.map((u) => ({ id: u.id, name: u.name }));
  });

  protected readonly dialogDefaults = computed<Record<string, unknown>>(() => {
    const order = this.store.detail();
    if (this.dialogAction() !== 'dispatch' || !order || this.auth.role() === 'unit_handler') return {};
    const taken = this.routing?.taken();
    if (taken && taken.orderId === order.id) return { unitId: taken.unitId };
    // a re-dispatch keeps the current unit unless the catalogue names another
    return {
      unitId: this.reference.defaultUnitFor(order.categoryId) ?? order.mainUnitId ?? null,
    };
  });

  constructor() {
    void this.reference.load();
    effect(() => {
      const taken = this.routing?.taken();
      const order = this.store.detail();
      if (!taken || order?.id !== taken.orderId || !order.allowedActions.includes('dispatch')) return;
      untracked(() => {
        if (this.dialogAction() === null) this.dialogAction.set('dispatch');
      });
    });
  }

  protected closeDialog(): void {
    this.dialogAction.set(null);
    this.routing?.clearTaken();
  }

  protected async onAction(action: OrderAction): Promise<void> {
    if (needsDialog(action)) {
      this.dialogAction.set(action);
      return;
    }
    this.running.set(action);
    await this.store.runAction(action);
    this.running.set(null);
  }

  protected async onSubmit(body: Record<string, unknown>): Promise<void> {
    const action = this.dialogAction();
    const order = this.store.detail();
    if (!action || !order) return;
    if (action === 'merge') {
      const resolved = await this.resolveMaster(String(body['masterNumber'] ?? ''), order.id);
      if (resolved === null) return;
      body = { masterId: resolved };
    }
    this.running.set(action);
    const outcome = await this.store.runAction(action, body);
    this.running.set(null);
    if (outcome.ok) this.closeDialog();
  }

  /** The merge dialog asks for the master's number; the API wants its id. */
  private async resolveMaster(number: string, selfId: number): Promise<number | null> {
    try {
      const master = await this.store.findByNumber(number);
      if (!master) {
        this.notifier.error(`未找到工单 ${number}`);
        return null;
      }
      if (master.id === selfId) {
        this.notifier.error('不能并入工单自身');
        return null;
      }
      return master.id;
    } catch (err) {
      this.notifier.error(errorMessage(err));
      return null;
    }
  }
}
