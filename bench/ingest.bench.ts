/**
 * Ingest benchmark: upload -> playable -> READY through the real api, against plain ffmpeg encoding
 * the same ladder, in the same run, on the same clip.
 *   1. generates a clip (default 60 s 1920x1080 30 fps, H.264 + AAC)
 *   2. boots the api in-process with the embedded defaults (SQLite, in-process queue, default
 *      ladder 1080/720/480/360 and default preset), uploads the clip with tus and measures
 *        - the upload itself (tus start -> the tus upload's success)
 *        - upload complete -> first playable rung: the master playlist answers 200 at
 *          /hls/<id>/master.m3u8 (polled every 100 ms; the ladder is published atomically, so this
 *          equals READY by design)
 *        - upload complete -> READY (GraphQL `video(id){status}` polled every 100 ms)
 *   3. baseline: the same ladder as one plain ffmpeg process (buildTranscodeInvocation + toArgv),
 *      spawned directly, after the api has finished (never at the same time)
 * Run: node dist/bench/ingest.bench.js [--duration 60] [--width 1920 --height 1080]
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { MediaRepository, buildTranscodeInvocation, planLadder, toArgv } from '@wetube/media';
import { generateClip } from '@wetube/testing';
import { arg, bootApi, sleep, tusUpload } from './support/api';

const seconds = (ms: number) => (ms / 1000).toFixed(1) + ' s';

function ffmpeg(args: string[]): Promise<void> {
  return new Promise((res, rej) => {
    const child = spawn(process.env.FFMPEG_PATH || 'ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-3000)));
    child.on('error', rej);
    child.on('close', (code) => (code === 0 ? res() : rej(new Error(`ffmpeg ${code}: ${err}`))));
  });
}

async function main() {
  const durationSec = Number(arg('duration', '60'));
  const width = Number(arg('width', '1920'));
  const height = Number(arg('height', '1080'));
  const timeoutMs = Math.max(600_000, durationSec * 20_000);
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const work = await mkdtemp(join(tmpdir(), 'wetube-ingest-'));
  // TRANSCODE_PRESET '' = unset: the embedded default preset and ladder, as `npm start` runs.
  const { api, client } = await bootApi({ LOG_LEVEL: 'error', TRANSCODE_PRESET: '' });
  try {
    const t = Date.now();
    const src = await generateClip({ path: join(work, 'src.mp4'), durationSec, width, height, fps: 30, audio: true });
    const srcBytes = (await stat(src)).size;
    console.log(
      `source: ${durationSec} s ${width}x${height} 30 fps H.264+AAC, ${(srcBytes / 1e6).toFixed(1)} MB, generated in ${seconds(Date.now() - t)}`,
    );

    // Upload (tus, 4 MiB chunks, as the web page does).
    const t0 = Date.now();
    const up = await tusUpload(client, src, { title: 'ingest bench' });
    const uploaded = Date.now();
    if (!up.videoId) throw new Error(`upload failed: ${JSON.stringify(up.error)}`);
    const id = up.videoId;

    // Two pollers from the moment the upload completed: the origin's master playlist, and GraphQL.
    let playableAt = 0;
    let processingAt = 0;
    let readyAt = 0;
    let last: { status?: string; progress?: number; failureReason?: string } = {};
    const deadline = uploaded + timeoutMs;
    const pollOrigin = (async () => {
      while (!playableAt && Date.now() < deadline) {
        const r = await fetch(`${api.url}/hls/${id}/master.m3u8`, { headers: { authorization: `Bearer ${client.token}` } });
        await r.arrayBuffer();
        if (r.status === 200) playableAt = Date.now();
        else await sleep(100);
        if (last.status === 'FAILED') return;
      }
    })();
    const pollStatus = (async () => {
      while (!readyAt && Date.now() < deadline) {
        const r = await client.gql(`query($id: ID!) { video(id: $id) { status progress failureReason } }`, { id });
        last = r.data?.video ?? last;
        if (last.status === 'PROCESSING' && !processingAt) processingAt = Date.now();
        if (last.status === 'READY') readyAt = Date.now();
        else if (last.status === 'FAILED') throw new Error(`transcode failed: ${last.failureReason}`);
        else await sleep(100);
      }
    })();
    await Promise.all([pollOrigin, pollStatus]);
    if (!readyAt || !playableAt) throw new Error(`not READY in time; last: ${JSON.stringify(last)}`);
    const v = (
      await client.gql(`query($id: ID!) { video(id: $id) { status durationSec renditions { name width height bandwidth } } }`, { id })
    ).data.video;

    // Baseline: plain ffmpeg, the same ladder as one command, on the same source, after the api is idle.
    const repo = new MediaRepository();
    const probe = await repo.probe(src);
    const ladder = planLadder(probe, { rungs: api.config.transcodeRungs, preset: api.config.transcodePreset });
    const outB = join(work, 'plain');
    const inv = buildTranscodeInvocation(src, outB, probe, ladder);
    for (const o of inv.outputs) await mkdir(dirname(o.target), { recursive: true });
    const tb = Date.now();
    await ffmpeg(toArgv(inv));
    const plain = Date.now() - tb;

    const uploadMs = uploaded - t0;
    const toPlayable = playableAt - uploaded;
    const toReady = readyAt - uploaded;
    console.log(
      `ladder: ${ladder.video.map((r) => `${r.name} ${r.width}x${r.height} ${r.videoBitrateK}k`).join(', ')}${ladder.audio ? ', audio' : ''}; preset ${ladder.preset}; renditions READY: ${v.renditions.map((r: { name: string }) => r.name).join(', ')}`,
    );
    console.log(
      `upload (tus, 4 MiB chunks, ${(srcBytes / 1e6).toFixed(1)} MB): ${seconds(uploadMs)} (${(srcBytes / 1e6 / (uploadMs / 1000)).toFixed(0)} MB/s)`,
    );
    if (processingAt) console.log(`upload complete -> PROCESSING seen:   ${seconds(processingAt - uploaded)}`);
    console.log(`upload complete -> first playable rung (master.m3u8 200 at the origin): ${seconds(toPlayable)}`);
    console.log(`upload complete -> READY (GraphQL status):                            ${seconds(toReady)}`);
    console.log(
      `    first playable rung = READY by design: the whole ladder is published with one rename (both polled every 100 ms; difference ${seconds(Math.abs(toReady - toPlayable))})`,
    );
    console.log(
      `baseline: plain ffmpeg, same single-pass ladder command: ${seconds(plain)}  (${(durationSec / (plain / 1000)).toFixed(2)}x real time)`,
    );
    console.log(
      `    ours (upload complete -> READY) / plain ffmpeg: ${(toReady / plain).toFixed(2)}x; overhead ${seconds(toReady - plain)}`,
    );

    const outDir = resolve(__dirname, '..', '..', 'bench', 'results');
    await mkdir(outDir, { recursive: true });
    await writeFile(
      join(outDir, 'ingest.json'),
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cores: cpus().length, model: cpus()[0]?.model, node: process.version, loadavgAtStart: loadavg() },
          source: { durationSec, width, height, fps: 30, bytes: srcBytes },
          ladder: { rungs: ladder.video.map((r) => r.name), audio: !!ladder.audio, preset: ladder.preset },
          ms: {
            upload: uploadMs,
            toProcessing: processingAt ? processingAt - uploaded : null,
            toFirstPlayable: toPlayable,
            toReady,
            plainFfmpeg: plain,
          },
        },
        null,
        2,
      ),
    );
    console.log(`raw figures: ${join(outDir, 'ingest.json')}`);
  } finally {
    await api.close();
    await rm(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
