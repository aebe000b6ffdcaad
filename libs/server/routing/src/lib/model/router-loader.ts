import { Injectable, Logger } from '@nestjs/common';
import { Analyzer } from '@hotline/server-knowledge';
import { ChangeBus } from '@hotline/server-platform';
import { decodeRouter, type RouterModel } from '../learner/model-codec';
import { RoutingModelStore } from './routing-model.store';

/** ChangeBus topic: a new routing model serves (every API process reloads it). */
export const ROUTING_CHANGED = 'routing-model';

export interface LoadedRouter {
  id: number;
  router: RouterModel;
}

/** The serving model of this process: loaded on first use, again when the ChangeBus says another serves. */
@Injectable()
export class RouterLoader {
  private readonly logger = new Logger(RouterLoader.name);
  /** one segmenter per process (its dictionary takes ≈ 0.2 s to load) */
  readonly analyzer = new Analyzer();
  private loading: Promise<LoadedRouter | null> | null = null;

  constructor(
    private readonly store: RoutingModelStore,
    bus: ChangeBus,
  ) {
    // the model in memory serves until the new one is loaded
    bus.on(ROUTING_CHANGED, () => {
      const next = this.load();
      next.then((m) => m && (this.loading = Promise.resolve(m))).catch(() => undefined);
    });
  }

  current(): Promise<LoadedRouter | null> {
    this.loading ??= this.load().catch((e: Error) => {
      this.logger.warn(`cannot load the routing model: ${e.message}`);
      this.loading = null;
      return null;
    });
    return this.loading;
  }

  private async load(): Promise<LoadedRouter | null> {
    const row = await this.store.serving();
    if (!row) return null;
    const parts = await this.store.parts(row.id);
    if (parts.length === 0) return null;
    return { id: row.id, router: decodeRouter(parts, this.analyzer) };
  }
}
