import { BadRequestException, Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { UserType } from '../graphql/user.type';
import { AccountType, UsersService } from '../users/users.service';
import { AuthUser } from './auth-user';
import { LocalAuthGuard } from './guards';
import { SessionTokenService } from './session-token.service';

/** REST sign-in for the web: sets the httpOnly session cookie and returns the token too. */
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: SessionTokenService,
  ) {}

  @Post('register')
  async register(
    @Body() body: { email?: string; password?: string; displayName?: string; accountType?: AccountType },
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.users.register({
      email: String(body?.email ?? ''),
      password: String(body?.password ?? ''),
      displayName: String(body?.displayName ?? ''),
      accountType: body?.accountType,
    });
    if (!result.ok) {
      const first = result.errors[0];
      throw new BadRequestException({ message: first.message, field: first.field.at(-1), code: first.code, errors: result.errors });
    }
    const token = this.tokens.issue(result.user);
    this.tokens.setCookie(res, token);
    res.status(201);
    return { user: UserType.from(result.user, { withEmail: true }), token };
  }

  @Post('login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  async login(@Req() req: Request & { user: AuthUser }, @Res({ passthrough: true }) res: Response) {
    const user = (await this.users.findById(req.user.id))!;
    const token = this.tokens.issue(user);
    this.tokens.setCookie(res, token);
    return { user: UserType.from(user, { withEmail: true }), token };
  }

  @Post('logout')
  @HttpCode(204)
  logout(@Res({ passthrough: true }) res: Response): void {
    this.tokens.clearCookie(res);
  }
}
