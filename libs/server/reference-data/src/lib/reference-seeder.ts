import type { DataSource, EntityManager } from 'typeorm';
import { APPEAL_TYPES, CHANNELS } from '@hotline/contracts';
import { CN_HOLIDAYS } from '@hotline/domain';
import { inTransaction } from '@hotline/server-platform';
import { CATEGORIES, PLATFORMS, REGIONS, TOPICS, UNITS } from './seed/lianyungang.data';
import type { CategorySeed } from './seed/seed-types';

/**
 * Loads Lianyungang's reference data. Idempotent (upserts by code), so it runs on every `npm run demo`
 * and after upgrades; it never deletes what an admin added.
 */
export async function seedReferenceData(ds: DataSource): Promise<void> {
  await inTransaction(ds, async (em) => {
    for (const [i, r] of REGIONS.entries()) {
      await em.query(
        'INSERT INTO region (code, name, kind, sort) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind), sort = VALUES(sort)',
        [r.code, r.name, r.kind, r.sort ?? i],
      );
    }
    const regionId = await idsByCode(em, 'region');

    // parents before children: top-level units first
    const ordered = [...UNITS.filter((u) => !u.parentCode), ...UNITS.filter((u) => u.parentCode)];
    for (const [i, u] of ordered.entries()) {
      const parent = u.parentCode ? (await idsByCode(em, 'unit')).get(u.parentCode) : null;
      await em.query(
        `INSERT INTO unit (code, name, kind, parent_id, region_id, is_county, sort) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind), parent_id = VALUES(parent_id), region_id = VALUES(region_id), is_county = VALUES(is_county)`,
        [u.code, u.name, u.kind, parent ?? null, u.regionCode ? (regionId.get(u.regionCode) ?? null) : null, u.county ? 1 : 0, i],
      );
    }
    const unitId = await idsByCode(em, 'unit');

    const walk = async (nodes: CategorySeed[], parentId: number | null, parentPath: string | null, level: number) => {
      for (const [i, c] of nodes.entries()) {
        const path = parentPath ? `${parentPath}/${c.name}` : c.name;
        await em.query(
          `INSERT INTO category (code, name, parent_id, level, path, default_unit_id, sort) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON DUPLICATE KEY UPDATE name = VALUES(name), parent_id = VALUES(parent_id), level = VALUES(level), path = VALUES(path), default_unit_id = VALUES(default_unit_id)`,
          [c.code, c.name, parentId, level, path, c.defaultUnitCode ? (unitId.get(c.defaultUnitCode) ?? null) : null, i],
        );
        const [{ id }] = await em.query('SELECT id FROM category WHERE code = ?', [c.code]);
        if (c.children?.length) await walk(c.children, id, path, level + 1);
      }
    };
    await walk(CATEGORIES, null, null, 1);

    for (const [i, c] of CHANNELS.entries()) {
      await em.query(
        'INSERT INTO channel (code, name, grp, sort) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), grp = VALUES(grp), sort = VALUES(sort)',
        [c.code, c.name, c.group, i],
      );
    }
    for (const [i, t] of APPEAL_TYPES.entries()) {
      await em.query('INSERT INTO appeal_type (code, name, sort) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), sort = VALUES(sort)', [
        t.code,
        t.name,
        i,
      ]);
    }
    for (const [i, t] of TOPICS.entries()) {
      await em.query('INSERT INTO topic (code, name, sort) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)', [t.code, t.name, i]);
    }
    for (const p of PLATFORMS) {
      await em.query(
        'INSERT INTO platform (code, name, region_id) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), region_id = VALUES(region_id)',
        [p.code, p.name, p.regionCode ? (regionId.get(p.regionCode) ?? null) : null],
      );
    }
    for (const h of CN_HOLIDAYS) {
      await em.query('INSERT INTO holiday (day, kind, name) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name)', [
        h.date,
        h.kind,
        h.name,
      ]);
    }
  });
}

async function idsByCode(em: EntityManager, table: 'region' | 'unit'): Promise<Map<string, number>> {
  const rows: { id: number; code: string }[] = await em.query(`SELECT id, code FROM ${table}`);
  return new Map(rows.map((r) => [r.code, r.id]));
}
