import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@unionhome/shared';

/** The caller, from the verified access token. */
export interface AuthUser {
  id: string;
  /** Staff roles from the token; `member` is not here: membership is checked against the database. */
  roles: Role[];
  /** The organisation each scoped role acts for (officer → its union, venue_staff → its palace). */
  orgs: Partial<Record<Role, string>>;
}

export const IS_PUBLIC = 'uh:isPublic';
export const ROLES_KEY = 'uh:roles';

/** No login needed (health, invite preview, auth itself). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Any of these roles may call the handler; others get 403. `admin` passes every role check. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user;
});

export function hasRole(user: AuthUser, role: Role): boolean {
  return user.roles.includes(role) || user.roles.includes('admin');
}
