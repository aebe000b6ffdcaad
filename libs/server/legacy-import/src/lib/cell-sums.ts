import { bucketsOf } from '@hotline/domain';
import { keyColumns, tableSpec, TABLES, type Delta, type Key, type SummaryTable } from '@hotline/server-statistics';
import { TsvSink, tsvText, type TsvData } from '@hotline/server-orders';

/**
 * mergeDeltas for a batch of thousands of orders, and the rows that add it to the summary tables.
 *
 * The same cells and sums as mergeDeltas, built the same way (deltas merged into day cells, which are then added
 * to their month and year cells), with every cell's measures in one shared Float64Array instead of an array of
 * its own.
 * A batch holds a few cells per order for as long as it takes to write it; as separate arrays (and mergeDeltas'
 * intermediate copies) they were most of the import's CPU, in the garbage collector.
 *
 * The cells come out two ways: as LOAD DATA text per table (`rows`), which the import stages in a temporary
 * table and adds with one INSERT … SELECT … ORDER BY (the server sorts them into the lock order), and as literal
 * upserts in mergeDeltas' order (`statements`), for a server where staging is not possible.
 */

export interface Cell {
  /** 'd' | 'm' | 'y', or null for a table without periods */
  grain: string | null;
  period: string | null;
  key: Key;
  values: number[];
}

/** A table's cells as LOAD DATA text: columns `columns`, one line per cell. */
export interface TableRows {
  table: SummaryTable;
  columns: string[];
  /** the measures among the columns, the ones that are not zero in every cell */
  values: string[];
  text: TsvData;
  rows: number;
}

const WIDTH = Math.max(...TABLES.map((t) => t.values.length));
const TABLE_NO = new Map(TABLES.map((t, i) => [t.table, i]));

interface DayCells {
  /** key text → cell index */
  map: Map<string, number>;
  /** the day (null for a table without periods) and, for a day, its month and year */
  periods: [string | null, string | null, string | null];
}

export class CellSums {
  /** per table (TABLES' order): day (or '' for a table without periods) → its cells */
  private readonly byDay: Map<string, DayCells>[] = TABLES.map(() => new Map());
  private pool = new Float64Array(WIDTH * 1024);
  private n = 0;
  private readonly tableOf: number[] = [];
  private readonly grains: (string | null)[] = [];
  private readonly periods: (string | null)[] = [];
  private readonly keys: Key[] = [];
  /** the key as LOAD DATA text (tab-separated), which is also its id in the maps */
  private readonly keyTexts: string[] = [];
  /** per table: the cells, in the order they were first added to */
  private readonly cellsOf: number[][] = TABLES.map(() => []);
  /** per table: which measures any delta was non-zero in (bit k = values[k]) */
  private readonly touched: number[] = TABLES.map(() => 0);
  /** whether the day cells have been added to their month and year cells (after which nothing more is added) */
  private expanded = false;

  /** Adds a delta to its day cell (or its cell, for a table without periods); months and years follow in expand(). */
  add(d: Delta): void {
    if (this.expanded) throw new Error('CellSums: cells already read out');
    const t = TABLE_NO.get(d.table);
    if (t === undefined) throw new Error(`unknown summary table ${d.table}`);
    const dayId = d.day ?? '';
    let dc = this.byDay[t].get(dayId);
    if (!dc) {
      const b = d.day == null ? null : bucketsOf(d.day);
      dc = { map: new Map(), periods: b ? [b.d, b.m, b.y] : [null, null, null] };
      this.byDay[t].set(dayId, dc);
    }
    const k = d.key;
    const keyText = k.length === 1 ? keyField(k[0]) : keyTextOf(k);
    let i = dc.map.get(keyText);
    if (i === undefined) {
      i = this.newCell(t, d.day == null ? null : 'd', d.day, k, keyText);
      dc.map.set(keyText, i);
    }
    const v = d.values;
    const off = i * WIDTH;
    let mask = 0;
    for (let j = 0; j < v.length; j++) {
      const x = v[j];
      if (x !== 0) {
        mask |= 1 << j;
        this.pool[off + j] += x;
      }
    }
    this.touched[t] |= mask;
  }

  /**
   * Adds every day cell to its month and year cells, once, before the cells are read: a batch's deltas merge into
   * far fewer day cells, so expanding those costs less than expanding each delta.
   */
  private expand(): void {
    if (this.expanded) return;
    this.expanded = true;
    for (let t = 0; t < TABLES.length; t++) {
      if (!TABLES[t].grained) continue;
      const width = TABLES[t].values.length;
      const byPeriod = new Map<string, Map<string, number>>();
      const periodMap = (id: string) => {
        let m = byPeriod.get(id);
        if (!m) byPeriod.set(id, (m = new Map()));
        return m;
      };
      for (const dc of this.byDay[t].values()) {
        const [, month, year] = dc.periods;
        if (month == null || year == null) continue;
        const targets: [string, string, Map<string, number>][] = [
          ['m', month, periodMap(`m|${month}`)],
          ['y', year, periodMap(`y|${year}`)],
        ];
        for (const [keyText, day] of dc.map) {
          for (const [grain, period, map] of targets) {
            let i = map.get(keyText);
            if (i === undefined) {
              i = this.newCell(t, grain, period, this.keys[day], keyText);
              map.set(keyText, i);
            }
            const from = day * WIDTH;
            const to = i * WIDTH;
            for (let j = 0; j < width; j++) this.pool[to + j] += this.pool[from + j];
          }
        }
      }
    }
  }

  private newCell(t: number, grain: string | null, period: string | null, key: Key, keyText: string): number {
    const i = this.n++;
    if (i * WIDTH >= this.pool.length) {
      const bigger = new Float64Array(this.pool.length * 2);
      bigger.set(this.pool);
      this.pool = bigger;
    }
    this.tableOf.push(t);
    this.grains.push(grain);
    this.periods.push(period);
    this.keys.push(key);
    this.keyTexts.push(keyText);
    this.cellsOf[t].push(i);
    return i;
  }

  /** Cells so far (day cells only, until they are read out). */
  get size(): number {
    return this.n;
  }

  private isZero(i: number, width: number): boolean {
    const off = i * WIDTH;
    for (let k = 0; k < width; k++) if (this.pool[off + k] !== 0) return false;
    return true;
  }

  /** Cell indexes that do not net to zero, in mergeDeltas' order: table, then [grain, period, …key]. */
  private sorted(): number[] {
    this.expand();
    const idx: number[] = [];
    for (let i = 0; i < this.n; i++) if (!this.isZero(i, TABLES[this.tableOf[i]].values.length)) idx.push(i);
    const { tableOf, grains: g, periods: p, keys } = this;
    return idx.sort((a, b) => {
      const ta = TABLES[tableOf[a]].table;
      const tb = TABLES[tableOf[b]].table;
      if (ta !== tb) return ta < tb ? -1 : 1;
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

  /** The merged cells per table, in mergeDeltas' order (for checks; the import writes rows() or statements()). */
  cells(): Map<SummaryTable, Cell[]> {
    const out = new Map<SummaryTable, Cell[]>();
    for (const i of this.sorted()) {
      const table = TABLES[this.tableOf[i]].table;
      let list = out.get(table);
      if (!list) out.set(table, (list = []));
      const width = tableSpec(table).values.length;
      list.push({ grain: this.grains[i], period: this.periods[i], key: this.keys[i], values: Array.from(this.pool.subarray(i * WIDTH, i * WIDTH + width)) });
    }
    return out;
  }

  /**
   * Per table with cells, the cells as LOAD DATA text: key columns (grain and period first for a table with
   * periods), then only the measures some cell is not zero in; cells that net to zero are left out. In no
   * particular order: whoever adds them sorts them.
   */
  rows(): TableRows[] {
    this.expand();
    const out: TableRows[] = [];
    for (let t = 0; t < TABLES.length; t++) {
      const cells = this.cellsOf[t];
      if (!cells.length) continue;
      const spec = TABLES[t];
      const measures: number[] = [];
      for (let k = 0; k < spec.values.length; k++) if (this.touched[t] & (1 << k)) measures.push(k);
      const text = new TsvSink(256 * 1024);
      let rows = 0;
      for (const i of cells) {
        if (this.isZero(i, spec.values.length)) continue;
        let line = this.grains[i] == null ? this.keyTexts[i] : `${this.grains[i]}\t${this.periods[i]}\t${this.keyTexts[i]}`;
        const off = i * WIDTH;
        for (const k of measures) line += `\t${integer(this.pool[off + k])}`;
        text.write(`${line}\n`);
        rows++;
      }
      if (rows)
        out.push({
          table: spec.table,
          columns: [...keyColumns(spec), ...measures.map((k) => spec.values[k])],
          values: measures.map((k) => spec.values[k]),
          text: text.chunks(),
          rows,
        });
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
      const spec = TABLES[this.tableOf[i]];
      if (spec.table !== table || rows.length >= chunk) {
        flush();
        table = spec.table;
      }
      let s = this.grains[i] == null ? '(' : `('${this.grains[i]}','${this.periods[i]}',`;
      for (const k of this.keys[i]) s += `${literal(k)},`;
      const off = i * WIDTH;
      for (let v = 0; v < spec.values.length; v++) s += v ? `,${integer(this.pool[off + v])}` : integer(this.pool[off + v]);
      rows.push(`${s})`);
    }
    flush();
    return out;
  }
}

function integer(x: number): string {
  if (!Number.isSafeInteger(x)) throw new Error(`summary value is not an integer: ${x}`);
  return String(x);
}

/** A key part as LOAD DATA text: ids, codes and dates, escaped all the same. */
function keyField(v: string | number): string {
  return typeof v === 'number' ? String(v) : tsvText(v);
}

function keyTextOf(k: Key): string {
  let s = keyField(k[0]);
  for (let i = 1; i < k.length; i++) s += `\t${keyField(k[i])}`;
  return s;
}

function literal(v: string | number): string {
  return typeof v === 'number' ? String(v) : `'${v.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** The cell as mergeDeltas gives it: the key with grain and period first. */
export function fullKey(c: Cell): Key {
  return c.grain == null ? c.key : [c.grain, c.period as string, ...c.key];
}
