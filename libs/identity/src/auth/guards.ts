import { ExecutionContext, ForbiddenException, Injectable, SetMetadata, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { AuthUser } from './auth-user';
import { Role } from '../users/role.enum';

/** The HTTP request behind a REST or GraphQL call. */
export function requestOf(context: ExecutionContext): any {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}

const ROLES_KEY = 'wetube:roles';
/** Only callers holding one of these roles get through (admins always do). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Requires a signed-in user (JWT from cookie or bearer); checks @Roles when present. */
@Injectable()
export class AuthenticatedGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  getRequest(context: ExecutionContext): any {
    return requestOf(context);
  }

  handleRequest<T = AuthUser>(err: unknown, user: T, _info: unknown, context: ExecutionContext): T {
    if (err || !user) throw new UnauthorizedException('Sign in to do this.');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    const held = (user as unknown as AuthUser).roles;
    if (roles?.length && !held.includes(Role.ADMIN) && !roles.some((r) => held.includes(r))) {
      throw new ForbiddenException(`This needs the ${roles.join(' or ')} role.`);
    }
    return user;
  }
}

/** Lets anonymous callers through; sets req.user when a valid session is present. */
@Injectable()
export class OptionalAuthGuard extends AuthGuard('jwt') {
  getRequest(context: ExecutionContext): any {
    return requestOf(context);
  }

  handleRequest<T = AuthUser>(_err: unknown, user: T): T {
    return (user || null) as T;
  }
}

/** The signed-in user (or null behind OptionalAuthGuard). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser | null => {
  return requestOf(context).user ?? null;
});
