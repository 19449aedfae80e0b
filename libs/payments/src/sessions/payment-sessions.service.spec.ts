import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AccountKind, LedgerError, LedgerService, type Account } from '@wetube/ledger';
import { AppConfig } from '@wetube/platform';
import { fake, newTestService } from '@wetube/testing';
import { EntitlementsService } from '../plans/entitlements.service';
import { VideoSegmentsCache } from '../redeem/video-segments.cache';
import { PaymentSession, PaymentSessionsRepository } from './payment-sessions.repository';
import { MAX_POOL_SESSIONS_PER_VIEWER, PaymentSessionsService } from './payment-sessions.service';

// Small tests of playback sessions' money: the ledger, the session rows, plans and the video's segments faked.

const config = AppConfig.fromEnv({
  NODE_ENV: 'test',
  DATA_DIR: '/nonexistent/wetube',
  JWT_SECRET: 'x'.repeat(32),
  PEER_PRICE_PER_SEGMENT: '100',
  SESSION_IDLE_SEC: '300',
  REDEEM_GRACE_SEC: '120',
});

function account(kind: AccountKind, balance: bigint, id = `acct-${kind}`): Account {
  return { id, kind, ownerId: null, currency: 'CLC', balance, createdAt: new Date(0) };
}

const input = {
  sessionId: 's1',
  videoId: 'v1',
  creatorId: 'creator',
  viewerId: null,
  viewerIp: '198.51.100.7',
  sessionPublicKey: 'key',
  expiresAt: new Date(Date.now() + 3_600_000),
  durationMs: 60_000,
};

/** 30 segments per stream, 2 streams (video + audio), 3 renditions: a budget of 100 × 60 × 2 = 12,000. */
const SEGMENTS = { cids: new Set<string>(), segmentsPerStream: 30, streams: 2, renditions: 3 };
const WANTED = 12_000n;

function service(
  o: {
    pool?: bigint;
    wallet?: bigint;
    entitled?: boolean;
    openPoolSessions?: number;
    placeHold?: LedgerService['placeHold'];
    session?: Partial<PaymentSession> | null;
    due?: Partial<PaymentSession>[];
    releaseHold?: LedgerService['releaseHold'];
  } = {},
) {
  return newTestService(PaymentSessionsService, {
    fakes: [
      fake(AppConfig, config),
      fake(LedgerService, {
        systemAccount: async (kind) => account(kind, o.pool ?? 1_000_000n),
        openAccount: async (kind) => account(kind, o.wallet ?? 0n),
        placeHold:
          o.placeHold ??
          (async (_from, amount, key) => ({
            entry: {
              entryId: 'e1',
              kind: 'HOLD_PLACE',
              idempotencyKey: key,
              memo: null,
              createdAt: new Date(),
              postings: [],
              replayed: false,
            },
            hold: {
              id: 'hold-1',
              accountId: 'hold-acct',
              sourceAccountId: 'src',
              amount,
              paidOut: 0n,
              status: 'OPEN',
              createdAt: new Date(),
              closedAt: null,
            },
          })),
        releaseHold: o.releaseHold ?? (async () => ({}) as Awaited<ReturnType<LedgerService['releaseHold']>>),
      }),
      fake(PaymentSessionsRepository, {
        insert: async () => undefined,
        setFunding: async () => undefined,
        countOpenPoolSessions: async () => o.openPoolSessions ?? 0,
        get: async () =>
          o.session === null ? null : ({ id: 's1', viewerId: null, startedAt: new Date(), ...o.session } as PaymentSession),
        heartbeat: async () => undefined,
        due: async () => (o.due ?? []) as PaymentSession[],
        close: async () => undefined,
      }),
      fake(EntitlementsService, { activeOf: async () => (o.entitled ? ({ planId: 'p' } as never) : null) }),
      fake(VideoSegmentsCache, { of: async () => SEGMENTS }),
    ],
  });
}

describe('PaymentSessionsService (small)', () => {
  it('an anonymous session gets a hold on the bandwidth pool for the whole video twice over, keyed by the session', async () => {
    const t = service();
    const opened = await t.sut.open(input);
    assert.deepEqual(opened, { adFree: false, budget: WANTED, funding: 'POOL' });
    const [[row]] = t.callsTo('PaymentSessionsRepository.insert') as [[Record<string, unknown>]];
    assert.equal(row.id, 's1');
    assert.equal(row.adFree, false);
    assert.equal(row.segmentMs, 2000, '60 s over 30 segments');
    assert.equal(row.streams, 2);
    assert.equal(row.videoSegments, 90, '30 per stream × 3 renditions');
    // The viewer's address is only ever stored hashed.
    assert.match(String(row.viewerKey), /^ip:[0-9a-f]{32}$/);
    assert.ok(!String(row.viewerKey).includes('198.51.100.7'));
    assert.deepEqual(t.callsTo('LedgerService.systemAccount'), [[AccountKind.BANDWIDTH_POOL]]);
    const [[from, amount, key]] = t.callsTo('LedgerService.placeHold');
    assert.deepEqual([from, amount, key], [`acct-${AccountKind.BANDWIDTH_POOL}`, WANTED, 'session-hold:s1']);
    assert.deepEqual(t.callsTo('PaymentSessionsRepository.setFunding'), [['s1', 'hold-1', WANTED, 'POOL']]);
    // The session row is written before any money moves.
    const names = t.callNames();
    assert.ok(names.indexOf('PaymentSessionsRepository.insert') < names.indexOf('LedgerService.placeHold'));
  });

  it('a viewer on an ad-free plan pays from the wallet, as much of the budget as it holds', async () => {
    const t = service({ entitled: true, wallet: 500n });
    const opened = await t.sut.open({ ...input, viewerId: 'viewer' });
    assert.deepEqual(opened, { adFree: true, budget: 500n, funding: 'WALLET' });
    assert.deepEqual(t.callsTo('EntitlementsService.activeOf'), [['viewer']]);
    assert.deepEqual(t.callsTo('LedgerService.openAccount'), [[AccountKind.USER_WALLET, 'viewer']]);
    assert.deepEqual(t.callsTo('LedgerService.systemAccount'), []);
    assert.equal(t.callsTo('LedgerService.placeHold')[0][1], 500n);
    const [[row]] = t.callsTo('PaymentSessionsRepository.insert') as [[Record<string, unknown>]];
    assert.equal(row.viewerKey, 'viewer', 'a signed-in viewer is keyed by account');
  });

  it(`more than ${MAX_POOL_SESSIONS_PER_VIEWER} open pool-funded sessions of one viewer: the next one plays without a budget`, async () => {
    const atLimit = service({ openPoolSessions: MAX_POOL_SESSIONS_PER_VIEWER - 1 });
    assert.equal((await atLimit.sut.open(input)).funding, 'POOL');

    const over = service({ openPoolSessions: MAX_POOL_SESSIONS_PER_VIEWER });
    assert.deepEqual(await over.sut.open(input), { adFree: false, budget: 0n, funding: 'NONE' });
    assert.deepEqual(over.callsTo('LedgerService.placeHold'), []);
    assert.deepEqual(over.callsTo('PaymentSessionsRepository.setFunding'), []);
  });

  it('an empty source, or one emptied by another session meanwhile, leaves the session without a budget', async () => {
    const empty = service({ pool: 0n });
    assert.deepEqual(await empty.sut.open(input), { adFree: false, budget: 0n, funding: 'NONE' });
    assert.deepEqual(empty.callsTo('LedgerService.placeHold'), []);

    const raced = service({
      placeHold: async () => {
        throw new LedgerError('INSUFFICIENT_FUNDS', 'the pool has less now');
      },
    });
    assert.deepEqual(await raced.sut.open(input), { adFree: false, budget: 0n, funding: 'NONE' });
    assert.deepEqual(raced.callsTo('PaymentSessionsRepository.setFunding'), []);

    const broken = service({
      placeHold: async () => {
        throw new LedgerError('IDEMPOTENCY_CONFLICT', 'another command had this key');
      },
    });
    await assert.rejects(broken.sut.open(input), /another command had this key/);
  });

  it('a heartbeat records watch time up to the wall clock since the start, only from the session’s own viewer', async () => {
    const startedAt = new Date(Date.now() - 10_000);
    const t = service({ session: { viewerId: 'viewer', startedAt } });
    assert.equal(await t.sut.heartbeat('s1', 'viewer', 5.4, false), 'OK');
    assert.equal(await t.sut.heartbeat('s1', 'viewer', 3600, true), 'OK');
    const [[, , first, ended1], [, , second, ended2]] = t.callsTo('PaymentSessionsRepository.heartbeat') as [
      [string, Date, number, boolean],
      [string, Date, number, boolean],
    ];
    assert.equal(first, 5400);
    assert.equal(ended1, false);
    assert.ok(second >= 10_000 && second < 20_000, `capped by the time since the start, got ${second}`);
    assert.equal(ended2, true);

    assert.equal(await t.sut.heartbeat('s1', 'someone-else', 1, false), 'NOT_FOUND');
    assert.equal(await t.sut.heartbeat('s1', null, 1, false), 'NOT_FOUND');
    assert.equal(await service({ session: null }).sut.heartbeat('s1', null, 1, false), 'NOT_FOUND');
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const b = service();
      assert.equal(await b.sut.heartbeat('s1', null, bad, false), 'INVALID');
      assert.deepEqual(b.calls, [], 'nothing is read or written for a bad heartbeat');
    }
    assert.equal(t.callsTo('PaymentSessionsRepository.heartbeat').length, 2);
  });

  it('finished sessions release their holds (a hold already closed is fine) and are closed; the cut-offs come from the config', async () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const t = service({
      due: [
        { id: 'a', holdId: 'hold-a' },
        { id: 'b', holdId: null },
        { id: 'c', holdId: 'hold-c' },
      ],
      releaseHold: async (holdId) => {
        if (holdId === 'hold-c') throw new LedgerError('HOLD_CLOSED', 'hold-c is released');
        return {} as Awaited<ReturnType<LedgerService['releaseHold']>>;
      },
    });
    assert.equal(await t.sut.closeFinished(now), 3);
    assert.deepEqual(t.callsTo('PaymentSessionsRepository.due'), [
      [new Date(now.getTime() - 120_000), new Date(now.getTime() - (300 + 120) * 1000)],
    ]);
    assert.deepEqual(
      t.callsTo('LedgerService.releaseHold').map(([hold, key]) => [hold, key]),
      [
        ['hold-a', 'session-release:a'],
        ['hold-c', 'session-release:c'],
      ],
    );
    assert.deepEqual(t.callsTo('PaymentSessionsRepository.close'), [
      ['a', now],
      ['b', now],
      ['c', now],
    ]);

    const failing = service({
      due: [{ id: 'a', holdId: 'hold-a' }],
      releaseHold: async () => {
        throw new Error('connection terminated');
      },
    });
    await assert.rejects(failing.sut.closeFinished(now), /connection terminated/);
    assert.deepEqual(failing.callsTo('PaymentSessionsRepository.close'), [], 'a session whose hold could not be released stays open');
  });
});
