/**
 * HLS origin benchmark: our origin (GET /hls/<id>/<rendition>/seg_XXXXX.m4s through the real api HTTP
 * server) against Debian nginx serving the very same published folder, same machine, same run.
 *   1. boots the api in-process (SQLite, in-process queue), uploads a generated clip with tus and
 *      waits for READY: a real transcoded video in <storageDir>/videos/<id>/
 *   2. starts nginx (child process, own temp config, `daemon off;`, free port) on that folder
 *   3. wrk (a separate process) with keep-alive connections and a request mix cycling over every
 *      segment of every rendition, for each connection count, rounds interleaved ours/nginx
 * Prints requests/s, MB/s, p50/p99 latency (medians over rounds) and ours/nginx; writes
 * bench/results/origin.json.
 * Run: node dist/bench/origin.bench.js [--duration 10] [--connections 10,50] [--rounds 3]
 *      [--clip 20] [--width 1280 --height 720]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { HlsOriginService } from '@wetube/catalog';
import { generateClip } from '@wetube/testing';
import { arg, bootApi, segmentPaths, sleep, tusUpload, waitForStatus } from './support/api';
import { startNginx } from './support/nginx';
import { LoadResult, median, runWrk } from './support/wrk';

interface Target {
  name: string;
  baseUrl: string;
  /** Called before each run of this target (e.g. switches the origin's cache on or off). */
  prepare?: () => void;
}

async function main() {
  const durationSec = Number(arg('duration', '10'));
  const connections = arg('connections', '10,50').split(',').map(Number);
  const rounds = Number(arg('rounds', '3'));
  const clipSec = Number(arg('clip', '20'));
  const width = Number(arg('width', '1280'));
  const height = Number(arg('height', '720'));
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  const { api, client } = await bootApi({ LOG_LEVEL: 'error' });
  let nginx: Awaited<ReturnType<typeof startNginx>> | null = null;
  try {
    const t = Date.now();
    const clip = await generateClip({ path: join(api.dataDir, 'clip.mp4'), durationSec: clipSec, width, height, fps: 30, audio: true });
    const { videoId, error } = await tusUpload(client, clip);
    if (!videoId) throw new Error(`upload failed: ${JSON.stringify(error)}`);
    const v = await waitForStatus(client, videoId, ['READY', 'FAILED'], 600_000);
    if (v.status !== 'READY') throw new Error(`transcode failed: ${v.failureReason}`);
    const dir = join(api.config.storageDir, 'videos', videoId);
    const segs = await segmentPaths(dir);
    const paths = segs.map((s) => `/hls/${videoId}/${s}`);
    let total = 0;
    for (const s of segs) total += (await readFile(join(dir, s))).length;
    console.log(
      `video: ${clipSec} s ${width}x${height} source, transcoded in ${((Date.now() - t) / 1000).toFixed(1)} s (ladder preset ultrafast); renditions ${v.renditions.map((r: { name: string }) => r.name).join(', ')}`,
    );
    console.log(
      `request mix: ${segs.length} segment URLs (all renditions incl. audio), ${(total / 1e6).toFixed(1)} MB in all, mean ${(total / segs.length / 1024).toFixed(0)} KiB`,
    );

    nginx = await startNginx(videoId, dir);

    // Same bytes, same types from both, before any load.
    for (const p of [paths[0], paths[Math.floor(paths.length / 2)], paths[paths.length - 1]]) {
      const [a, b] = await Promise.all([fetch(api.url + p), fetch(nginx.url + p)]);
      const [ba, bb] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
      if (
        a.status !== 200 ||
        b.status !== 200 ||
        !Buffer.from(ba).equals(Buffer.from(bb)) ||
        a.headers.get('content-type') !== b.headers.get('content-type')
      ) {
        throw new Error(
          `ours and nginx differ on ${p}: ${a.status}/${b.status} ${a.headers.get('content-type')}/${b.headers.get('content-type')}`,
        );
      }
    }

    const origin = api.app.get(HlsOriginService) as HlsOriginService & { useCache?: (bytes: number) => void };
    const targets: Target[] = [];
    if (typeof origin.useCache === 'function') {
      const bytes = Number(process.env.HLS_ORIGIN_CACHE_MB ?? 256) * 1024 * 1024;
      targets.push({ name: 'ours', baseUrl: api.url, prepare: () => origin.useCache!(bytes) });
      targets.push({ name: 'ours-nocache', baseUrl: api.url, prepare: () => origin.useCache!(0) });
    } else {
      targets.push({ name: 'ours', baseUrl: api.url });
    }
    targets.push({ name: 'nginx', baseUrl: nginx.url });

    const workDir = api.dataDir;
    // Warm-up: JIT, page cache, our caches.
    for (const tg of targets) {
      tg.prepare?.();
      await runWrk({ baseUrl: tg.baseUrl, paths, connections: 10, durationSec: 2, workDir });
    }

    const runs: Record<string, Record<number, LoadResult[]>> = {};
    for (const tg of targets) runs[tg.name] = Object.fromEntries(connections.map((c) => [c, []]));
    for (let r = 0; r < rounds; r++) {
      for (const c of connections) {
        // Interleave, and rotate who goes first each round.
        const order = targets.map((_, i) => targets[(i + r) % targets.length]);
        for (const tg of order) {
          tg.prepare?.();
          await sleep(500);
          const res = await runWrk({ baseUrl: tg.baseUrl, paths, connections: c, durationSec, workDir });
          runs[tg.name][c].push(res);
          const errs = Object.values(res.errors).reduce((a, b) => a + b, 0);
          console.log(
            `  round ${r + 1} c=${String(c).padEnd(3)} ${tg.name.padEnd(13)} ${res.requestsPerSec.toFixed(0).padStart(6)} req/s ${res.mbPerSec.toFixed(0).padStart(5)} MB/s  p50 ${res.p50Ms.toFixed(2)} ms  p99 ${res.p99Ms.toFixed(2)} ms${errs ? `  ERRORS ${JSON.stringify(res.errors)}` : ''}`,
          );
        }
      }
    }

    const summary: Record<string, Record<number, { requestsPerSec: number; mbPerSec: number; p50Ms: number; p99Ms: number }>> = {};
    for (const tg of targets) {
      summary[tg.name] = {};
      for (const c of connections) {
        const rs = runs[tg.name][c];
        summary[tg.name][c] = {
          requestsPerSec: median(rs.map((x) => x.requestsPerSec)),
          mbPerSec: median(rs.map((x) => x.mbPerSec)),
          p50Ms: median(rs.map((x) => x.p50Ms)),
          p99Ms: median(rs.map((x) => x.p99Ms)),
        };
      }
    }
    console.log(`\nmedians over ${rounds} rounds of ${durationSec} s each (wrk, keep-alive, ${segs.length} segment URLs cycled):`);
    console.log(
      `${'target'.padEnd(13)} ${'conns'.padStart(5)} ${'req/s'.padStart(8)} ${'MB/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  ours/nginx`,
    );
    const ratios: Record<string, Record<number, number>> = {};
    for (const c of connections) {
      for (const tg of targets) {
        const s = summary[tg.name][c];
        const ratio = s.requestsPerSec / summary.nginx[c].requestsPerSec;
        if (tg.name !== 'nginx') (ratios[tg.name] ??= {})[c] = ratio;
        console.log(
          `${tg.name.padEnd(13)} ${String(c).padStart(5)} ${s.requestsPerSec.toFixed(0).padStart(8)} ${s.mbPerSec.toFixed(0).padStart(7)} ${s.p50Ms.toFixed(2).padStart(8)} ${s.p99Ms.toFixed(2).padStart(8)}  ${tg.name === 'nginx' ? '' : (ratio * 100).toFixed(0) + ' %'}`,
        );
      }
    }
    // Other work runs on this machine: a round's runs are adjacent in time, so the per-round ratio is
    // the steadier figure.
    const paired: Record<string, Record<number, number>> = {};
    for (const tg of targets.filter((x) => x.name !== 'nginx')) {
      paired[tg.name] = {};
      for (const c of connections) {
        paired[tg.name][c] = median(runs[tg.name][c].map((x, i) => x.requestsPerSec / runs.nginx[c][i].requestsPerSec));
        console.log(
          `paired per-round ratio ${tg.name}/nginx at ${c} connections: median ${(paired[tg.name][c] * 100).toFixed(0)} % (rounds: ${runs[tg.name][c].map((x, i) => ((x.requestsPerSec / runs.nginx[c][i].requestsPerSec) * 100).toFixed(0) + ' %').join(', ')})`,
        );
      }
    }
    const goal = Object.values(ratios.ours).every((x) => x >= 0.7);
    console.log(`goal (ours >= 70 % of nginx requests/s at every connection count): ${goal ? 'met' : 'NOT met'}`);

    const outDir = resolve(__dirname, '..', '..', 'bench', 'results');
    await mkdir(outDir, { recursive: true });
    const file = join(outDir, 'origin.json');
    await writeFile(
      file,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cores: cpus().length, model: cpus()[0]?.model, node: process.version, loadavgAtStart: loadavg() },
          video: {
            clipSec,
            width,
            height,
            renditions: v.renditions.map((r: { name: string }) => r.name),
            segments: segs.length,
            totalBytes: total,
          },
          load: { tool: 'wrk', threads: 2, durationSec, connections, rounds },
          summary,
          ratios,
          pairedRatios: paired,
          goalMet: goal,
          runs,
        },
        null,
        2,
      ),
    );
    console.log(`raw figures: ${file}`);
  } finally {
    await nginx?.stop();
    await api.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
