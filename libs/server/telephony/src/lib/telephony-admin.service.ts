import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TelephonyAdminView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { AppException, audit, inTransaction } from '@hotline/server-platform';

const newToken = () => randomBytes(24).toString('base64url');
const DUPLICATE_KEY = 1062;

/** The PBX endpoints (URL with its secret token, rotated by admins) and the agents' phone extensions. */
@Injectable()
export class TelephonyAdminService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** `origin` is the scheme and host the admin reached the API at: the URL a bridge on the same network uses. */
  async view(origin: string): Promise<TelephonyAdminView> {
    await this.ensureOne();
    const pbxs: { id: number; name: string; token: string; platform_id: number; rotated_at: Date | null }[] = await this.ds.query(
      'SELECT id, name, token, platform_id, rotated_at FROM cti_endpoint ORDER BY id',
    );
    const users = await this.ds.query(
      "SELECT id, username, display_name, role, phone_extension FROM app_user WHERE active = 1 AND role IN ('agent', 'callback_agent', 'supervisor') ORDER BY role, id",
    );
    const list = pbxs.map((p) => ({
      id: Number(p.id),
      name: p.name,
      token: p.token,
      endpoint: `${origin}/api/cti/${p.token}`,
      platformId: Number(p.platform_id),
      rotatedAt: p.rotated_at ? p.rotated_at.toISOString() : null,
    }));
    return {
      pbxs: list,
      endpoint: list[0]?.endpoint ?? '',
      extensions: users.map((u: Record<string, unknown>) => ({
        userId: Number(u['id']),
        username: u['username'] as string,
        displayName: u['display_name'] as string,
        role: u['role'] as string,
        extension: (u['phone_extension'] as string | null) ?? null,
      })),
    };
  }

  /** A new token: the old URL stops working at once (the bridge must be given the new one). */
  async rotate(actor: AuthUser, id: number, origin: string): Promise<TelephonyAdminView> {
    await inTransaction(this.ds, async (em) => {
      const res = await em.query('UPDATE cti_endpoint SET token = ?, rotated_at = ? WHERE id = ?', [newToken(), new Date(), id]);
      if (!res.affectedRows) throw new AppException('NOT_FOUND', 'no such PBX');
      await audit(em, actor, 'cti_endpoint', id, 'rotate-token');
    });
    return this.view(origin);
  }

  async setExtension(actor: AuthUser, userId: number, extension: string | null): Promise<TelephonyAdminView['extensions'][number]> {
    await inTransaction(this.ds, async (em) => {
      const [u] = await em.query('SELECT id, phone_extension FROM app_user WHERE id = ? FOR UPDATE', [userId]);
      if (!u) throw new AppException('NOT_FOUND', 'no such user');
      try {
        await em.query('UPDATE app_user SET phone_extension = ? WHERE id = ?', [extension, userId]);
      } catch (e) {
        if ((e as { errno?: number }).errno === DUPLICATE_KEY || (e as { driverError?: { errno?: number } }).driverError?.errno === DUPLICATE_KEY)
          throw new AppException('DUPLICATE', 'another user has that extension', [{ field: 'extension', messages: ['already in use'] }]);
        throw e;
      }
      await audit(em, actor, 'user', userId, 'set-extension', { from: u.phone_extension ?? null, to: extension });
    });
    const [u] = await this.ds.query('SELECT id, username, display_name, role, phone_extension FROM app_user WHERE id = ?', [userId]);
    return { userId: Number(u.id), username: u.username, displayName: u.display_name, role: u.role, extension: u.phone_extension ?? null };
  }

  /** The first PBX is made on first use, for the city platform, so a fresh deployment has an endpoint to show. */
  private async ensureOne(): Promise<void> {
    const [{ n }] = await this.ds.query('SELECT COUNT(*) AS n FROM cti_endpoint');
    if (Number(n) > 0) return;
    await this.ds.query(
      "INSERT INTO cti_endpoint (name, token, platform_id) SELECT '12345 话务平台', ?, id FROM platform WHERE code = 'city' AND NOT EXISTS (SELECT 1 FROM cti_endpoint)",
      [newToken()],
    );
  }
}
