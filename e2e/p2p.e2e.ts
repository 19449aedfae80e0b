import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, type Platform } from './platform.harness';
import { runsInsideNetns, startNetnsPlatform } from './support/netns-platform';
import { originContentBytes } from './support/origin-access-log';
import { counters, newViewer, play, sources, tamperOutgoingBlocks, type Viewer } from './support/p2p-viewer';
import { startSeeder, type SeederProcess } from './support/seeder-process';

const TOTAL_MS = 420_000;

if (runsInsideNetns('viewers share segments over WebTorrent', __filename, TOTAL_MS)) {
  describe('a seeder node and viewers share segments over WebTorrent', { timeout: TOTAL_MS }, () => {
    let platform: Platform;
    let browser: Browser;
    let seeder: SeederProcess | null = null;
    let api = '';
    let watchUrl = '';
    let videoId = '';
    const open: Viewer[] = [];

    async function closeAll(): Promise<void> {
      for (const v of open.splice(0)) await v.context.close();
    }

    /** One viewer plays to the end; returns its counters and what the origin's access log saw meanwhile. */
    async function watch(name: string, initScript?: () => void) {
      const v = await newViewer(browser, name, initScript);
      open.push(v);
      await play(v, watchUrl, 'end');
      await new Promise((r) => setTimeout(r, 600)); // the access log is written asynchronously
      const c = await counters(v);
      const origin = await originContentBytes(platform.dataDir, videoId, v.startedAt, Date.now());
      const total = c.bytesFromPeers + c.bytesFromOrigin;
      const share = total > 0 ? c.bytesFromPeers / total : 0;
      console.log(
        `${name}: ${c.bytesFromPeers} of ${total} content bytes from peers (${(share * 100).toFixed(1)}%); ` +
          `origin access log: ${origin.requests} content requests, ${origin.bytes} bytes; uploaded ${c.bytesUploaded}; ` +
          `rejected pieces ${c.rejectedPieces}, dropped peers ${c.droppedPeers}; receipts sent ${c.receiptsSent}, ` +
          `accepted ${c.receiptsAccepted} (${c.receiptedBytes} bytes), refused ${c.receiptsRefused} ${c.lastRefusal ?? ''}\n  ${name}'s segments: ${await sources(v)}`,
      );
      await v.page.screenshot({ path: join(ARTIFACTS, `p2p-viewer-${name}.png`), fullPage: true });
      assert.deepEqual(v.errors, [], `${name}: no page errors`);
      assert.equal(c.rejectedSegments, 0, `${name}: nothing that failed the manifest check reached the player`);
      return { v, c, origin, total, share };
    }

    before(async () => {
      const env = await startNetnsPlatform();
      ({ platform, browser, api } = env);
      const webUrl = env.webUrl;
      const r: any = await (
        await fetch(`${api}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ videos(first: 1) { edges { node { id } } } }' }),
        })
      ).json();
      videoId = r.data.videos.edges[0].node.id;
      watchUrl = `${webUrl}/watch/${videoId}`;
    });

    after(async () => {
      await seeder?.stop();
      await browser?.close();
      await platform?.stop();
    });

    it('a seeder node registers with its account, fetches every rendition from the origin and seeds it', async () => {
      const res = await fetch(`${api}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'seeder-owner@example.com', password: 'a long enough passphrase', displayName: 'Seeder Owner' }),
      });
      assert.equal(res.status, 201);
      const { token } = (await res.json()) as { token: string };
      seeder = await startSeeder(api, { token, name: 'e2e-seeder' });
      const s = await seeder.waitFor((x) => x.swarms > 0 && x.complete === x.swarms, 60_000);
      assert.ok(s.webSeedDownloaded > 0, 'the seeder got the video from the origin web seed');
      for (let i = 0; i < 40 && !/registered as seeder/.test(seeder.output()); i++) await new Promise((r) => setTimeout(r, 250));
      assert.match(seeder.output(), /registered as seeder e2e-seeder of Seeder Owner/);
      const mine: any = await (
        await fetch(`${api}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ mySeeders { name publicKey } }' }),
        })
      ).json();
      assert.deepEqual(
        mine.data.mySeeders.map((n: { name: string }) => n.name),
        ['e2e-seeder'],
      );
    });

    it('three viewers watch one after another: each plays through, the later ones get at least half from peers (page counters and origin access log agree)', async () => {
      const v1 = await watch('viewer1');
      assert.ok(v1.c.bytesFromPeers > 0, 'the first viewer got verified bytes from the seeder node over WebRTC');
      assert.ok(v1.c.receiptsSent > 0, 'and signed receipts for them');
      // The seeder's status line (every second): bytes up, and the receipts it checked and kept.
      const s1 = await seeder!.waitFor((x) => x.receipts >= 1 && x.receiptedBytes >= v1.c.bytesFromPeers * 0.9, 5_000);
      assert.ok(s1.uploaded >= v1.c.bytesFromPeers * 0.9, `the seeder uploaded what viewer1 got from peers (${s1.uploaded})`);
      assert.ok(s1.receiptedBytes <= s1.uploaded, `receipts cover no more than the seeder served (${s1.receiptedBytes} of ${s1.uploaded})`);
      for (const name of ['viewer2', 'viewer3']) {
        const w = await watch(name);
        assert.ok(w.share >= 0.5, `${name} got ${(w.share * 100).toFixed(1)} % from peers`);
        // The origin's own log: what it sent while this viewer watched (the others were idle) is what the page counted.
        assert.ok(
          Math.abs(w.origin.bytes - w.c.bytesFromOrigin) <= 0.02 * w.total + 4096,
          `origin log ${w.origin.bytes} vs page ${w.c.bytesFromOrigin}`,
        );
        assert.ok(w.origin.bytes <= w.total / 2, `the origin sent ${name} at most half its content bytes`);
      }
      const c1 = await counters(open[0]);
      assert.ok(c1.bytesUploaded > 0, 'viewer1 served later viewers too');
      assert.ok(c1.receiptsAccepted > 0 && c1.receiptedBytes > 0, `viewer1 holds receipts from them: ${JSON.stringify(c1)}`);
      assert.ok(c1.receiptedBytes <= c1.bytesUploaded, 'covering no more than it served');
      assert.equal(c1.receiptsRefused, 0, 'and refused none of the honest ones');
    });

    it('with the seeder and the other viewers gone, a viewer plays from the origin alone', async () => {
      await seeder!.stop();
      seeder = null;
      await closeAll();
      const alone = await watch('alone');
      assert.equal(alone.c.bytesFromPeers, 0);
      assert.ok(alone.c.bytesFromOrigin > 0);
      assert.ok(alone.origin.bytes >= alone.c.bytesFromOrigin - 4096, 'the origin log shows it served this viewer');
    });

    it('a peer serving tampered bytes is dropped, the data comes from elsewhere, playback does not stall', async () => {
      // `alone` holds the video untampered: the tampering peer is a fresh one, alone in the swarm with the victim.
      await closeAll();
      const bad = await watch('tamperer', tamperOutgoingBlocks);
      const victim = await watch('victim');
      const tampered = await bad.v.page.evaluate(() => (globalThis as any).__wetubeTampered ?? 0);
      assert.ok(tampered > 0, 'the tampering peer did send altered blocks');
      assert.ok(victim.c.rejectedPieces > 0, 'the victim rejected pieces that failed their hash check');
      assert.ok(victim.c.droppedPeers >= 1, 'and dropped the peer that sent them');
      assert.equal(victim.c.bytesFromPeers, 0, 'no byte from the tampering peer reached the player');
      assert.equal(victim.c.receiptsSent, 0, 'and the victim signed no receipt for it');
      assert.ok(victim.c.bytesFromOrigin > 0 && victim.origin.bytes > 0, 'the data came from the origin instead');
      assert.ok(victim.v.finishedAt - victim.v.startedAt < 60_000, 'and it played through');
    });
  });
}
