import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { RoutingModelStatus, RoutingModelView } from '@hotline/contracts';

export interface ModelRow {
  id: number;
  status: RoutingModelStatus;
  samples: number;
  holdout_n: number;
  holdout_top1: number | null;
  holdout_top3: number | null;
  unit_top1: number | null;
  error: string | null;
  trained_at: Date | null;
}

const COLS = 'id, status, samples, holdout_n, holdout_top1, holdout_top3, unit_top1, error, trained_at';

/** The routing_model rows and their weight parts. One model is 'serving' at a time. */
@Injectable()
export class RoutingModelStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async create(requestedBy: number | null): Promise<number> {
    const r = await this.ds.query("INSERT INTO routing_model (status, requested_by) VALUES ('queued', ?)", [requestedBy]);
    return Number(r.insertId);
  }

  async get(id: number): Promise<ModelRow | null> {
    const [row] = await this.ds.query(`SELECT ${COLS} FROM routing_model WHERE id = ?`, [id]);
    return row ?? null;
  }

  async serving(): Promise<ModelRow | null> {
    const [row] = await this.ds.query(`SELECT ${COLS} FROM routing_model WHERE status = 'serving' ORDER BY id DESC LIMIT 1`);
    return row ?? null;
  }

  async latest(): Promise<ModelRow | null> {
    const [row] = await this.ds.query(`SELECT ${COLS} FROM routing_model ORDER BY id DESC LIMIT 1`);
    return row ?? null;
  }

  /** Moves a queued model to training; false when another run took it (a job delivered twice). */
  async claim(id: number): Promise<boolean> {
    const r = await this.ds.query("UPDATE routing_model SET status = 'training' WHERE id = ? AND status = 'queued'", [id]);
    return (r.affectedRows ?? 0) === 1;
  }

  async fail(id: number, error: string): Promise<void> {
    await this.ds.query("UPDATE routing_model SET status = 'failed', error = ? WHERE id = ?", [error.slice(0, 500), id]);
  }

  /** Stores the weights and the measures; serves it (retiring the previous one) when `serve`, else marks it rejected. */
  async finish(
    id: number,
    parts: Buffer[],
    m: { samples: number; n: number; top1: number; top3: number; unitTop1: number | null },
    serve: boolean,
    note: string | null,
  ): Promise<void> {
    await this.ds.transaction(async (em: EntityManager) => {
      for (let i = 0; i < parts.length; i++) await em.query('INSERT INTO routing_model_part (model_id, part, data) VALUES (?, ?, ?)', [id, i, parts[i]]);
      if (serve) await em.query("UPDATE routing_model SET status = 'retired' WHERE status = 'serving'");
      await em.query(
        'UPDATE routing_model SET status = ?, samples = ?, holdout_n = ?, holdout_top1 = ?, holdout_top3 = ?, unit_top1 = ?, error = ?, trained_at = CURRENT_TIMESTAMP(3) WHERE id = ?',
        [serve ? 'serving' : 'rejected', m.samples, m.n, m.top1, m.top3, m.unitTop1, note, id],
      );
      // weights of models that will never serve again are dead weight (a retired one can be retrained)
      await em.query("DELETE p FROM routing_model_part p JOIN routing_model m ON m.id = p.model_id WHERE m.status IN ('retired', 'rejected') AND m.id <> ?", [
        id,
      ]);
    });
  }

  async parts(id: number): Promise<Buffer[]> {
    const rows: { data: Buffer }[] = await this.ds.query('SELECT data FROM routing_model_part WHERE model_id = ? ORDER BY part', [id]);
    return rows.map((r) => r.data);
  }

  async view(): Promise<RoutingModelView> {
    const [serving, latest] = await Promise.all([this.serving(), this.latest()]);
    const base = serving ?? null;
    return {
      status: base ? 'serving' : (latest?.status ?? 'none'),
      version: base?.id ?? null,
      samples: base?.samples ?? 0,
      trainedAt: base?.trained_at ? new Date(base.trained_at).toISOString() : null,
      holdout: { top1: base?.holdout_top1 ?? null, top3: base?.holdout_top3 ?? null, n: base?.holdout_n ?? 0, unitTop1: base?.unit_top1 ?? null },
      latest:
        latest && latest.id !== base?.id
          ? { version: latest.id, status: latest.status, error: latest.error, holdout: { top1: latest.holdout_top1, top3: latest.holdout_top3 } }
          : null,
    };
  }
}
