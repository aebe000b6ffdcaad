import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { OrderSummary } from '@hotline/contracts';
import { AuthStore, ReferenceStore, callError, errorMessage } from '@hotline/web-core-data-access';
import { OrderQuery, OrdersStore } from '@hotline/web-orders-data-access';
import { Clock, DeadlineCountdown } from '@hotline/web-orders-ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { PageBar } from '@hotline/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { OrderList } from '../shared/order-list';
import { injectQueryTabs } from '../shared/query-tabs';
import { UnitOverdue, groupOverdueByUnit, longOverdueQuery } from './overdue-board';

type SupervisionTab = 'board' | 'supervised' | 'long';
const TABS: { key: SupervisionTab; label: string }[] = [
  { key: 'board', label: '超期看板' },
  { key: 'supervised', label: '督办件' },
  { key: 'long', label: '积案清理' },
];
/** The board groups at most this many overdue orders (five API pages); beyond it the counts say so. */
const BOARD_LIMIT = 1000;

/** 督办: the overdue board by unit, urging and supervising, the supervised orders and the long-overdue ones. */
@Component({
  selector: 'hl-supervision-page',
  imports: [PageBar, FormsModule, NzAlertModule, NzButtonModule, NzIconModule, NzSelectModule, NzTableModule, NzTabsModule, DeadlineCountdown, OrderList],
  providers: [OrdersStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './supervision-page.html',
  styles: `
    .board {
      display: flex;
      gap: 12px;
      align-items: flex-start;
    }
    .units {
      width: 380px;
      flex-shrink: 0;
    }
    .orders {
      flex: 1;
      min-width: 0;
    }
    .unit-row {
      cursor: pointer;
    }
    .unit-row.selected > td {
      background: #e6f4ff;
    }
    .unit-row:focus {
      outline: 2px solid #1677ff;
      outline-offset: -2px;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
    .tools {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-bottom: 8px;
    }
    nz-alert {
      margin-bottom: 8px;
    }
  `,
})
export class SupervisionPage {
  readonly tab = input<string | undefined>(undefined);

  protected readonly store = inject(OrdersStore);
  protected readonly auth = inject(AuthStore);
  private readonly clock = inject(Clock);
  protected readonly tabs = TABS;

  private readonly queryTabs = injectQueryTabs(() => TABS, this.tab);
  protected readonly activeIndex = this.queryTabs.index;
  protected readonly active = computed(() => this.queryTabs.active().key);
  protected readonly canUrge = computed(() => ['supervisor', 'dispatcher'].includes(this.auth.role() ?? ''));

  // board
  protected readonly board = signal<UnitOverdue[]>([]);
  protected readonly boardTotal = signal(0);
  protected readonly boardState = signal<'loading' | 'loaded' | { error: string }>('loading');
  protected readonly boardError = computed(() => callError(this.boardState()));
  protected readonly selectedUnit = signal<UnitOverdue | null>(null);

  // supervised list: an API from before the filter refuses it

  // long overdue: one server query, its total is the count
  protected readonly longDays = signal(30);

  constructor() {
    void inject(ReferenceStore).load();
    effect(() => {
      const tab = this.active();
      untracked(() => this.load(tab));
    });
  }

  protected selectTab(index: number): void {
    this.queryTabs.select(index);
  }

  protected load(tab: SupervisionTab): void {
    this.store.closeDetail();
    if (tab === 'board') void this.loadBoard();
    else if (tab === 'supervised') void this.loadSupervised();
    else void this.loadLong();
  }

  protected async loadBoard(): Promise<void> {
    this.boardState.set('loading');
    try {
      const rows = await this.store.fetchAll({ overdue: true, sort: 'handleDueAt' }, undefined, BOARD_LIMIT);
      const groups = groupOverdueByUnit(rows);
      this.board.set(groups);
      this.boardTotal.set(rows.length);
      this.boardState.set('loaded');
      const keep = groups.find((g) => g.unitId === this.selectedUnit()?.unitId) ?? groups[0] ?? null;
      this.selectUnit(keep);
    } catch (err) {
      this.boardState.set({ error: errorMessage(err) });
    }
  }

  protected selectUnit(g: UnitOverdue | null): void {
    this.selectedUnit.set(g);
    if (!g) {
      this.store.clearList();
      return;
    }
    const query: OrderQuery = {
      overdue: true,
      sort: 'handleDueAt',
      ...(g.unitId !== null ? { unitId: g.unitId } : { status: ['registered'] }),
    };
    void this.store.search(query, 1);
  }

  private async loadSupervised(): Promise<void> {
    await this.store.search({ supervised: true }, 1);
  }

  protected setLongDays(days: number): void {
    this.longDays.set(days);
    void this.loadLong();
  }

  /**
   * The cutoff is fixed when the list loads (refresh or a new N moves it), so paging through the
   * store keeps one consistent set of 积案 rather than one that shifts with the clock.
   */
  private loadLong(): Promise<void> {
    this.store.clearList(); // not the previous tab's rows and total while the 积案 load
    return this.store.search(longOverdueQuery(this.longDays(), this.clock.now()), 1);
  }

  /** The store refreshes the list shown (and with it the board's orders or the 积案 count). */
  protected urge(row: OrderSummary): void {
    void this.store.rowAction(row, 'urge');
  }
}
