import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@hotline/contracts';
import { AppException, IS_PUBLIC_KEY } from '@hotline/server-platform';
import { ROLES_KEY } from './auth-user';
import { UsersService } from './users.service';

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
    const header: string | undefined = req.headers?.authorization;
    // EventSource cannot send headers, so the SSE stream may pass the token as ?access_token=
    const token = header?.startsWith('Bearer ') ? header.slice(7) : (req.query?.access_token as string | undefined);
    if (!token) throw new AppException('UNAUTHENTICATED', 'login required');
    let sub: number;
    try {
      sub = (await this.jwt.verifyAsync<{ sub: number }>(token)).sub;
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
}
