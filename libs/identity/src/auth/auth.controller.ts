import { BadRequestException, Body, Controller, HttpCode, HttpException, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { UserType } from '../graphql/user.type';
import { AccountType, UsersService } from '../users/users.service';
import { SessionTokenService } from './session-token.service';
import { RateLimited, SignInService } from './sign-in.service';

/** REST sign-in for the web: sets the httpOnly session cookie and returns the token too. */
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: SessionTokenService,
    private readonly signIns: SignInService,
  ) {}

  @Post('register')
  async register(
    @Body() body: { email?: string; password?: string; displayName?: string; accountType?: AccountType },
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const limited = await this.signIns.register(req.ip ?? 'unknown');
    if (limited) throw tooManyRequests(res, limited);
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
  async login(@Body() body: { email?: unknown; password?: unknown }, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { email, password } = body ?? {};
    if (typeof email !== 'string' || typeof password !== 'string' || !email || !password)
      throw new UnauthorizedException('Give your email and password.');
    const r = await this.signIns.signIn(email, password, req.ip ?? 'unknown');
    if (!r.ok && r.code === 'RATE_LIMITED') throw tooManyRequests(res, r);
    if (!r.ok) throw new UnauthorizedException(r.message);
    const token = this.tokens.issue(r.user);
    this.tokens.setCookie(res, token);
    return { user: UserType.from(r.user, { withEmail: true }), token, securityNotice: r.notice };
  }

  @Post('logout')
  @HttpCode(204)
  logout(@Res({ passthrough: true }) res: Response): void {
    this.tokens.clearCookie(res);
  }
}

/** 429 with Retry-After (seconds) and the same fields as the GraphQL RATE_LIMITED error. */
function tooManyRequests(res: Response, r: RateLimited): HttpException {
  res.setHeader('Retry-After', String(r.retryAfterSec));
  return new HttpException(
    { statusCode: 429, code: r.code, message: r.message, retryAfterSec: r.retryAfterSec, retryAt: r.retryAt.toISOString() },
    429,
  );
}
