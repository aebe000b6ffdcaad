import { Injectable } from '@nestjs/common';
import { ReferenceService } from '@hotline/server-reference-data';
import type { RefNames } from './mappers';

/** id → name lookups for the mappers, rebuilt only when the reference snapshot changes. */
@Injectable()
export class RefNamesCache {
  private cached: { snap: object; names: RefNames } | null = null;

  constructor(private readonly ref: ReferenceService) {}

  async names(): Promise<RefNames> {
    const snap = await this.ref.snapshot();
    if (this.cached?.snap === snap) return this.cached.names;
    const cats = new Map(snap.categories.map((c) => [c.id, c.path]));
    const units = new Map(snap.units.map((u) => [u.id, u.name]));
    const names: RefNames = { categoryPath: (id) => cats.get(id) ?? '', unitName: (id) => (id == null ? null : (units.get(id) ?? null)) };
    this.cached = { snap, names };
    return names;
  }
}
