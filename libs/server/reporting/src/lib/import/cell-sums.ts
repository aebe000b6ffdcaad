import { bucketsOf } from '@hotline/domain';
import { keyColumns, tableSpec, TABLES, type Delta, type Key, type SummaryTable } from '../stats/summary-spec';

/**
 * mergeDeltas for a batch of thousands of orders, and the upserts that add it to the summary tables.
 *
 * The same cells, sums and order as mergeDeltas, but built as the deltas come, each delta going straight to
 * its day, month and year cells, with every cell's measures in one shared Float64Array instead of an array
 * of its own. A batch holds a few cells per order for as long as it takes to write it; as separate arrays
 * (and mergeDeltas' intermediate copies) they were most of the import's CPU, in the garbage collector.
 */

export interface Cell {
  /** 'd' | 'm' | 'y', or null for a table without periods */
  grain: string | null;
  period: string | null;
  key: Key;
  values: number[];
}

const WIDTH = Math.max(...TABLES.map((t) => t.values.length));
const GRAINS = ['d', 'm', 'y'] as const;

interface DayMaps {
  table: SummaryTable;
  day: string | null;
  /** key id → cell index, one map per grain (just one for a table without periods) */
  maps: Map<string, number>[];
  periods: (string | null)[];
}

export class CellSums {
  private readonly byTableDay = new Map<string, DayMaps>();
  private readonly grainMaps = new Map<string, Map<string, number>>();
  private pool = new Float64Array(WIDTH * 1024);
  private n = 0;
  private readonly tables: SummaryTable[] = [];
  private readonly grains: (string | null)[] = [];
  private readonly periods: (string | null)[] = [];
  private readonly keys: Key[] = [];

  add(d: Delta): void {
    const tableDay = `${d.table}|${d.day}`;
    let dm = this.byTableDay.get(tableDay);
    if (!dm) {
      const periods: (string | null)[] = d.day == null ? [null] : Object.values(bucketsOf(d.day));
      const grains = d.day == null ? [null] : GRAINS;
      // cells of one month (or year) are shared by every day in it
      const maps = grains.map((g, i) => {
        const id = `${d.table}|${g}|${periods[i]}`;
        let m = this.grainMaps.get(id);
        if (!m) this.grainMaps.set(id, (m = new Map()));
        return m;
      });
      dm = { table: d.table, day: d.day, maps, periods };
      this.byTableDay.set(tableDay, dm);
    }
    const keyId = d.key.length === 1 ? String(d.key[0]) : d.key.join('|');
    for (let g = 0; g < dm.maps.length; g++) {
      const map = dm.maps[g];
      let i = map.get(keyId);
      if (i === undefined) {
        i = this.n++;
        if (i * WIDTH >= this.pool.length) {
          const bigger = new Float64Array(this.pool.length * 2);
          bigger.set(this.pool);
          this.pool = bigger;
        }
        map.set(keyId, i);
        this.tables.push(d.table);
        this.grains.push(dm.maps.length === 1 ? null : GRAINS[g]);
        this.periods.push(dm.periods[g]);
        this.keys.push(d.key);
      }
      const off = i * WIDTH;
      const v = d.values;
      for (let k = 0; k < v.length; k++) this.pool[off + k] += v[k];
    }
  }

  get size(): number {
    return this.n;
  }

  /** Cell indexes that do not net to zero, in mergeDeltas' order: table, then [grain, period, …key]. */
  private sorted(): number[] {
    const idx: number[] = [];
    for (let i = 0; i < this.n; i++) {
      const width = tableSpec(this.tables[i]).values.length;
      for (let k = 0; k < width; k++) {
        if (this.pool[i * WIDTH + k] !== 0) {
          idx.push(i);
          break;
        }
      }
    }
    const { tables: t, grains: g, periods: p, keys } = this;
    return idx.sort((a, b) => {
      if (t[a] !== t[b]) return t[a] < t[b] ? -1 : 1;
      if (g[a] !== g[b]) return String(g[a]) < String(g[b]) ? -1 : 1;
      if (p[a] !== p[b]) return String(p[a]) < String(p[b]) ? -1 : 1;
      const x = keys[a];
      const y = keys[b];
      for (let i = 0; i < x.length; i++) {
        const u = x[i];
        const w = y[i];
        if (u === w) continue;
        if (typeof u === 'number' && typeof w === 'number') return u - w;
        return String(u) < String(w) ? -1 : 1;
      }
      return 0;
    });
  }

  /** The merged cells per table (for checks; the import writes statements()). */
  cells(): Map<SummaryTable, Cell[]> {
    const out = new Map<SummaryTable, Cell[]>();
    for (const i of this.sorted()) {
      const table = this.tables[i];
      let list = out.get(table);
      if (!list) out.set(table, (list = []));
      const width = tableSpec(table).values.length;
      list.push({ grain: this.grains[i], period: this.periods[i], key: this.keys[i], values: Array.from(this.pool.subarray(i * WIDTH, i * WIDTH + width)) });
    }
    return out;
  }

  /**
   * One INSERT … ON DUPLICATE KEY UPDATE per table and `chunk` cells, in the cells' order, as literal SQL: the
   * keys are codes, ids and dates and the measures integers, so no driver-side formatting is needed.
   */
  statements(chunk = 2500): string[] {
    const out: string[] = [];
    let table: SummaryTable | null = null;
    let rows: string[] = [];
    const flush = () => {
      if (!table || !rows.length) return;
      const t = tableSpec(table);
      const update = t.values.map((v) => `${v} = ${v} + VALUES(${v})`).join(', ');
      out.push(`INSERT INTO ${table} (${[...keyColumns(t), ...t.values].join(', ')}) VALUES ${rows.join(',')} ON DUPLICATE KEY UPDATE ${update}`);
      rows = [];
    };
    for (const i of this.sorted()) {
      if (this.tables[i] !== table || rows.length >= chunk) {
        flush();
        table = this.tables[i];
      }
      const width = tableSpec(table).values.length;
      let s = this.grains[i] == null ? '(' : `('${this.grains[i]}','${this.periods[i]}',`;
      for (const k of this.keys[i]) s += `${literal(k)},`;
      const off = i * WIDTH;
      for (let v = 0; v < width; v++) {
        const x = this.pool[off + v];
        if (!Number.isSafeInteger(x)) throw new Error(`summary value is not an integer: ${x}`);
        s += v ? `,${x}` : String(x);
      }
      rows.push(`${s})`);
    }
    flush();
    return out;
  }
}

function literal(v: string | number): string {
  return typeof v === 'number' ? String(v) : `'${v.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** The cell as mergeDeltas gives it: the key with grain and period first. */
export function fullKey(c: Cell): Key {
  return c.grain == null ? c.key : [c.grain, c.period as string, ...c.key];
}
