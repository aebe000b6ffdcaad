import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Open311KeyIssued, Open311KeyView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { AppException, audit, inTransaction } from '@hotline/server-platform';

interface KeyRow {
  id: number | string;
  name: string;
  key_prefix: string;
  created_at: Date;
  revoked_at: Date | null;
}

const toView = (r: KeyRow): Open311KeyView => ({
  id: Number(r.id),
  name: r.name,
  prefix: r.key_prefix,
  createdAt: new Date(r.created_at).toISOString(),
  revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
});

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Open311 api_keys (admin): only a hash is stored; the key is shown once, when issued. */
@Injectable()
export class Open311KeysService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(): Promise<Open311KeyView[]> {
    return ((await this.ds.query('SELECT id, name, key_prefix, created_at, revoked_at FROM open311_key ORDER BY id')) as KeyRow[]).map(toView);
  }

  async issue(user: AuthUser, name: string): Promise<Open311KeyIssued> {
    const apiKey = `o311_${randomBytes(24).toString('base64url')}`;
    return inTransaction(this.ds, async (em) => {
      const res: { insertId: number } = await em.query('INSERT INTO open311_key (name, key_hash, key_prefix, created_by) VALUES (?, ?, ?, ?)', [
        name,
        hashKey(apiKey),
        apiKey.slice(0, 9),
        user.id,
      ]);
      await audit(em, user, 'open311-key', res.insertId, 'create', { name });
      const [row]: KeyRow[] = await em.query('SELECT id, name, key_prefix, created_at, revoked_at FROM open311_key WHERE id = ?', [res.insertId]);
      return { ...toView(row), apiKey };
    });
  }

  async revoke(user: AuthUser, id: number): Promise<void> {
    await inTransaction(this.ds, async (em) => {
      const res: { affectedRows: number } = await em.query('UPDATE open311_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [new Date(), id]);
      if (!res.affectedRows) throw new AppException('NOT_FOUND', `no active Open311 key ${id}`);
      await audit(em, user, 'open311-key', id, 'revoke');
    });
  }

  /** The key's id and name, or null when unknown or revoked. */
  async verify(apiKey: string | undefined): Promise<{ id: number; name: string } | null> {
    if (!apiKey) return null;
    const [row]: { id: number | string; name: string }[] = await this.ds.query('SELECT id, name FROM open311_key WHERE key_hash = ? AND revoked_at IS NULL', [
      hashKey(apiKey),
    ]);
    return row ? { id: Number(row.id), name: row.name } : null;
  }
}
