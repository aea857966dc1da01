import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@unionhome/shared';
import { AppException } from '../common/app-exception';
import { AuthUser, IS_PUBLIC, ROLES_KEY } from '../common/auth-user';
import { UsersRepository } from '../users/users.repository';

interface AccessClaims {
  sub: string;
  roles: Role[];
  orgs: Partial<Record<Role, string>>;
  typ: 'access';
  /** users.authVersion when the token was issued. */
  av?: number;
}

/**
 * Global guard: every route needs a valid access token unless marked @Public(); @Roles() then
 * narrows it (admin passes every role check). Expired, forged or missing tokens → 401.
 *
 * A token is also checked against the person's current authVersion (one primary-key read): a role
 * granted or revoked, a deletion or a logout everywhere raises it, so the old token stops at the very
 * next request on every instance (401; the app refreshes and gets a token with the roles as they are now).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(private readonly jwt: JwtService, private readonly reflector: Reflector, private readonly users: UsersRepository) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers['authorization'];
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (!token) throw new AppException('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED);
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(token);
    } catch {
      throw new AppException('TOKEN_INVALID', HttpStatus.UNAUTHORIZED);
    }
    if (claims.typ !== 'access' || !claims.sub) throw new AppException('TOKEN_INVALID', HttpStatus.UNAUTHORIZED);
    if ((await this.users.authVersionOf(claims.sub)) !== (claims.av ?? 0)) throw new AppException('TOKEN_INVALID', HttpStatus.UNAUTHORIZED);
    const user: AuthUser = { id: claims.sub, roles: claims.roles ?? [], orgs: claims.orgs ?? {} };
    req.user = user;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (required?.length && !user.roles.includes('admin') && !required.some((r) => user.roles.includes(r))) {
      throw new AppException('FORBIDDEN', HttpStatus.FORBIDDEN);
    }
    return true;
  }
}
