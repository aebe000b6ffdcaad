import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HOT_CLUSTER_SCAN, type ClusterOrder, type HotClustersResponse, type OrderCluster } from '@hotline/contracts';
import { addDays, chinaDayStart, isIsoDate } from '@hotline/domain';
import { AppException } from '@hotline/server-platform';
import { clusterOrders, type Cluster } from './cluster-orders';

/** the dispatcher queue rarely holds more; beyond it the newest are grouped */
const QUEUE_SCAN = 2_000;
const LISTED = 50;
const PREVIEW = 60;

interface Row {
  id: string;
  number: string;
  status: string;
  address: string | null;
  content: string;
  created_at: Date;
}

/** Orders that look like one matter: in the dispatcher's queue (to merge) and over a period (hot spots for leaders). */
@Injectable()
export class OrderClustersService {
  /** most orders of a period read for hot clusters (a test lowers it to see the truncation) */
  scanLimit = HOT_CLUSTER_SCAN;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Groups of two or more registered (not yet dispatched, not merged) orders. */
  async queue(): Promise<OrderCluster[]> {
    const rows: Row[] = await this.ds.query(
      `SELECT id, number, status, address, content, created_at FROM work_order
       WHERE status = 'registered' AND merged_into_id IS NULL ORDER BY id DESC LIMIT ${QUEUE_SCAN}`,
    );
    return this.cluster(rows, 2);
  }

  /** Groups of at least `min` orders created in the China-date period, of its newest `scanLimit` orders. */
  async hot(from: string, to: string, min: number): Promise<HotClustersResponse> {
    const bad = (field: string, message: string) => new AppException('VALIDATION_FAILED', `${field}: ${message}`, [{ field, messages: [message] }]);
    if (!isIsoDate(from)) throw bad('from', 'not a calendar date');
    if (!isIsoDate(to)) throw bad('to', 'not a calendar date');
    if (to < from) throw bad('to', 'must not be before from');
    // merged orders count: each is a caller about the matter
    const rows: Row[] = await this.ds.query(
      `SELECT id, number, status, address, content, created_at FROM work_order
       WHERE created_at >= ? AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT ${this.scanLimit + 1}`,
      [chinaDayStart(from), chinaDayStart(addDays(to, 1))],
    );
    const truncated = rows.length > this.scanLimit;
    const read = truncated ? rows.slice(0, this.scanLimit) : rows;
    return { from, to, min, scanned: read.length, truncated, clusters: this.cluster(read, min) };
  }

  private cluster(rows: Row[], min: number): OrderCluster[] {
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const found = clusterOrders(
      rows.map((r) => ({ id: Number(r.id), address: r.address, content: r.content, createdAt: new Date(r.created_at).getTime() })),
      { minSize: min },
    );
    return found.map((c: Cluster) => ({
      key: c.key,
      label: c.label,
      reason: c.reason,
      count: c.ids.length,
      orders: c.ids.slice(0, LISTED).map((id): ClusterOrder => {
        const r = byId.get(id) as Row;
        return { id, number: r.number, status: r.status, createdAt: new Date(r.created_at).toISOString(), contentPreview: r.content.slice(0, PREVIEW) };
      }),
    }));
  }
}
