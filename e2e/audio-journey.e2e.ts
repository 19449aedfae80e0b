import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseFeed } from 'podcast-partytime';
import { generateAudioFile } from '@wetube/testing';
import { ApiClient } from '../apps/api/test/api.client';
import { NETNS_ADDR } from './netns';
import { ARTIFACTS, type Platform } from './platform.harness';
import { runsInsideNetns, startNetnsPlatform } from './support/netns-platform';
import { counters, newViewer, sources, type Viewer } from './support/p2p-viewer';

// Functions passed to page.evaluate / waitForFunction run in the page; these names exist there.
declare const document: any;

const run = promisify(execFile);
const TOTAL_MS = 600_000;
const TRACK_SEC = 24;
const EPISODE_SEC = 32;
const EPISODE_DESCRIPTION = 'Our first show.\n0:00 Hello\n0:10 The news\n0:20 Goodbye';

/**
 * Issue 14's journey, in real Chromium inside a private network namespace (browser WebRTC between
 * the listeners): a creator uploads an album of two tracks and a podcast episode through the pages
 * and makes them an album and a show; a listener plays track 1 from the album, goes to the home page
 * while it keeps playing in the mini-player, and the queue moves on to track 2; a second listener
 * gets at least half of track 2's bytes from the first, who is paid for what the second signed; the
 * show's RSS feed parses with the Podcast Index's parser and its enclosure plays in ffprobe and in
 * Chromium. Screenshots: audio-journey-*.png.
 */
if (runsInsideNetns('audio journey: album, queue, P2P between listeners, podcast feed', __filename, TOTAL_MS)) {
  describe('audio journey: an album and a podcast, listened to over P2P, the show in a podcast app', { timeout: TOTAL_MS }, () => {
    let platform: Platform;
    let browser: Browser;
    let api = '';
    let webUrl = '';
    let creator: Page;
    let creatorContext: BrowserContext;
    const ids = { track1: '', track2: '', episode: '' };
    let albumId = '';
    let feedUrl = '';
    let first: Viewer;
    let firstApi: ApiClient;
    const pageErrors: string[] = [];
    const shot = (page: Page, name: string) =>
      page.screenshot({ path: join(ARTIFACTS, `audio-journey-${name}.png`), fullPage: true }).catch(() => undefined);

    /** The upload page, as a creator uses it; returns the new item's id once it is READY. */
    async function upload(file: string, title: string, opts: { podcast?: boolean; description?: string } = {}): Promise<string> {
      await creator.goto(`${webUrl}/upload`);
      await creator.fill('input[name=title]', title);
      if (opts.description) await creator.fill('textarea[name=description]', opts.description);
      await creator.setInputFiles('[data-testid=file-input]', file);
      if (opts.podcast) {
        await creator.locator('[data-testid=upload-podcast]').waitFor();
        await creator.check('input[name=podcast]');
      }
      await creator.check('input[name=visibility][value=PUBLIC]');
      await creator.click('[data-testid=upload-start]');
      await creator.waitForFunction(
        () => ['READY', 'FAILED'].includes(document.querySelector('[data-testid=video-status]')?.textContent?.trim()),
        undefined,
        { timeout: 180_000, polling: 250 },
      );
      assert.equal((await creator.textContent('[data-testid=video-status]'))?.trim(), 'READY', `${title} transcoded`);
      return ((await creator.getAttribute('[data-testid=watch-link]', 'href')) ?? '').split('/').pop()!;
    }

    /** The listen page's Save… dialog: a new public playlist with this item, or this item into an existing one. */
    async function saveTo(id: string, list: string, create: boolean): Promise<void> {
      await creator.goto(`${webUrl}/watch/${id}`);
      await creator.locator(`[data-testid=listen-page][data-track-id="${id}"]`).waitFor({ timeout: 30_000 });
      await creator.getByTestId('save-open').click();
      await creator.getByTestId('save-dialog').waitFor();
      if (create) {
        await creator.fill('[data-testid=new-playlist-title]', list);
        await creator.selectOption('[data-testid=new-playlist-visibility]', 'PUBLIC');
        await creator.getByTestId('new-playlist-create').click();
      } else {
        // Checked once the api added it (the box follows the server's answer).
        await creator.locator(`[data-testid=playlist-option][data-title="${list}"]`).click();
      }
      await creator.locator(`[data-testid=playlist-option][data-title="${list}"]:checked`).waitFor({ timeout: 15_000 });
      await creator.getByTestId('save-close').click();
    }

    /** The id of the creator's playlist of that title, from the library page's link to it. */
    async function playlistId(title: string): Promise<string> {
      await creator.goto(`${webUrl}/library`);
      const link = creator.locator('a[href*="/playlist?list="]', { hasText: title }).first();
      await link.waitFor({ timeout: 20_000 });
      return new URL((await link.getAttribute('href'))!, webUrl).searchParams.get('list')!;
    }

    async function setKind(id: string, kind: 'ALBUM' | 'SHOW', shown: string): Promise<void> {
      await creator.goto(`${webUrl}/playlist?list=${id}`);
      await creator.locator('[data-testid=playlist-kind-select]').waitFor({ timeout: 20_000 });
      await creator.selectOption('[data-testid=playlist-kind-select]', kind);
      await creator.waitForFunction((k: string) => document.querySelector('[data-testid=playlist-kind]')?.textContent?.trim() === k, shown);
    }

    /** A listener signed in with an account of its own (session cookie for the namespace's host). */
    async function listener(name: string): Promise<{ v: Viewer; client: ApiClient }> {
      const client = new ApiClient(api);
      await client.signUp(name);
      const v = await newViewer(browser, name);
      await v.context.addCookies([
        { name: 'wetube_session', value: client.token!, domain: NETNS_ADDR, path: '/', httpOnly: true, sameSite: 'Lax' },
      ]);
      v.page.on('pageerror', (e) => pageErrors.push(`${name}: ${e.message}`));
      return { v, client };
    }

    const audioState = (p: Page) =>
      p.evaluate(() => {
        const a = document.querySelector('audio[data-testid=listen-audio]');
        return a ? { t: a.currentTime, d: a.duration, paused: a.paused, ended: a.ended } : null;
      });

    /** Waits until the one audio element plays `id` to its end. */
    async function playsToEnd(p: Page, id: string, who: string): Promise<void> {
      await p
        .waitForFunction(
          (track: string) => {
            const a = document.querySelector('audio[data-testid=listen-audio]');
            const here = document.querySelector(`[data-track-id="${track}"]`);
            return !!a && !!here && (a.ended || (a.duration > 0 && a.currentTime >= a.duration - 0.3));
          },
          id,
          { timeout: 90_000, polling: 250 },
        )
        .catch(async (err) => {
          await shot(p, `stalled-${who}`);
          throw new Error(`${who} did not play ${id} to its end: ${err.message}; ${JSON.stringify(await audioState(p))}`);
        });
    }

    before(async () => {
      const env = await startNetnsPlatform();
      ({ platform, browser, api, webUrl } = env);
      creatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      creator = await creatorContext.newPage();
      creator.on('pageerror', (e) => pageErrors.push(`creator: ${e.message}`));
    });

    after(async () => {
      await browser?.close();
      await platform?.stop();
    });

    it('a creator registers and uploads two tracks and a podcast episode through the upload page', async () => {
      await creator.goto(`${webUrl}/register`);
      await creator.fill('input[name=displayName]', 'Journey Band');
      await creator.fill('input[name=email]', `band.${Date.now()}@example.com`);
      await creator.fill('input[name=password]', 'a long enough password');
      await creator.click('button[type=submit]');
      await creator.getByText('Journey Band').first().waitFor({ timeout: 15_000 });
      const [t1, t2, ep] = await Promise.all([
        generateAudioFile({
          path: join(platform.dataDir, 'journey-1.mp3'),
          durationSec: TRACK_SEC,
          codec: 'libmp3lame',
          bitrateK: 192,
          coverSize: 300,
          tags: { title: 'Night Drive', artist: 'Journey Band', album: 'Roads', track: '1' },
        }),
        generateAudioFile({
          path: join(platform.dataDir, 'journey-2.mp3'),
          durationSec: TRACK_SEC,
          codec: 'libmp3lame',
          bitrateK: 192,
          quiet: true,
          tags: { title: 'Morning Road', artist: 'Journey Band', album: 'Roads', track: '2' },
        }),
        generateAudioFile({ path: join(platform.dataDir, 'journey-ep.mp3'), durationSec: EPISODE_SEC, codec: 'libmp3lame', bitrateK: 64 }),
      ]);
      ids.track1 = await upload(t1, 'Night Drive');
      ids.track2 = await upload(t2, 'Morning Road');
      ids.episode = await upload(ep, 'Episode 1: Hello', { podcast: true, description: EPISODE_DESCRIPTION });
    });

    it('the creator makes the tracks an album and the episode a show, on the pages', async () => {
      await saveTo(ids.track1, 'Roads', true);
      await saveTo(ids.track2, 'Roads', false);
      await saveTo(ids.episode, 'Tape Talk', true);
      albumId = await playlistId('Roads');
      await setKind(albumId, 'ALBUM', 'album');
      const showId = await playlistId('Tape Talk');
      await setKind(showId, 'SHOW', 'podcast');
      await creator.locator('[data-testid=show-settings]').waitFor();
      await creator.fill('[data-testid=show-settings] input[name=author]', 'Journey Band');
      await creator.fill('[data-testid=show-settings] input[name=language]', 'en');
      await creator.click('[data-testid=show-save]');
      await creator.waitForFunction(() => document.querySelector('[data-testid=show-settings] input[name=language]')?.value === 'en');
      feedUrl = (await creator.getAttribute('[data-testid=show-feed-link]', 'href')) ?? '';
      assert.match(feedUrl, new RegExp(`/feeds/shows/${showId}\\.xml$`));
      await shot(creator, 'show');
    });

    it('a listener plays track 1 from the album, browses home while it plays on, and the queue moves to track 2', async () => {
      ({ v: first, client: firstApi } = await listener('First Listener'));
      const page = first.page;
      first.startedAt = Date.now();
      await page.goto(`${webUrl}/watch/${ids.track1}?list=${albumId}`);
      await page.locator(`[data-testid=listen-page][data-track-id="${ids.track1}"]`).waitFor({ timeout: 30_000 });
      await page.getByTestId('listen-album').getByText('Roads').waitFor();
      await page.locator('[data-testid=listen-play][data-state=playing]').waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => document.querySelector('audio[data-testid=listen-audio]')?.currentTime > 2, undefined, {
        timeout: 30_000,
      });
      await shot(page, 'listen-page');
      await page.click('a.logo[href="/"]');
      await page.waitForURL(`${webUrl}/`);
      const mini = page.getByTestId('mini-player');
      await mini.waitFor({ timeout: 10_000 });
      assert.equal(await mini.getAttribute('data-track-id'), ids.track1, 'track 1 plays on in the mini-player');
      const t = (await audioState(page))!.t;
      await page.waitForFunction((at: number) => document.querySelector('audio[data-testid=listen-audio]')?.currentTime > at + 0.5, t);
      await page.screenshot({ path: join(ARTIFACTS, 'audio-journey-mini-player.png') });
      await page.locator(`[data-testid=mini-player][data-track-id="${ids.track2}"]`).waitFor({ timeout: 60_000 });
      // Track 2 plays to its end on the home page, so this listener holds all of it for the next one.
      await playsToEnd(page, ids.track2, 'first');
      first.finishedAt = Date.now();
      assert.deepEqual(first.errors, []);
    });

    it('a second listener gets at least half of track 2 from the first, who is paid for what the second signed', async () => {
      const { v: second } = await listener('Second Listener');
      second.startedAt = Date.now();
      await second.page.goto(`${webUrl}/watch/${ids.track2}`);
      await second.page.locator(`[data-testid=listen-page][data-track-id="${ids.track2}"]`).waitFor({ timeout: 30_000 });
      const play = second.page.locator('[data-testid=listen-play][data-state=paused]');
      if (await play.count()) await play.click();
      await playsToEnd(second.page, ids.track2, 'second');
      second.finishedAt = Date.now();
      const c = await counters(second);
      const total = c.bytesFromPeers + c.bytesFromOrigin;
      const share = total > 0 ? c.bytesFromPeers / total : 0;
      console.log(
        `second listener: ${c.bytesFromPeers} of ${total} bytes from peers (${(share * 100).toFixed(1)} %), receipts sent ${c.receiptsSent}; ${await sources(second)}`,
      );
      await shot(second.page, 'second-listener');
      assert.ok(share >= 0.5, `the second listener got ${(share * 100).toFixed(1)} % from peers`);
      assert.ok(c.receiptsSent > 0, 'and signed receipts for it');

      // The first listener's page redeems what it holds (every 30 s): its account is paid for the signed segments.
      await first.page.waitForFunction(() => (globalThis as any).__wetubeP2P?.redeemedSegments > 0, undefined, {
        timeout: 75_000,
        polling: 500,
      });
      const held = await counters(first);
      assert.ok(held.receiptsAccepted > 0 && held.receiptedBytes > 0, JSON.stringify(held));
      assert.ok(held.receiptedBytes <= held.bytesUploaded, 'receipts cover no more than it served');
      const earned = (await firstApi.gql('{ seedingEarnings(days: 1) { amount segments } }')).data.seedingEarnings;
      const today = earned[earned.length - 1];
      assert.equal(today.segments, held.redeemedSegments, 'paid for every redeemed segment');
      assert.equal(String(today.amount), String(held.redeemedAmount), 'the amount the page was told');
      assert.ok(BigInt(today.amount) > 0n);
      assert.deepEqual(second.errors, []);
    });

    it("the show's RSS feed parses with a podcast app's parser and its enclosure plays in ffprobe and in Chromium", async () => {
      const res = await fetch(feedUrl);
      assert.equal(res.status, 200);
      const feed = parseFeed(await res.text());
      assert.ok(feed, 'podcast-partytime reads the feed');
      assert.equal(feed.title, 'Tape Talk');
      assert.equal(feed.items.length, 1);
      const [episode] = feed.items;
      assert.equal(episode.title, 'Episode 1: Hello');
      assert.equal(episode.enclosure.type, 'audio/mp4');
      assert.match(episode.podcastChapters?.url ?? '', /chapters\.json$/);
      const chapters = (await (await fetch(episode.podcastChapters!.url)).json()) as { chapters: { title: string }[] };
      assert.deepEqual(
        chapters.chapters.map((x) => x.title),
        ['Hello', 'The news', 'Goodbye'],
      );
      const { stdout } = await run('ffprobe', [
        '-v',
        'error',
        '-print_format',
        'json',
        '-show_streams',
        '-show_format',
        episode.enclosure.url,
      ]);
      const probe = JSON.parse(stdout) as { streams: { codec_name: string }[]; format: { duration: string; size: string } };
      assert.deepEqual(
        probe.streams.map((s) => s.codec_name),
        ['aac'],
      );
      assert.ok(Math.abs(Number(probe.format.duration) - EPISODE_SEC) < 1, `duration ${probe.format.duration}`);
      assert.equal(Number(probe.format.size), episode.enclosure.length, 'the length the feed announces');

      // A podcast app on the web: Chromium plays the enclosure itself (progressive, byte ranges).
      const app = first.page;
      await app.goto(`${webUrl}/`);
      const played = await app.evaluate(async (url: string) => {
        const a = new (globalThis as any).Audio(url);
        a.muted = true;
        await a.play();
        await new Promise((r) => setTimeout(r, 1500));
        const out = { t: a.currentTime, d: a.duration };
        a.pause();
        return out;
      }, episode.enclosure.url);
      assert.ok(played.t > 0.5, `the enclosure plays in Chromium: ${JSON.stringify(played)}`);
      assert.ok(Math.abs(played.d - EPISODE_SEC) < 1);
      assert.deepEqual(pageErrors, []);
    });
  });
}
