import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { iceServersFor, turnCredential } from './ice-servers';

const settings = {
  stunUrls: ['stun:turn.test:3478'],
  turnUrls: ['turn:turn.test:3478?transport=udp', 'turn:turn.test:3478?transport=tcp'],
  turnSecret: 'a shared coturn secret',
  turnTtlSec: 3600,
};

describe('ICE servers and TURN credentials', () => {
  it('makes coturn use-auth-secret credentials: username expiry:user, credential base64 HMAC-SHA1 of it', () => {
    const c = turnCredential('s3cret-s3cret-s3', 'session-1', 1_900_000_000);
    assert.equal(c.username, '1900000000:session-1');
    // Independent check with the formula from coturn's turnserver.conf documentation.
    assert.equal(c.credential, createHmac('sha1', 's3cret-s3cret-s3').update('1900000000:session-1').digest('base64'));
    assert.notEqual(
      turnCredential('s3cret-s3cret-s3', 'session-2', 1_900_000_000).credential,
      c.credential,
      'another session, another credential',
    );
    assert.throws(() => turnCredential('x'.repeat(16), 'bad:user', 1), /TURN user/);
    assert.throws(() => turnCredential('x'.repeat(16), 'u', 0), /expiry/);
  });

  it('expires with the session, at most TURN_TTL_SEC from now; STUN as configured; nothing when nothing is set', () => {
    const now = new Date('2026-12-02T00:00:00Z');
    const soon = new Date(now.getTime() + 600_000);
    const [stun, turn] = iceServersFor(settings, 'sess', soon, now);
    assert.deepEqual(stun, { urls: ['stun:turn.test:3478'] });
    assert.deepEqual(turn.urls, settings.turnUrls);
    assert.equal(turn.username, `${now.getTime() / 1000 + 600}:sess`, 'the session ends first');
    const late = new Date(now.getTime() + 86_400_000);
    assert.equal(iceServersFor(settings, 'sess', late, now)[1].username, `${now.getTime() / 1000 + 3600}:sess`, 'capped by the TTL');
    assert.deepEqual(iceServersFor({ stunUrls: [], turnUrls: [], turnSecret: null, turnTtlSec: 60 }, 'sess', soon, now), []);
  });
});
