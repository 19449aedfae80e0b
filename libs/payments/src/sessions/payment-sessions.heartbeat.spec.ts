import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PlaybackProgress, PlaybackProgressHooks } from '@wetube/catalog';
import { fake, newTestService } from '@wetube/testing';
import { PaymentSession, PaymentSessionsRepository } from './payment-sessions.repository';
import { PaymentSessionsService } from './payment-sessions.service';

// Small tests of the heartbeat: what it records and what it tells the watch-progress hook (engagement's view counting).

function session(over: Partial<PaymentSession> = {}): PaymentSession {
  const started = new Date(Date.now() - 5_000);
  return {
    id: 's1',
    videoId: 'v1',
    creatorId: 'creator',
    viewerId: 'viewer',
    viewerKey: 'viewer',
    sessionPublicKey: 'k',
    adFree: false,
    funding: 'NONE',
    holdId: null,
    budget: 0n,
    segmentMs: 2000,
    streams: 1,
    videoSegments: 10,
    startedAt: started,
    expiresAt: new Date(Date.now() + 3600_000),
    lastSeenAt: started,
    endedAt: null,
    watchedMs: 0,
    closedAt: null,
    ...over,
  };
}

function service(s: PaymentSession | null, progressed?: (p: PlaybackProgress) => Promise<void>) {
  return newTestService(PaymentSessionsService, {
    fakes: [
      fake(PaymentSessionsRepository, { get: async () => s, heartbeat: async () => undefined }),
      ...(progressed ? [fake(PlaybackProgressHooks, { progressed })] : []),
    ],
  });
}

describe('PaymentSessionsService.heartbeat (small)', () => {
  it('clamps a claimed watch time to the wall clock since the start and hands the recorded time on', async () => {
    const seen: PlaybackProgress[] = [];
    const t = service(session(), async (p) => void seen.push(p));
    const before = Date.now();
    assert.equal(await t.sut.heartbeat('s1', 'viewer', 600, false), 'OK');
    const [[id, , watched, ended]] = t.callsTo('PaymentSessionsRepository.heartbeat') as [string, Date, number, boolean][];
    assert.equal(id, 's1');
    assert.equal(ended, false);
    assert.ok(watched >= 5_000 && watched <= Date.now() - before + 5_100, `600 s claimed 5 s into the session: ${watched} ms recorded`);
    assert.equal(seen.length, 1);
    assert.deepEqual(
      { ...seen[0], at: undefined },
      {
        sessionId: 's1',
        videoId: 'v1',
        creatorId: 'creator',
        viewerId: 'viewer',
        viewerKey: 'viewer',
        watchedMs: watched,
        attendedMs: watched,
        ended: false,
        at: undefined,
      },
    );
  });

  it("hands on the attended time (visible or audible) clamped to this heartbeat's played time; a negative one is refused", async () => {
    const seen: PlaybackProgress[] = [];
    const t = service(session({ startedAt: new Date(Date.now() - 60_000) }), async (p) => void seen.push(p));
    assert.equal(await t.sut.heartbeat('s1', 'viewer', 30, false, 12.5), 'OK');
    assert.equal(await t.sut.heartbeat('s1', 'viewer', 30, true, 45), 'OK');
    assert.equal(await t.sut.heartbeat('s1', 'viewer', 30, false, -1), 'INVALID');
    assert.equal(await t.sut.heartbeat('s1', 'viewer', 30, false, Number.POSITIVE_INFINITY), 'INVALID');
    assert.deepEqual(
      seen.map((p) => [p.watchedMs, p.attendedMs, p.ended]),
      [
        [30_000, 12_500, false],
        [30_000, 30_000, true],
      ],
    );
  });

  it('hands on the larger of the recorded and the new watch time (it only grows)', async () => {
    const seen: number[] = [];
    const t = service(session({ watchedMs: 4_000, startedAt: new Date(Date.now() - 60_000) }), async (p) => void seen.push(p.watchedMs));
    await t.sut.heartbeat('s1', 'viewer', 1, false);
    assert.deepEqual(seen, [4_000]);
  });

  it('anonymous sessions pass their viewer key; a closed session, a stranger or bad input tells the hook nothing', async () => {
    const seen: PlaybackProgress[] = [];
    const anon = service(session({ viewerId: null, viewerKey: 'ip:abc' }), async (p) => void seen.push(p));
    assert.equal(await anon.sut.heartbeat('s1', null, 40, true), 'OK');
    assert.equal(seen[0].viewerKey, 'ip:abc');
    assert.equal(seen[0].viewerId, null);
    const closed = service(session({ closedAt: new Date() }), async (p) => void seen.push(p));
    assert.equal(await closed.sut.heartbeat('s1', 'viewer', 40, false), 'OK');
    assert.equal(await anon.sut.heartbeat('s1', 'someone-else', 40, false), 'NOT_FOUND');
    assert.equal(await anon.sut.heartbeat('s1', null, Number.NaN, false), 'INVALID');
    assert.equal(seen.length, 1);
  });

  it('a failing hook never fails the heartbeat', async () => {
    const t = service(session(), async () => {
      throw new Error('database away');
    });
    assert.equal(await t.sut.heartbeat('s1', 'viewer', 3, false), 'OK');
  });

  it('without the hook (no engagement module) the heartbeat records as before', async () => {
    const t = service(session());
    assert.equal(await t.sut.heartbeat('s1', 'viewer', 3, false), 'OK');
    assert.equal(t.callsTo('PaymentSessionsRepository.heartbeat').length, 1);
  });
});
