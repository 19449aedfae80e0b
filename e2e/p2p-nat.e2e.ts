import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, type Platform } from './platform.harness';
import { launchChromiumInHome } from './support/home-browser';
import { setNat, type NatLabSpec } from './support/nat-lab';
import { startLabPlatform } from './support/nat-lab-platform';
import { natLabFromEnv, runsInsideNatLab } from './support/nat-lab-run';
import { counters, newViewer, play, sources, type P2PCounters, type Viewer } from './support/p2p-viewer';
import { startSeeder, type SeederProcess } from './support/seeder-process';

const TOTAL_MS = 480_000;
const PRICE = 1000n; // PEER_PRICE_PER_SEGMENT (the default)


/**
 * Peers that meet as on the internet: the platform (api, web, tracker and its own coturn, TURN=on) in
 * the lab's public namespace; a seeder node in home B and a viewer (Chromium, host candidates hidden
 * behind mDNS names) in home A, each behind its own NAT. Cone NATs: the wire is direct (srflx/prflx)
 * and carries at least half the viewer's content; then home A's router turns symmetric and the next
 * viewer's wire goes through the TURN relay. The seeder is paid for exactly what the viewers signed.
 */
if (runsInsideNatLab('P2P across NATs with the platform\'s own STUN/TURN', __filename, ['cone', 'cone'], TOTAL_MS)) {
  describe('a viewer in one home and a seeder node in another, behind NATs', { timeout: TOTAL_MS }, () => {
    const lab = natLabFromEnv() as NatLabSpec;
    const [homeA, homeB] = lab.homes;
    let platform: Platform;
    let browser: Browser;
    let seeder: SeederProcess | null = null;
    let api = '';
    let watchUrl = '';
    let seederToken = '';
    let seederPeerId = '';
    let signedTotal = 0;
    const viewers: Viewer[] = [];

    const gql = async (query: string, token?: string): Promise<any> =>
      (await fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) })).json();

    /** One viewer in home A plays to the end; returns its page counters, logged with where each segment came from. */
    async function watch(name: string): Promise<{ v: Viewer; c: P2PCounters; total: number }> {
      const v = await newViewer(browser, name);
      viewers.push(v);
      await play(v, watchUrl, 'end');
      const c = await counters(v);
      const total = c.bytesFromPeers + c.bytesFromOrigin;
      console.log(
        `${name} (home A behind ${homeA.nat} NAT): ${c.bytesFromPeers} of ${total} content bytes from peers (${((100 * c.bytesFromPeers) / Math.max(1, total)).toFixed(1)} %), ` +
          `direct ${c.bytesFromDirectPeers}, relayed ${c.bytesFromRelayedPeers}; paths ${JSON.stringify(c.paths)}; receipts sent ${c.receiptsSent}, ` +
          `signed ${JSON.stringify(c.signedSegments)}\n  segments: ${await sources(v)}`,
      );
      assert.deepEqual(v.errors, [], `${name}: no page errors`);
      assert.equal(c.rejectedSegments, 0, `${name}: nothing that failed the manifest check reached the player`);
      return { v, c, total };
    }

    /** The "direct"/"relayed" text under the player (shown while a peer is connected). */
    const pathText = (v: Viewer) => v.page.getByTestId('p2p-path').innerText();

    before(async () => {
      ({ platform, api, webUrl: watchUrl } = await startLabPlatform(lab));
      const r = await gql('{ videos(first: 1) { edges { node { id } } } }');
      watchUrl = `${watchUrl}/watch/${r.data.videos.edges[0].node.id}`;
      browser = await launchChromiumInHome(homeA.ns, new URL(watchUrl).origin);
    });

    after(async () => {
      await seeder?.stop();
      await browser?.close();
      await platform?.stop();
    });

    it('the platform hands out its own STUN/TURN (coturn on the public address), and a seeder node in home B registers and seeds', async () => {
      const res = await fetch(`${api}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nat-seeder@example.com', password: 'a long enough passphrase', displayName: 'NAT Seeder' }),
      });
      assert.equal(res.status, 201);
      seederToken = ((await res.json()) as { token: string }).token;
      const ice = (await gql('{ peerIceServers { expiresAt iceServers { urls username credential } } }', seederToken)).data.peerIceServers;
      const urls = ice.iceServers.flatMap((s: { urls: string[] }) => s.urls);
      assert.ok(urls.includes(`stun:${lab.pubIp}:3478`), `STUN on the public address: ${urls}`);
      assert.ok(urls.includes(`turn:${lab.pubIp}:3478?transport=udp`), `TURN on the public address: ${urls}`);
      assert.ok(ice.iceServers.some((s: { username: string | null }) => /^\d+:/.test(s.username ?? '')), 'with a credential of its own');

      seeder = await startSeeder(api, { token: seederToken, name: 'home-b-seeder' }, { netns: homeB.ns });
      await seeder.waitFor((x) => x.swarms > 0 && x.complete === x.swarms, 90_000);
      for (let i = 0; i < 40 && !/registered as seeder/.test(seeder.output()); i++) await new Promise((r) => setTimeout(r, 250));
      assert.match(seeder.output(), /registered as seeder home-b-seeder/);
      assert.match(seeder.output(), /ICE: stun:203\.0\.113\.1:3478/, `the seeder took the platform's ICE servers:\n${seeder.output().slice(-1500)}`);
      seederPeerId = (await gql('{ mySeeders { publicKey } }', seederToken)).data.mySeeders[0].publicKey;
    });

    it('cone NATs: the viewer in home A gets at least half its content from the seeder over a direct (srflx/prflx) path, and signs receipts for it', async () => {
      const { v, c, total } = await watch('cone-viewer');
      const paths = Object.values(c.paths);
      assert.ok(paths.length > 0 && paths.every((p) => p === 'srflx' || p === 'prflx'), `the wire is direct through the NATs (not host, not relay): ${JSON.stringify(c.paths)}`);
      assert.equal(c.bytesFromRelayedPeers, 0, 'nothing came through the relay');
      assert.ok(c.bytesFromDirectPeers >= total / 2, `at least half the content from peers over a direct path: ${c.bytesFromDirectPeers} of ${total}`);
      assert.equal(c.bytesFromDirectPeers, c.bytesFromPeers, 'every peer byte was counted as direct');
      assert.match(await pathText(v), /^direct$/);
      const signed = c.signedSegments[seederPeerId] ?? 0;
      assert.ok(signed > 0, `the viewer signed receipts for the seeder (${seederPeerId}): ${JSON.stringify(c.signedSegments)}`);
      signedTotal += signed;
      await v.page.getByTestId('p2p-paths').evaluate((el: any) => (el.open = true));
      await v.page.screenshot({ path: join(ARTIFACTS, 'p2p-nat-cone.png'), fullPage: true });
      await v.context.close();
    });

    it("symmetric NAT in home A: the next viewer's wire goes through the TURN relay, playback completes, the page shows \"relayed\"", async () => {
      setNat(homeA, 'symmetric');
      const { v, c } = await watch('symmetric-viewer');
      assert.ok(c.bytesFromRelayedPeers > 0, `bytes came from the seeder through the relay: ${JSON.stringify({ relayed: c.bytesFromRelayedPeers, direct: c.bytesFromDirectPeers, paths: c.paths })}`);
      assert.equal(c.bytesFromDirectPeers, 0, 'no direct path exists through a symmetric and a port-restricted NAT');
      assert.ok(Object.values(c.paths).includes('relay'), `a relayed wire: ${JSON.stringify(c.paths)}`);
      assert.match(await pathText(v), /^relayed$/);
      const signed = c.signedSegments[seederPeerId] ?? 0;
      assert.ok(signed > 0, `relayed bytes still pay the peer that sent them: ${JSON.stringify(c.signedSegments)}`);
      signedTotal += signed;
      await v.page.getByTestId('p2p-paths').evaluate((el: any) => (el.open = true));
      await v.page.screenshot({ path: join(ARTIFACTS, 'p2p-nat-symmetric.png'), fullPage: true });
      await v.context.close();
    });

    it("at exit the seeder redeems: its owner's pending balance is exactly what the pages signed for", async () => {
      await seeder!.stop();
      seeder = null;
      const wallet = (await gql('{ wallet { balance pending } }', seederToken)).data.wallet;
      assert.equal(BigInt(wallet.pending), BigInt(signedTotal) * PRICE, `paid for the ${signedTotal} segments the two viewers signed for`);
    });
  });
}
