import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { databaseMatrix, freshPostgres } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';
import { exists, list, scratchDir, storage } from './support-files';
import { API_MAIN, isDown, JWT_SECRET, Proc, spawnNode, waitHealthy, waitMidEncode } from './support-proc';

/**
 * The embedded mode (no Redis): the api transcodes in-process. The machine "crashes" (SIGKILL to
 * the api's whole process group, ffmpeg included) mid-transcode; after a restart on the same data
 * folder the video is finished, and there was never a half-published video.
 */
const CLIP_SEC = 30;
const EXPECTED_SEGMENTS = CLIP_SEC / 2;
let clip: string;
let scratch: Awaited<ReturnType<typeof scratchDir>>;

before(async () => {
  scratch = await scratchDir('crash');
  // Long enough that the 360/240 ultrafast ladder takes several seconds on 2 cores.
  clip = await generateClip({ path: join(scratch.dir, 'long.mp4'), durationSec: CLIP_SEC, width: 640, height: 360 });
});

after(async () => {
  await scratch?.remove();
});

for (const db of databaseMatrix()) {
  describe(`crash mid-transcode, embedded mode (${db})`, () => {
    let dataDir: string;
    let pg: Awaited<ReturnType<typeof freshPostgres>> | null = null;
    let port: number;
    let url: string;
    const procs: Proc[] = [];
    let progressAtKill = -1;

    const startApiProcess = async (name: string): Promise<Proc> => {
      const proc = spawnNode(name, API_MAIN, {
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_API_URL: url,
        JWT_SECRET,
        TRANSCODE_PRESET: 'ultrafast',
        TRANSCODE_RUNGS: '360,240',
        TRANSCODE_ATTEMPTS: '2',
        ...(pg ? { DATABASE_URL: pg.url } : {}),
      });
      procs.push(proc);
      await waitHealthy(url, proc);
      return proc;
    };

    before(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'wetube-crash-'));
      pg = db === 'postgres' ? await freshPostgres() : null;
      port = await freePort();
      url = `http://127.0.0.1:${port}`;
    });

    after(async () => {
      for (const p of procs) await p.stop();
      await pg?.drop();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('a SIGKILL mid-transcode leaves no half video, and after a restart the video becomes READY', async (t) => {
      const first = await startApiProcess('api#1');
      const creator = new ApiClient(url);
      await creator.signUp('Crashy');
      const up = await tusUpload(creator, clip, { title: 'Survives a crash' });
      assert.ok(up.videoId, JSON.stringify(up.error));
      const id = up.videoId!;

      // Kill while ffmpeg is really encoding: PROCESSING, and 360p segments are being written into
      // the attempt's temp folder (but not all of them yet).
      const s = storage(dataDir);
      const seen = await waitMidEncode(creator, id, s.tmp);
      t.diagnostic(`killed at progress ${seen.progress}% with ${seen.segments}/${EXPECTED_SEGMENTS} segments written`);
      progressAtKill = seen.progress;
      assert.equal(seen.status, 'PROCESSING');
      assert.ok(seen.segments < EXPECTED_SEGMENTS, 'the encode must still be running when we kill it');
      assert.equal(seen.tmpEntries.length, 1, `one attempt in progress in tmp/: ${seen.tmpEntries}`);
      first.killGroup('SIGKILL');
      await first.exited;

      // The "machine" is down: nothing answers, and no half video was published.
      assert.equal(await isDown(url), true, 'GraphQL must be down after the crash');
      assert.equal(await exists(s.videoDir(id)), false, 'no videos/<id> (a half video) after the crash');
      assert.equal(await exists(s.original(id)), false);
      assert.ok((await list(s.uploads)).length > 0, 'the upload is kept for the retry');

      const second = await startApiProcess('api#2');
      const video = await waitForStatus(creator, id, ['READY', 'FAILED'], 90_000).catch((err) => {
        throw new Error(`${err.message}\n--- api#2 logs ---\n${second.logs()}`);
      });
      assert.equal(video.status, 'READY', `failureReason: ${video.failureReason}\n${second.logs()}`);
      assert.equal(video.title, 'Survives a crash');
      assert.ok(Math.abs(video.durationSec - CLIP_SEC) < 0.5, `durationSec ${video.durationSec}`);
      assert.deepEqual(video.renditions.map((r: { name: string }) => r.name).sort(), ['240p', '360p']);
      assert.match(second.logs(), /removed 1 unfinished transcode folder/);

      assert.deepEqual(await readdir(s.tmp), [], 'tmp/ is empty afterwards');
      const published = await readdir(s.videoDir(id));
      assert.ok(published.includes('master.m3u8'), `published: ${published}`);
      for (const rung of ['360p', '240p']) {
        const files = await readdir(join(s.videoDir(id), rung));
        const segments = files.filter((f) => /^seg_\d{5}\.m4s$/.test(f));
        assert.equal(segments.length, EXPECTED_SEGMENTS, `${rung}: ${segments.length} segments`);
        const playlist = await readFile(join(s.videoDir(id), rung, 'playlist.m3u8'), 'utf8');
        assert.match(playlist, /#EXT-X-ENDLIST/);
        for (const seg of segments) assert.ok(playlist.includes(seg), `${rung}/${seg} listed`);
      }
      assert.equal(await exists(s.original(id)), true, 'the original is kept');
      assert.deepEqual(await list(s.uploads), [], 'the upload was consumed');

      // What a viewer gets: the master playlist over HTTP, naming both renditions.
      const master = await fetch(`${url}/hls/${id}/master.m3u8`);
      assert.equal(master.status, 200);
      const text = await master.text();
      assert.match(text, /360p\/playlist\.m3u8/);
      assert.match(text, /240p\/playlist\.m3u8/);
    });

    it('the uploader saw progress > 0 while ffmpeg was encoding (not only at the very end)', () => {
      assert.ok(progressAtKill > 0, `progress was ${progressAtKill}% with several segments already encoded`);
    });
  });
}
