/**
 * Transcode benchmark: our pipeline against two baselines, in the same run, on the same clip.
 *   (a) ours: probe + planLadder + TranscodeService.transcode (ladder, master playlist, poster,
 *       storyboard)
 *   (b) plain: the very same single ffmpeg encode command line, spawned directly (our overhead =
 *       a - b: measuring, master playlist, poster cut and sprite tiling)
 *   (c) sequential: one ffmpeg process per rung, one after another (PeerTube style), plus audio,
 *       storyboard and poster processes, same encoder settings
 * Run: node dist/bench/transcode.bench.js [--duration 60] [--rounds 2] [--preset superfast] [--width 1920 --height 1080]
 *      [--no-sequential]
 */
import { spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MediaRepository, TranscodeService, buildTranscodeInvocation, planLadder, toArgv } from '@wetube/media';
import { StorageRepository } from '@wetube/platform';
import { generateClip } from '@wetube/testing';
import { arg, median } from './support/cli';

function ffmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.FFMPEG_PATH || 'ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-3000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg ${code}: ${err}`))));
  });
}

/** Removes the pair `flag value` from an option list. */
function without(options: string[], flag: string): string[] {
  const i = options.indexOf(flag);
  return i < 0 ? options : [...options.slice(0, i), ...options.slice(i + 2)];
}

const seconds = (ms: number) => (ms / 1000).toFixed(1) + ' s';

async function main() {
  const durationSec = Number(arg('duration', '60'));
  const width = Number(arg('width', '1920'));
  const height = Number(arg('height', '1080'));
  const preset = arg('preset', '');
  const sequential = !process.argv.includes('--no-sequential');
  const rounds = Math.max(1, Number(arg('rounds', '2')));
  const work = await mkdtemp(join(tmpdir(), 'wetube-bench-'));
  const repo = new MediaRepository();
  const service = new TranscodeService(repo, new StorageRepository());
  try {
    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}`);
    const t = Date.now();
    const src = await generateClip({ path: join(work, 'src.mp4'), durationSec, width, height, fps: 30, audio: true });
    console.log(`source: ${durationSec} s ${width}x${height} 30 fps H.264+AAC, generated in ${seconds(Date.now() - t)}`);

    const probe = await repo.probe(src);
    const ladder = planLadder(probe, preset ? { preset } : {});
    console.log(
      `ladder: ${ladder.video.map((r) => `${r.name} ${r.width}x${r.height} ${r.videoBitrateK}k`).join(', ')}${ladder.audio ? ', audio 128k' : ''}; preset ${ladder.preset}`,
    );

    // (a) ours: the whole pipeline step, as the transcode worker runs it
    const runOurs = async (out: string) => {
      const t0 = Date.now();
      const p = await repo.probe(src);
      const l = planLadder(p, preset ? { preset } : {});
      let firstPlayable = 0;
      // ffmpeg writes a VOD playlist only at the end; seg_00001 existing means seg_00000 is complete.
      const second = join(out, l.video[0].name, 'seg_00001.m4s');
      const poll = setInterval(() => {
        access(second).then(
          () => {
            if (!firstPlayable) firstPlayable = Date.now() - t0;
          },
          () => undefined,
        );
      }, 100);
      let encoded = 0;
      const progressLog: Array<{ pct: number; at: number }> = [];
      const result = await service.transcode(src, out, p, l, {
        onProgress: (pct) => {
          progressLog.push({ pct, at: Date.now() - t0 });
          if (pct >= 95 && !encoded) encoded = Date.now() - t0;
        },
      });
      clearInterval(poll);
      return {
        ms: Date.now() - t0,
        encoded,
        firstPlayable,
        files: result.files.length,
        moving: progressLog.filter((x) => x.pct > 0 && x.pct < 95),
      };
    };
    // (b) the very same ffmpeg command line, spawned directly
    const runPlain = async (out: string) => {
      const inv = buildTranscodeInvocation(src, out, probe, ladder);
      for (const o of inv.outputs) await mkdir(dirname(o.target), { recursive: true });
      const t0 = Date.now();
      await ffmpeg(toArgv(inv));
      return Date.now() - t0;
    };

    // Interleaved rounds (plain first in odd rounds, ours first in even ones): a slow moment of the
    // machine hits both, and the medians are compared.
    const oursMs: number[] = [];
    const plainMs: number[] = [];
    let last: Awaited<ReturnType<typeof runOurs>> | null = null;
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? ['plain', 'ours'] : ['ours', 'plain'];
      for (const which of order) {
        const out = join(work, `${which}-${round}`);
        if (which === 'ours') {
          last = await runOurs(out);
          oursMs.push(last.ms);
        } else {
          plainMs.push(await runPlain(out));
        }
        await rm(out, { recursive: true, force: true });
      }
      console.log(`round ${round + 1}: ours ${seconds(oursMs.at(-1)!)}, plain ${seconds(plainMs.at(-1)!)}`);
    }
    const ours = median(oursMs);
    const plain = median(plainMs);
    console.log(
      `(a) ours (probe+plan+transcode+master+poster+storyboard), median of ${rounds}: ${seconds(ours)}  = ${(durationSec / (ours / 1000)).toFixed(2)}x real time, ${last!.files} files`,
    );
    console.log(
      `    last run: probe+plan+encode ${seconds(last!.encoded)}, finishing (measure, ffprobe renditions, master, poster, sprites, vtt) ${seconds(last!.ms - last!.encoded)}`,
    );
    console.log(
      `    progress: first value above 0 % after ${last!.moving[0] ? seconds(last!.moving[0].at) : 'never'}, ${last!.moving.length} values between 0 and 95 %`,
    );
    if (last!.firstPlayable)
      console.log(`    first ${ladder.video[0].name} segment complete on disk after ${seconds(last!.firstPlayable)}`);
    console.log(`(b) plain ffmpeg, same single-pass command, median of ${rounds}: ${seconds(plain)}`);
    console.log(`    our overhead over plain: ${(((ours - plain) / plain) * 100).toFixed(1)} % (${seconds(ours - plain)})`);

    // (c) one process per rung, one after another
    if (sequential) {
      const outC = join(work, 'sequential');
      const seqInv = buildTranscodeInvocation(src, outC, probe, ladder);
      const global = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'];
      for (const o of seqInv.outputs) await mkdir(dirname(o.target), { recursive: true });
      const t = Date.now();
      for (const [i, rung] of ladder.video.entries()) {
        const opts = without(without(seqInv.outputs[i].options, '-filter_complex'), '-map');
        await ffmpeg([
          ...global,
          '-i',
          src,
          '-map',
          '0:v:0',
          '-vf',
          `scale=${rung.width}:${rung.height}:flags=bicubic,setsar=1,format=yuv420p`,
          ...opts,
          seqInv.outputs[i].target,
        ]);
      }
      let next = ladder.video.length;
      if (ladder.audio) {
        const a = seqInv.outputs[next++];
        await ffmpeg([...global, '-i', src, ...a.options, a.target]);
      }
      const sb = ladder.storyboard!;
      await ffmpeg([
        ...global,
        '-i',
        src,
        '-map',
        '0:v:0',
        '-vf',
        `fps=1/${sb.intervalSec},scale=${sb.thumbWidth}:${sb.thumbHeight},tile=${sb.columns}x${sb.rows}`,
        '-c:v',
        'mjpeg',
        '-q:v',
        '5',
        '-start_number',
        '0',
        '-f',
        'image2',
        join(outC, 'storyboard_%03d.jpg'),
      ]);
      await ffmpeg([
        ...global,
        '-ss',
        String(ladder.posterAtSec),
        '-i',
        src,
        '-map',
        '0:v:0',
        '-vf',
        `scale=${ladder.video[0].width}:${ladder.video[0].height}`,
        '-frames:v',
        '1',
        '-c:v',
        'mjpeg',
        '-q:v',
        '3',
        '-update',
        '1',
        '-f',
        'image2',
        join(outC, 'poster.jpg'),
      ]);
      const seq = Date.now() - t;
      console.log(`(c) sequential, one ffmpeg per rung (+audio, storyboard, poster): ${seconds(seq)}`);
      console.log(`    sequential / ours: ${(seq / ours).toFixed(2)}x`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
