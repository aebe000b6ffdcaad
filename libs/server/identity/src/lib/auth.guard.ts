import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { SSE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@hotline/contracts';
import { AppException, IS_PUBLIC_KEY } from '@hotline/server-platform';
import { ROLES_KEY } from './auth-user';
import { UsersService } from './users.service';

export const QUERY_TOKEN_KEY = 'acceptsQueryToken';
/**
 * Lets a GET route take the token as `?access_token=`, for clients that cannot send headers. Server-sent-event
 * routes (`@Sse`) need no marking: EventSource is the reason the query token exists. Every other route refuses it,
 * since a URL ends up in logs, browser history and Referer headers.
 */
export const AcceptsQueryToken = () => SetMetadata(QUERY_TOKEN_KEY, true);

/** Global guard: a valid bearer token of an active user, then the route's roles if it names any. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const token = this.tokenOf(ctx, req);
    if (!token) throw new AppException('UNAUTHENTICATED', 'login required');
    let sub: number;
    try {
      const payload = await this.jwt.verifyAsync<{ sub: number; exp?: number }>(token);
      // jsonwebtoken checks exp only when it is there; a token without one would be valid forever
      if (typeof payload.exp !== 'number') throw new Error('no exp');
      sub = payload.sub;
    } catch {
      throw new AppException('UNAUTHENTICATED', 'invalid or expired token');
    }
    const user = await this.users.findActiveCached(sub);
    if (!user) throw new AppException('UNAUTHENTICATED', 'user disabled or removed');
    req.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) throw new AppException('FORBIDDEN_ROLE', `role ${user.role} may not do this`);
    return true;
  }

  private tokenOf(
    ctx: ExecutionContext,
    req: { method?: string; headers?: Record<string, string | undefined>; query?: Record<string, unknown> },
  ): string | undefined {
    const header = req.headers?.['authorization'];
    if (header?.startsWith('Bearer ')) return header.slice(7);
    const query = req.query?.['access_token'];
    if (req.method !== 'GET' || typeof query !== 'string') return undefined;
    const handler = ctx.getHandler();
    const allowed = this.reflector.get<boolean>(SSE_METADATA, handler) || this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN_KEY, [handler, ctx.getClass()]);
    return allowed ? query : undefined;
  }
}
