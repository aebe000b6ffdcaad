import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type Redis from 'ioredis';
import type { LoginResponse } from '@hotline/contracts';
import { AppConfig, AppException, REDIS } from '@hotline/server-platform';
import { verifyPassword } from './password';
import { UsersService } from './users.service';

export const MAX_FAILED_LOGINS = 5;
export const FAILED_LOGIN_WINDOW_S = 15 * 60;

// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Failed attempts are counted per username and client in Redis, so every API instance sees them. */
  async login(username: string, password: string, clientIp: string): Promise<LoginResponse> {
    // under the deployment's prefix, so two deployments sharing a Redis do not share failure counts
    const key = `${this.config.QUEUE_PREFIX}:login-fail:${username.toLowerCase()}:${clientIp}`;
    const failures = Number(await this.redis.get(key)) || 0;
    if (failures >= MAX_FAILED_LOGINS) {
      const ttl = await this.redis.ttl(key);
      throw new AppException('TOO_MANY_REQUESTS', `too many failed logins; try again in ${Math.max(ttl, 1)} s`, { retryAfterSeconds: ttl });
    }
    const row = await this.users.findByUsername(username);
    const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
    if (!row || !ok || !row.active) {
      await this.redis.multi().incr(key).expire(key, FAILED_LOGIN_WINDOW_S).exec();
      throw new AppException('INVALID_CREDENTIALS', 'wrong username or password');
    }
    await this.redis.del(key);
    const accessToken = await this.jwt.signAsync({ sub: row.id, username: row.username, role: row.role });
    return { accessToken, user: await this.users.view(row.id) };
  }
}
