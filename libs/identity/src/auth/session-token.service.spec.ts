import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@wetube/platform';
import { Role } from '../users/role.enum';
import { SESSION_COOKIE } from './auth-user';
import { SessionTokenService } from './session-token.service';

// Small tests of session tokens with a real JwtService (signing is pure: no fake needed).

const config = AppConfig.fromEnv({ NODE_ENV: 'test', DATA_DIR: '/nonexistent/wetube', JWT_SECRET: 'x'.repeat(32), JWT_TTL_SEC: '3600' });
const tokens = (secret = 'x'.repeat(32)) => new SessionTokenService(new JwtService({ secret }), config);

describe('SessionTokenService (small)', () => {
  it('a token it issues reads back as the same user and roles', () => {
    const s = tokens();
    const token = s.issue({ id: 'u1', roles: [Role.ADMIN] });
    assert.deepEqual(s.verify(token), { id: 'u1', roles: [Role.ADMIN] });
  });

  it('a missing, forged or expired token is nobody', () => {
    const s = tokens();
    assert.equal(s.verify(undefined), null);
    assert.equal(s.verify(''), null);
    assert.equal(s.verify(tokens('y'.repeat(32)).issue({ id: 'u1', roles: [] })), null, 'signed with another secret');
    const expired = new JwtService({ secret: 'x'.repeat(32) }).sign({ sub: 'u1', roles: [] }, { expiresIn: -10 });
    assert.equal(s.verify(expired), null);
  });

  it('reads the bearer header first, then the session cookie (parsed or raw)', () => {
    const s = tokens();
    const a = s.issue({ id: 'a', roles: [] });
    const b = s.issue({ id: 'b', roles: [] });
    assert.equal(s.fromRequest({ headers: { authorization: `Bearer ${a}`, cookie: `${SESSION_COOKIE}=${b}` } })?.id, 'a');
    assert.equal(s.fromRequest({ headers: {}, cookies: { [SESSION_COOKIE]: b } })?.id, 'b');
    assert.equal(s.fromRequest({ headers: { cookie: `theme=dark; ${SESSION_COOKIE}=${encodeURIComponent(b)}` } })?.id, 'b');
    assert.equal(s.fromRequest({ headers: { cookie: 'theme=dark' } }), null);
  });

  it('the cookie is httpOnly, SameSite=Lax, lives as long as the token, and is Secure only in production', () => {
    const set: unknown[][] = [];
    tokens().setCookie({ cookie: (...args: unknown[]) => set.push(args) } as never, 'tok');
    assert.deepEqual(set, [[SESSION_COOKIE, 'tok', { httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 3_600_000 }]]);
  });
});
