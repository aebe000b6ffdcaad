import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SimilarOrder, SimilarReason } from '@hotline/contracts';
import { addressKey } from '@hotline/domain';
import { RecentTextIndex } from './recent-text-index';

const DAY = 86_400_000;
/** how far back similar orders and repeats are looked for */
export const REPEAT_DAYS = 90;
/** same category in the same region counts as "nearby in time" within this many days */
const CATEGORY_DAYS = 3;
const REFRESH_MS = 5_000;
const CLOSED = new Set(['closed']);

export interface SimilarQuery {
  content: string;
  phone?: string | null;
  address?: string | null;
  regionId?: number | null;
  categoryId?: number | null;
  /** leave this order out (the order itself, when checking it for repeats) */
  excludeId?: number;
}

/** Similar orders of the last 90 days: same phone (SQL, indexed), same address, same category nearby, similar text. */
@Injectable()
export class SimilarOrdersService {
  private readonly index = new RecentTextIndex();
  private refreshedAt = 0;
  private refreshing: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Adds the orders created since the last refresh (at most every 5 s), drops those past 90 days. */
  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.refreshedAt < REFRESH_MS) return;
    this.refreshing ??= (async () => {
      const since = new Date(Date.now() - REPEAT_DAYS * DAY);
      for (;;) {
        const rows: { id: string; content: string; category_id: number; region_id: number | null; address: string | null; created_at: Date }[] =
          await this.ds.query(
            'SELECT id, content, category_id, region_id, address, created_at FROM work_order WHERE id > ? AND created_at >= ? ORDER BY id LIMIT 5000',
            [this.index.lastId, since],
          );
        for (const r of rows) {
          this.index.add(
            {
              id: Number(r.id),
              categoryId: r.category_id,
              regionId: r.region_id,
              addressKey: addressKey(r.address),
              createdAt: new Date(r.created_at).getTime(),
            },
            r.content,
          );
        }
        if (rows.length < 5000) break;
      }
      this.index.evict(since.getTime());
      this.refreshedAt = Date.now();
    })().finally(() => (this.refreshing = null));
    await this.refreshing;
  }

  /** Text similarity of the given orders to `content` (those not similar at all are left out). */
  async textScores(content: string, ids: number[]): Promise<{ id: number; score: number }[]> {
    await this.refresh();
    return this.index.scores(content, ids);
  }

  async find(q: SimilarQuery, limit = 8): Promise<SimilarOrder[]> {
    await this.refresh();
    const found = new Map<number, { reason: SimilarReason; score: number }>();
    const put = (id: number, reason: SimilarReason, score: number) => {
      if (id === q.excludeId) return;
      const prev = found.get(id);
      if (!prev || prev.score < score) found.set(id, { reason, score });
    };
    const since = new Date(Date.now() - REPEAT_DAYS * DAY);
    if (q.phone && q.phone.replace(/\D/g, '').length >= 5) {
      const rows: { id: string }[] = await this.ds.query(
        'SELECT id FROM work_order WHERE caller_phone = ? AND created_at >= ? ORDER BY created_at DESC LIMIT 10',
        [q.phone.trim(), since],
      );
      rows.forEach((r) => put(Number(r.id), 'phone', 0.9));
    }
    const key = addressKey(q.address);
    if (key) this.index.byAddressKey(key).forEach((id) => put(id, 'address', 0.8));
    if (q.categoryId) this.index.sameCategory(q.categoryId, q.regionId ?? null, Date.now() - CATEGORY_DAYS * DAY, 5).forEach((id) => put(id, 'category', 0.5));
    // text similarity outranks the weaker reasons when it is strong
    this.index.similarText(q.content, 10).forEach((h) => put(h.id, 'text', h.score));
    if (found.size === 0) return [];
    const ids = [...found.keys()];
    const rows: { id: string; number: string; status: string; content: string; created_at: Date }[] = await this.ds.query(
      `SELECT id, number, status, content, created_at FROM work_order WHERE id IN (${ids.map(() => '?').join(',')}) AND merged_into_id IS NULL`,
      ids,
    );
    return rows
      .map((r) => {
        const f = found.get(Number(r.id)) as { reason: SimilarReason; score: number };
        return {
          orderId: Number(r.id),
          number: r.number,
          score: Math.round(f.score * 1000) / 1000,
          reason: f.reason,
          status: r.status,
          open: !CLOSED.has(r.status),
          createdAt: new Date(r.created_at).toISOString(),
          content: r.content.slice(0, 120),
        };
      })
      .sort((a, b) => Number(b.open) - Number(a.open) || b.score - a.score || b.orderId - a.orderId)
      .slice(0, limit);
  }
}
