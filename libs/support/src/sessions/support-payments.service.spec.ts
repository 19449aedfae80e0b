import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { splitByLargestRemainder } from '@wetube/ledger';
import { databaseMatrix, supportTestDb, type SupportTestDb } from '../support.test-db';
import { owedFor } from '../support.rules';

const MIN = 60_000;

for (const kind of databaseMatrix()) {
  describe(`pay as you listen: holds, settlement, release (${kind})`, () => {
    let t: SupportTestDb;
    let supply: bigint;
    before(async () => {
      t = await supportTestDb(kind);
    });
    after(async () => t?.close());

    /** The ledger's invariants: balanced entries, balances = postings, no guarded account below 0, no hold overspent, nothing created. */
    async function invariants(): Promise<void> {
      const a = await t.ledger.audit();
      assert.deepEqual(a.unbalancedEntries, []);
      assert.deepEqual(a.balanceMismatches, []);
      assert.deepEqual(a.negativeGuarded, []);
      assert.deepEqual(a.overpaidHolds, []);
      assert.equal(a.sumOfBalances, 0n);
      assert.equal(await t.ledger.totalSupply(), supply, 'support moves money, never mints it');
    }

    async function supporter(creator: string, perMinute: bigint, ceiling: bigint, funds = 1_000n): Promise<string> {
      const id = await t.user(funds);
      supply = await t.ledger.totalSupply();
      await t.settings.upsert({ listenerId: id, creatorId: creator, enabled: true, perMinute, dailyCeiling: ceiling });
      return id;
    }

    it('pays a minute of 7 units 70/30 as 5 and 2, from the hold, and releases the rest at the end', async () => {
      const creator = await t.user();
      const cohost = await t.user();
      await t.splits.replace(creator, [
        { recipientId: creator, percent: 70 },
        { recipientId: cohost, percent: 30 },
      ]);
      const listener = await supporter(creator, 7n, 100n);
      const started = t.session(listener, creator, 5 * MIN);
      const s = (await t.payments.start(started))!;
      assert.equal(s.held, 35n, 'the hold covers the whole item (5 minutes) at the rate');
      assert.equal(await t.wallet(listener), 1_000n - 35n);
      await t.payments.progressed({
        sessionId: s.sessionId,
        videoId: s.videoId,
        viewerId: listener,
        viewerKey: listener,
        watchedMs: MIN,
        attendedMs: MIN,
        at: new Date(),
      });
      assert.equal(await t.revenue(creator), 5n);
      assert.equal(await t.revenue(cohost), 2n);
      await invariants();
      await t.payments.progressed({
        sessionId: s.sessionId,
        videoId: s.videoId,
        viewerId: listener,
        viewerKey: listener,
        watchedMs: 2 * MIN,
        attendedMs: 2 * MIN,
        ended: true,
        at: new Date(),
      });
      assert.equal((await t.revenue(creator)) + (await t.revenue(cohost)), 14n);
      assert.equal(await t.wallet(listener), 1_000n - 14n, 'the unspent rest of the hold went back');
      const closed = (await t.sessions.get(s.sessionId))!;
      assert.equal(closed.status, 'CLOSED');
      assert.equal((await t.ledger.getHold(s.holdId))!.status, 'RELEASED');
      assert.equal(await t.sessions.committed(listener, creator, s.day), 14n, 'the day keeps only what was paid');
      assert.equal(await t.payments.close(s.sessionId), false, 'a second close does nothing');
      assert.equal(await t.wallet(listener), 1_000n - 14n);
      await invariants();
    });

    it('pays nothing for paused or sought time: the same, or less, attended playback pays nothing more', async () => {
      const creator = await t.user();
      const listener = await supporter(creator, 60n, 1_000n);
      const s = (await t.payments.start(t.session(listener, creator)))!;
      assert.equal((await t.payments.settle(s, 10_000)).paid, 10n);
      // Paused: the clock ran, the played time did not.
      for (let i = 0; i < 3; i++) assert.equal((await t.payments.settle((await t.sessions.get(s.sessionId))!, 10_000)).paid, 0n);
      // A client that sends less (a seek back, a reload) never takes anything back or pays again.
      assert.equal((await t.payments.settle((await t.sessions.get(s.sessionId))!, 4_000)).paid, 0n);
      assert.equal((await t.payments.settle((await t.sessions.get(s.sessionId))!, 10_999)).paid, 0n, 'fractions of a unit wait');
      assert.equal((await t.payments.settle((await t.sessions.get(s.sessionId))!, 11_000)).paid, 1n);
      assert.equal(await t.revenue(creator), 11n);
      await invariants();
    });

    it('holds the daily ceiling across several sessions, and gives the ceiling back what a released hold did not pay', async () => {
      const creator = await t.user();
      const listener = await supporter(creator, 4n, 10n);
      const first = (await t.payments.start(t.session(listener, creator)))!;
      assert.equal(first.held, 10n, 'an item of unknown length holds the rest of the day');
      assert.equal(await t.payments.start(t.session(listener, creator)), null, 'nothing is left of the day for a second session');
      await t.payments.settle(first, MIN);
      await t.payments.close(first.sessionId);
      const second = (await t.payments.start(t.session(listener, creator)))!;
      assert.equal(second.held, 6n, 'the released rest is usable again');
      await t.payments.settle(second, 60 * MIN);
      const third = await t.payments.start(t.session(listener, creator));
      assert.equal(third, null);
      await t.payments.close(second.sessionId);
      assert.equal(await t.revenue(creator), 10n, 'never more than the ceiling in one day');
      assert.equal(await t.sessions.paidOn(listener, creator, second.day), 10n);
      await invariants();
    });

    it('concurrent session starts of one listener share one ceiling', async () => {
      const creator = await t.user();
      const listener = await supporter(creator, 5n, 12n);
      const started = await Promise.all(Array.from({ length: 6 }, () => t.payments.start(t.session(listener, creator, MIN))));
      const held = started.reduce((a, s) => a + (s?.held ?? 0n), 0n);
      assert.equal(held, 12n, 'holds of 5, 5 and 2: never more than the ceiling');
      await invariants();
    });

    it('concurrent and repeated heartbeats never pay twice', async () => {
      const creator = await t.user();
      const cohost = await t.user();
      await t.splits.replace(creator, [
        { recipientId: creator, percent: 51 },
        { recipientId: cohost, percent: 49 },
      ]);
      const listener = await supporter(creator, 13n, 10_000n);
      const s = (await t.payments.start(t.session(listener, creator)))!;
      const attended = [30_000, 30_000, 45_000, 45_000, 90_000, 90_000, 60_000, 90_000];
      const results = await Promise.all(attended.map((ms) => t.payments.settle(s, ms)));
      const paid = results.reduce((a, r) => a + r.paid, 0n);
      assert.equal(paid, owedFor(90_000, 13n), 'what was paid in all is what the most attended playback is worth');
      assert.equal((await t.revenue(creator)) + (await t.revenue(cohost)), owedFor(90_000, 13n));
      assert.equal((await t.ledger.getHold(s.holdId))!.paidOut, owedFor(90_000, 13n));
      assert.equal((await t.sessions.get(s.sessionId))!.paid, owedFor(90_000, 13n));
      await invariants();
    });

    it('never pays more than the hold, however much the client reports', async () => {
      const creator = await t.user();
      const listener = await supporter(creator, 10n, 10_000n, 25n);
      const s = (await t.payments.start(t.session(listener, creator, 30 * MIN)))!;
      assert.equal(s.held, 25n, 'no more than the wallet holds');
      await t.payments.settle(s, 1_000 * MIN);
      assert.equal(await t.revenue(creator), 25n);
      assert.equal((await t.ledger.getHold(s.holdId))!.paidOut, 25n);
      await invariants();
    });

    it('splits many random payments exactly by largest remainder', async () => {
      const creator = await t.user();
      const others = [await t.user(), await t.user(), await t.user()];
      const percents = [37, 29, 21, 13];
      await t.splits.replace(
        creator,
        [creator, ...others].map((recipientId, i) => ({ recipientId, percent: percents[i] })),
      );
      const listener = await supporter(creator, 997n, 10_000_000n, 10_000_000n);
      let seed = 7;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
      const expected = [0n, 0n, 0n, 0n];
      for (let k = 0; k < 12; k++) {
        const s = (await t.payments.start(t.session(listener, creator)))!;
        let attended = 0;
        for (let h = 0; h < 4; h++) {
          attended += rnd() % 100_000;
          const before = (await t.sessions.get(s.sessionId))!;
          const r = await t.payments.settle(before, attended);
          assert.equal(r.paid, owedFor(attended, 997n) - before.paid);
          splitByLargestRemainder(r.paid, percents.map(BigInt)).forEach((x, i) => (expected[i] += x));
        }
        await t.payments.close(s.sessionId);
      }
      const got = await Promise.all([creator, ...others].map((id) => t.revenue(id)));
      assert.deepEqual(got, expected);
      await invariants();
    });

    it('ignores sessions without support, the creator watching themself, and support turned off', async () => {
      const creator = await t.user();
      const listener = await t.user(100n);
      supply = await t.ledger.totalSupply();
      assert.equal(await t.payments.start(t.session(listener, creator)), null, 'never set');
      await t.settings.upsert({ listenerId: listener, creatorId: creator, enabled: false, perMinute: 5n, dailyCeiling: 50n });
      assert.equal(await t.payments.start(t.session(listener, creator)), null, 'off');
      await t.settings.upsert({ listenerId: creator, creatorId: creator, enabled: true, perMinute: 5n, dailyCeiling: 50n });
      assert.equal(await t.payments.start(t.session(creator, creator)), null, 'self');
      assert.equal(await t.payments.start(t.session(null as unknown as string, creator)), null, 'anonymous');
      assert.equal(await t.wallet(listener), 100n);
      await invariants();
    });

    it('support turned on mid-session begins at the next heartbeat and pays only what is attended from then on', async () => {
      const creator = await t.user();
      const listener = await t.user(1_000n);
      supply = await t.ledger.totalSupply();
      const started = t.session(listener, creator, 10 * MIN);
      assert.equal(await t.payments.start(started), null, 'off when the session started');
      const beat = (attendedMs: number, ended = false) =>
        t.payments.progressed({
          sessionId: started.sessionId,
          videoId: started.videoId,
          creatorId: creator,
          viewerId: listener,
          viewerKey: listener,
          watchedMs: attendedMs,
          attendedMs,
          ended,
          at: new Date(),
        });
      await beat(2 * MIN);
      assert.equal(await t.sessions.get(started.sessionId), null, 'still off: nothing held');
      await t.settings.upsert({ listenerId: listener, creatorId: creator, enabled: true, perMinute: 60n, dailyCeiling: 300n });
      await Promise.all([beat(3 * MIN), beat(3 * MIN)]);
      const s = (await t.sessions.get(started.sessionId))!;
      assert.equal(s.baseMs, 3 * MIN);
      assert.equal(s.held, 300n, 'the rest of the day (the item length is not known here)');
      assert.equal(await t.revenue(creator), 0n, 'the three minutes before support began are not paid');
      await beat(4 * MIN + 30_000);
      assert.equal(await t.revenue(creator), 90n);
      await beat(5 * MIN, true);
      assert.equal(await t.revenue(creator), 120n);
      assert.equal(await t.wallet(listener), 1_000n - 120n);
      assert.equal((await t.sessions.get(started.sessionId))!.status, 'CLOSED');
      await invariants();
    });

    it('releases idle and expired sessions', async () => {
      const creator = await t.user();
      const listener = await supporter(creator, 6n, 600n);
      const s = (await t.payments.start(t.session(listener, creator, 10 * MIN)))!;
      await t.payments.settle(s, MIN);
      assert.equal(await t.payments.closeDue(new Date()), 0, 'a fresh session stays open');
      // Paused, but its page still beats: alive (a heartbeat that pays nothing keeps it).
      const beat = (at: Date) =>
        t.payments.progressed({ sessionId: s.sessionId, videoId: s.videoId, viewerId: listener, viewerKey: listener, watchedMs: MIN, at });
      const idle = 400_000; // past SESSION_IDLE_SEC (300 s) after the last payment, before the expiry (1 h)
      await beat(new Date(Date.now() + idle));
      await t.payments.closeDue(new Date(Date.now() + idle + 1_000));
      assert.equal((await t.sessions.get(s.sessionId))!.status, 'OPEN', 'a paused session whose page beats stays open');
      await beat(new Date(Date.now() + idle + 2_000));
      assert.equal((await t.sessions.get(s.sessionId))!.paid, 6n, 'paused: nothing more paid');
      const later = new Date(Date.now() + 24 * 3600_000);
      assert.ok((await t.payments.closeDue(later)) >= 1);
      assert.equal((await t.sessions.get(s.sessionId))!.status, 'CLOSED');
      assert.equal(await t.wallet(listener), 1_000n - 6n);
      await invariants();
    });
  });
}
