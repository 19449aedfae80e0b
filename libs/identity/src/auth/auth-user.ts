import { Role } from '../users/role.enum';

/** Who is calling: what a verified session token says. */
export interface AuthUser {
  id: string;
  roles: Role[];
}

export const SESSION_COOKIE = 'wetube_session';

export function isAdmin(user: AuthUser | null | undefined): boolean {
  return !!user && user.roles.includes(Role.ADMIN);
}
