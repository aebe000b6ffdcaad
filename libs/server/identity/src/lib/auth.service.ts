import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type Redis from 'ioredis';
import type { LoginResponse } from '@hotline/contracts';
import { AppConfig, AppException, REDIS, redisForRequest } from '@hotline/server-platform';
import { verifyPassword } from './password';
import { UsersService } from './users.service';

/** Failed logins allowed per account and client address in the window. */
export const MAX_FAILED_LOGINS = 5;
/** Failed logins allowed per account from all addresses together: a spray from many addresses stops here. */
export const MAX_FAILED_LOGINS_PER_ACCOUNT = 20;
export const FAILED_LOGIN_WINDOW_S = 15 * 60;

/**
 * The one spelling of a username for the lookup and the failure counters. MariaDB ignores trailing spaces and
 * case when comparing (PAD SPACE, a _ci collation), so "agent ", "Agent" and "agent" find the same row; unless
 * they also share one counter, each spelling gets fresh attempts. Usernames are created lowercase.
 */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

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

  /**
   * Failed attempts are counted in Redis (so every API instance sees them) twice: per account and client address,
   * and per account alone, so neither a changing address nor a changing spelling of the username buys new tries.
   */
  async login(rawUsername: string, password: string, clientIp: string): Promise<LoginResponse> {
    const username = normalizeUsername(rawUsername);
    // under the deployment's prefix, so two deployments sharing a Redis do not share failure counts
    const pairKey = `${this.config.QUEUE_PREFIX}:login-fail:${username}:${clientIp}`;
    const accountKey = `${this.config.QUEUE_PREFIX}:login-fail-account:${username}`;
    const [pair, account] = (await redisForRequest(this.redis, (r) => r.mget(pairKey, accountKey))).map((v) => Number(v) || 0);
    const full = pair >= MAX_FAILED_LOGINS ? pairKey : account >= MAX_FAILED_LOGINS_PER_ACCOUNT ? accountKey : null;
    if (full) {
      const ttl = Math.max(await redisForRequest(this.redis, (r) => r.ttl(full)), 1);
      throw new AppException('TOO_MANY_REQUESTS', `too many failed logins; try again in ${ttl} s`, { retryAfterSeconds: ttl });
    }
    const row = await this.users.findByUsername(username);
    const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
    if (!row || !ok || !row.active) {
      // the window starts at the first failure (NX): later failures do not push it out
      await redisForRequest(this.redis, (r) =>
        r.multi().incr(pairKey).expire(pairKey, FAILED_LOGIN_WINDOW_S, 'NX').incr(accountKey).expire(accountKey, FAILED_LOGIN_WINDOW_S, 'NX').exec(),
      );
      throw new AppException('INVALID_CREDENTIALS', 'wrong username or password');
    }
    // the account-wide count stays until its window ends: one success in the middle of a spray must not reset it
    await redisForRequest(this.redis, (r) => r.del(pairKey));
    const accessToken = await this.jwt.signAsync({ sub: row.id, username: row.username, role: row.role });
    return { accessToken, user: await this.users.view(row.id) };
  }
}
