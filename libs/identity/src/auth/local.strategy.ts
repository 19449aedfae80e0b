import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { UsersService } from '../users/users.service';
import { AuthUser } from './auth-user';

/** passport-local: email + password from the request body. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly users: UsersService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<AuthUser> {
    const user = await this.users.authenticate(email, password);
    if (!user) throw new UnauthorizedException('Wrong email or password.');
    return { id: user.id, roles: user.roles };
  }
}
