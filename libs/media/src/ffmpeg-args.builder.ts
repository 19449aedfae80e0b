import type {
  AudioRung,
  Ladder,
  LoudnessMeasure,
  LoudnessTarget,
  ProbeResult,
  SegmentMeasure,
  StoryboardPlan,
  VideoRung,
  WaveformPlan,
} from './media.types';

/** One ffmpeg run: input, input/global options, and its outputs in order. */
export interface FfmpegInvocation {
  input: string;
  /** Global and input options, placed before `-i`. */
  inputOptions: string[];
  outputs: FfmpegOutput[];
  /** Source duration in seconds, to turn ffmpeg's out_time into a fraction. */
  durationSec: number;
}

export interface FfmpegOutput {
  options: string[];
  /** Output path (ffmpeg's last argument for this output). */
  target: string;
}

export const MASTER_PLAYLIST = 'master.m3u8';
export const POSTER_FILE = 'poster.jpg';
export const STORYBOARD_VTT = 'storyboard.vtt';
export const STORYBOARD_PATTERN = 'storyboard_%03d.jpg';
export const INIT_SEGMENT = 'init.mp4';
export const MEDIA_PLAYLIST = 'playlist.m3u8';
export const SEGMENT_PATTERN = 'seg_%05d.m4s';
/** Scratch folder inside outDir for the single storyboard thumbnails; deleted once tiled. */
export const THUMBS_DIR = 'thumbs';
export const THUMB_PATTERN = 'thumb_%05d.jpg';
export const WAVEFORM_IMAGE = 'waveform.png';
export const WAVEFORM_PEAKS = 'waveform.json';
/** The audio item's one progressive file (M4A, AAC-LC, moov first): a podcast feed's enclosure. */
export const ENCLOSURE_FILE = 'enclosure.m4a';
export const ENCLOSURE_TYPE = 'audio/mp4';
/** The enclosure's bitrate: the highest rung at or under this, else the lowest rung. */
export const ENCLOSURE_MAX_BITRATE_K = 128;
/** Scratch: the mono low-rate PCM the encode writes for the waveform; deleted once drawn. */
export const WAVEFORM_PCM = 'waveform.pcm';

/** Seconds between two `-progress` reports (ffmpeg's default is 0.5 s). */
const PROGRESS_PERIOD_SEC = 0.25;
const QUIET = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-nostats'];

function join(dir: string, ...parts: string[]): string {
  return [dir.replace(/\/+$/, ''), ...parts].join('/');
}

/**
 * `-filter_complex` graph: one decode, split into every rung + the storyboard thumbnails.
 *
 * ffmpeg 5.1 prints no `-progress` data until every output of the process has written its
 * header. So no output of the encode may wait for late frames: the storyboard branch writes one
 * small JPEG per interval (the first at t=0), which buildStoryboardInvocation tiles into sprites
 * afterwards, and the poster is cut from the top rung afterwards (buildPosterInvocation). A
 * `tile=` or `trim=start=` branch here would hold the progress bar at 0 until the end / the
 * poster time.
 */
export function buildFilterGraph(probe: ProbeResult, ladder: Ladder): string {
  const branches = ladder.video.length + 1;
  const srcFps = probe.video?.fps ?? 0;
  const topFps = ladder.video[0]?.fps ?? srcFps;
  const pre = srcFps > 0 && topFps > 0 && topFps < srcFps - 0.01 ? `fps=${topFps},` : '';
  const labels = Array.from({ length: branches }, (_, i) => `[s${i}]`).join('');
  const parts = [`[0:v:0]${pre}split=${branches}${labels}`];
  ladder.video.forEach((rung, i) => {
    parts.push(`[s${i}]scale=${rung.width}:${rung.height}:flags=bicubic,setsar=1,format=yuv420p[v${rung.name}]`);
  });
  const sb = ladder.storyboard!;
  parts.push(`[s${branches - 1}]fps=1/${sb.intervalSec},scale=${sb.thumbWidth}:${sb.thumbHeight},setsar=1[thumbs]`);
  return parts.join(';');
}

function hlsOptions(ladder: Ladder, outDir: string, name: string): string[] {
  return [
    '-f',
    'hls',
    '-hls_time',
    String(ladder.segmentDurationSec),
    '-hls_playlist_type',
    'vod',
    '-hls_segment_type',
    'fmp4',
    '-hls_flags',
    'independent_segments+program_date_time',
    '-hls_fmp4_init_filename',
    INIT_SEGMENT,
    '-hls_segment_filename',
    join(outDir, name, SEGMENT_PATTERN),
  ];
}

/** Encoder options of one video rung (no mapping, no muxer). */
export function buildVideoRungOptions(rung: VideoRung, ladder: Ladder): string[] {
  const gop = Math.max(1, Math.round(rung.fps * ladder.segmentDurationSec));
  return [
    '-c:v',
    'libx264',
    '-preset',
    ladder.preset,
    '-profile:v',
    rung.profile,
    '-b:v',
    `${rung.videoBitrateK}k`,
    '-maxrate',
    `${rung.maxrateK}k`,
    '-bufsize',
    `${rung.bufsizeK}k`,
    '-g',
    String(gop),
    '-keyint_min',
    String(gop),
    '-sc_threshold',
    '0',
    '-force_key_frames',
    `expr:gte(t,n_forced*${ladder.segmentDurationSec})`,
  ];
}

/**
 * Arguments for ONE ffmpeg process that writes the whole HLS ladder and the storyboard
 * thumbnails (`thumbs/thumb_%05d.jpg`, scratch) into outDir. Pure. Every output starts writing at
 * t=0, so `-progress` reports from the start (see buildFilterGraph).
 *
 * Each rung is its own `-f hls` output rather than one output with `-var_stream_map`: ffmpeg 5.1
 * renames the init segment of every variant stream to `init_<index>.mp4`, whereas our layout (and
 * the HLS origin) wants `<name>/init.mp4`. Outputs of one process share the decode and the filter
 * graph exactly as var streams do, and no ffmpeg master playlist is written (we write our own).
 */
export function buildTranscodeInvocation(
  sourcePath: string,
  outDir: string,
  probe: ProbeResult,
  ladder: Ladder,
  measured: LoudnessMeasure | null = null,
): FfmpegInvocation {
  if (ladder.kind === 'audio') return buildAudioTranscodeInvocation(sourcePath, outDir, probe, ladder, measured);
  if (ladder.video.length === 0) throw new Error('The ladder has no video rung');
  const outputs: FfmpegOutput[] = [];
  ladder.video.forEach((rung, i) => {
    outputs.push({
      options: [
        ...(i === 0 ? ['-filter_complex', buildFilterGraph(probe, ladder)] : []),
        '-map',
        `[v${rung.name}]`,
        ...buildVideoRungOptions(rung, ladder),
        ...hlsOptions(ladder, outDir, rung.name),
      ],
      target: join(outDir, rung.name, MEDIA_PLAYLIST),
    });
  });
  if (ladder.audio) {
    const a = ladder.audio;
    outputs.push({
      options: [
        '-map',
        '0:a:0',
        '-c:a',
        'aac',
        '-b:a',
        `${a.bitrateK}k`,
        '-ac',
        String(a.channels),
        '-ar',
        String(a.sampleRate),
        ...hlsOptions(ladder, outDir, a.name),
      ],
      target: join(outDir, a.name, MEDIA_PLAYLIST),
    });
  }
  if (!ladder.storyboard) throw new Error('A video ladder needs a storyboard plan');
  outputs.push({
    // Near-lossless: these are re-encoded once more into the sprites.
    options: ['-map', '[thumbs]', '-c:v', 'mjpeg', '-q:v', '2', '-start_number', '0', '-f', 'image2'],
    target: join(outDir, THUMBS_DIR, THUMB_PATTERN),
  });
  return {
    input: sourcePath,
    inputOptions: [...QUIET, '-progress', 'pipe:2', '-stats_period', String(PROGRESS_PERIOD_SEC)],
    outputs,
    durationSec: probe.durationSec,
  };
}

/**
 * Tiles the thumbnails of the encode into sprite sheets `storyboard_%03d.jpg` (C x R tiles,
 * row by row; the last sheet is padded black, as `tile` does at the end of a stream). Reads only
 * the small JPEGs, not the source. Pure.
 */
export function buildStoryboardInvocation(outDir: string, plan: StoryboardPlan): FfmpegInvocation {
  return {
    input: join(outDir, THUMBS_DIR, THUMB_PATTERN),
    inputOptions: [...QUIET, '-f', 'image2', '-framerate', '1', '-start_number', '0'],
    outputs: [
      {
        options: [
          '-vf',
          `scale=${plan.thumbWidth}:${plan.thumbHeight},setsar=1,tile=${plan.columns}x${plan.rows}`,
          '-c:v',
          'mjpeg',
          '-q:v',
          '5',
          '-start_number',
          '0',
          '-f',
          'image2',
        ],
        target: join(outDir, STORYBOARD_PATTERN),
      },
    ],
    durationSec: 0,
  };
}

/**
 * The poster: the first frame at or after `posterAtSec` of the top video rung, read from its
 * init segment + the one media segment holding that time (fMP4 keeps absolute times, so the
 * offset is taken from that segment's start). Decodes at most one segment of the top rung, at
 * its size. `segments` are the rung's playlist entries in order. Pure.
 */
export function buildPosterInvocation(
  outDir: string,
  rungName: string,
  segments: Pick<SegmentMeasure, 'uri' | 'durationSec'>[],
  posterAtSec: number,
): FfmpegInvocation {
  if (segments.length === 0) throw new Error(`The ${rungName} rendition has no segment`);
  let start = 0;
  let index = 0;
  while (index < segments.length - 1 && posterAtSec >= start + segments[index].durationSec - 1e-3) {
    start += segments[index].durationSec;
    index++;
  }
  const offset = Math.max(0, Math.min(posterAtSec - start, segments[index].durationSec - 0.05));
  const files = [join(outDir, rungName, INIT_SEGMENT), join(outDir, rungName, segments[index].uri)];
  if (files.some((f) => f.includes('|'))) throw new Error(`Cannot read ${files.join(', ')} through concat: (a "|" in the path)`);
  return {
    input: `concat:${files.join('|')}`,
    inputOptions: [...QUIET],
    outputs: [
      {
        options: [
          '-ss',
          String(Math.round(offset * 1000) / 1000),
          '-map',
          '0:v:0',
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
        ],
        target: join(outDir, POSTER_FILE),
      },
    ],
    durationSec: 0,
  };
}

/** A number as ffmpeg's option parser reads it (no exponent, at most 2 decimals). */
function dec(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * The loudnorm filter. Without `measured`: the first pass (measures, prints JSON at the end).
 * With it: the second pass, linear (one gain for the whole file, as a mastering engineer would)
 * when the measure allows it; loudnorm itself falls back to its dynamic mode when the target's
 * true peak cannot be kept with one gain. Pure.
 */
export function buildLoudnormFilter(target: LoudnessTarget, measured: LoudnessMeasure | null = null): string {
  const base = `loudnorm=I=${dec(target.integrated)}:TP=${dec(target.truePeak)}:LRA=${dec(target.range)}`;
  if (!measured) return `${base}:print_format=json`;
  return (
    `${base}:measured_I=${dec(measured.integrated)}:measured_TP=${dec(measured.truePeak)}:measured_LRA=${dec(measured.range)}` +
    `:measured_thresh=${dec(measured.threshold)}:offset=${dec(measured.offset)}:linear=true:print_format=summary`
  );
}

/** The first loudnorm pass over the source's first audio stream: decode, measure, write nothing. Pure. */
export function buildLoudnessMeasureInvocation(sourcePath: string, durationSec: number, target: LoudnessTarget): FfmpegInvocation {
  return {
    input: sourcePath,
    // loudnorm prints its JSON at the `info` level.
    inputOptions: [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'info',
      '-nostats',
      '-progress',
      'pipe:2',
      '-stats_period',
      String(PROGRESS_PERIOD_SEC),
    ],
    outputs: [{ options: ['-map', '0:a:0', '-af', buildLoudnormFilter(target), '-f', 'null'], target: '-' }],
    durationSec,
  };
}

/**
 * The JSON loudnorm's first pass prints at the end of its output (`input_i`, `input_tp`,
 * `input_lra`, `input_thresh`, `target_offset`, as strings), from the lines ffmpeg wrote. Pure.
 */
export function parseLoudnormOutput(lines: string[]): LoudnessMeasure {
  const text = lines.join('\n');
  const start = text.lastIndexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('loudnorm printed no measurement');
  const json = JSON.parse(text.slice(start, end + 1)) as Record<string, string>;
  const n = (k: string) => {
    const v = Number(json[k]);
    if (!Number.isFinite(v)) throw new Error(`loudnorm measured no ${k} (${json[k]}): the audio may be silent`);
    return v;
  };
  return {
    integrated: n('input_i'),
    truePeak: n('input_tp'),
    range: n('input_lra'),
    threshold: n('input_thresh'),
    offset: n('target_offset'),
  };
}

/**
 * The audio-only ladder in ONE ffmpeg process: the first audio stream decoded once, normalized
 * (second loudnorm pass, with the first pass's measure) when the ladder asks, resampled to the
 * rungs' rate and split into every AAC-LC rung, each its own fMP4 HLS output on the same segment
 * grid (same rate, same 1024-sample frames: the segments line up across rungs), the progressive
 * enclosure.m4a (AAC-LC at enclosureRung's rate, `+faststart`: what podcast apps download), plus a mono
 * low-rate PCM for the waveform (scratch). Every output writes from t=0, so progress is reported
 * from the start. Pure.
 */
export function buildAudioTranscodeInvocation(
  sourcePath: string,
  outDir: string,
  probe: ProbeResult,
  ladder: Ladder,
  measured: LoudnessMeasure | null = null,
): FfmpegInvocation {
  const rungs = ladder.audioRungs;
  if (rungs.length === 0) throw new Error('The audio ladder has no rung');
  if (!ladder.waveform) throw new Error('An audio ladder needs a waveform plan');
  if (ladder.loudness && !measured) throw new Error('Loudness normalization needs the first pass measure');
  const rate = rungs[0].sampleRate;
  const norm = ladder.loudness && measured ? `${buildLoudnormFilter(ladder.loudness, measured)},` : '';
  const labels = rungs.map((_, i) => `[a${i}]`).join('');
  const graph =
    `[0:a:0]${norm}aresample=${rate},asplit=${rungs.length + 2}${labels}[enc][w];` +
    `[w]aformat=sample_fmts=s16:channel_layouts=mono,aresample=${ladder.waveform.pcmRate}[wave]`;
  const outputs: FfmpegOutput[] = rungs.map((rung, i) => ({
    options: [
      ...(i === 0 ? ['-filter_complex', graph] : []),
      '-map',
      `[a${i}]`,
      ...buildAudioRungOptions(rung),
      ...hlsOptions(ladder, outDir, rung.name),
    ],
    target: join(outDir, rung.name, MEDIA_PLAYLIST),
  }));
  outputs.push({
    options: ['-map', '[enc]', ...buildAudioRungOptions(enclosureRung(rungs)), '-movflags', '+faststart', '-f', 'mp4'],
    target: join(outDir, ENCLOSURE_FILE),
  });
  outputs.push({ options: ['-map', '[wave]', '-c:a', 'pcm_s16le', '-f', 's16le'], target: join(outDir, WAVEFORM_PCM) });
  return {
    input: sourcePath,
    inputOptions: [...QUIET, '-progress', 'pipe:2', '-stats_period', String(PROGRESS_PERIOD_SEC)],
    outputs,
    durationSec: probe.durationSec,
  };
}

/** The rung whose settings the progressive enclosure takes: the highest at or under ENCLOSURE_MAX_BITRATE_K, else the lowest. Pure. */
export function enclosureRung(rungs: readonly AudioRung[]): AudioRung {
  const sorted = [...rungs].sort((a, b) => a.bitrateK - b.bitrateK);
  return sorted.filter((r) => r.bitrateK <= ENCLOSURE_MAX_BITRATE_K).pop() ?? sorted[0];
}

/** Encoder options of one AAC-LC rung (no mapping, no muxer). */
export function buildAudioRungOptions(rung: AudioRung): string[] {
  return [
    '-c:a',
    'aac',
    '-profile:a',
    'aac_low',
    '-b:a',
    `${rung.bitrateK}k`,
    '-ac',
    String(rung.channels),
    '-ar',
    String(rung.sampleRate),
  ];
}

/** The waveform picture from the encode's PCM (mono s16le at plan.pcmRate): a sub-second call. Pure. */
export function buildWaveformInvocation(outDir: string, plan: WaveformPlan): FfmpegInvocation {
  return {
    input: join(outDir, WAVEFORM_PCM),
    inputOptions: [...QUIET, '-f', 's16le', '-ar', String(plan.pcmRate), '-ac', '1'],
    outputs: [
      {
        options: [
          '-filter_complex',
          `showwavespic=s=${plan.width}x${plan.height}:colors=0x3ea6ff:scale=sqrt`,
          '-frames:v',
          '1',
          '-f',
          'image2',
        ],
        target: join(outDir, WAVEFORM_IMAGE),
      },
    ],
    durationSec: 0,
  };
}

/** The embedded cover picture (stream `streamIndex` of the source) as the item's poster.jpg, at most 1200 wide. Pure. */
export function buildCoverInvocation(sourcePath: string, outDir: string, streamIndex: number): FfmpegInvocation {
  return {
    input: sourcePath,
    inputOptions: [...QUIET],
    outputs: [
      {
        options: [
          '-map',
          `0:${streamIndex}`,
          '-frames:v',
          '1',
          '-vf',
          "scale='min(1200,iw)':-2,format=yuvj420p",
          '-c:v',
          'mjpeg',
          '-q:v',
          '3',
          '-update',
          '1',
          '-f',
          'image2',
        ],
        target: join(outDir, POSTER_FILE),
      },
    ],
    durationSec: 0,
  };
}

/** Two colours from a seed (e.g. the title), so every generated cover differs but the same item's stays the same. Pure. */
export function coverColors(seed: string): [string, string] {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  const hue = h % 360;
  const hsl = (hh: number, sat: number, l: number) => {
    const a = sat * Math.min(l, 1 - l);
    const f = (n: number) => {
      const k = (n + hh / 30) % 12;
      return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
    };
    return `0x${[f(0), f(8), f(4)].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
  };
  return [hsl(hue, 0.65, 0.35), hsl((hue + 60) % 360, 0.7, 0.15)];
}

/** A generated cover when the file has none: a diagonal gradient (colours from `seed`) with the waveform across it. Pure. */
export function buildGeneratedCoverInvocation(outDir: string, seed: string): FfmpegInvocation {
  const [c0, c1] = coverColors(seed);
  return {
    input: join(outDir, WAVEFORM_IMAGE),
    inputOptions: [...QUIET],
    outputs: [
      {
        options: [
          '-filter_complex',
          `gradients=s=1000x1000:c0=${c0}:c1=${c1}:x0=0:y0=0:x1=1000:y1=1000:nb_colors=2:duration=1:rate=1[bg];` +
            `[0:v]scale=900:220[w];[bg][w]overlay=50:390,format=yuvj420p[out]`,
          '-map',
          '[out]',
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
        ],
        target: join(outDir, POSTER_FILE),
      },
    ],
    durationSec: 0,
  };
}

/**
 * `count` peaks (0..1, 3 decimals) of mono s16le PCM: the largest absolute sample of each of
 * `count` equal spans. What the player draws its waveform seek bar from. Pure.
 */
export function computePeaks(pcm: Uint8Array, count: number): number[] {
  const samples = Math.floor(pcm.length / 2);
  const view = new DataView(pcm.buffer, pcm.byteOffset, samples * 2);
  const peaks: number[] = [];
  for (let i = 0; i < count; i++) {
    const from = Math.floor((i * samples) / count);
    const to = Math.max(from + 1, Math.floor(((i + 1) * samples) / count));
    let max = 0;
    for (let j = from; j < to && j < samples; j++) max = Math.max(max, Math.abs(view.getInt16(j * 2, true)));
    peaks.push(Math.round((max / 32768) * 1000) / 1000);
  }
  return peaks;
}

/** The whole command line after `ffmpeg`, in the order fluent-ffmpeg passes it. */
export function toArgv(inv: FfmpegInvocation): string[] {
  return [...inv.inputOptions, '-i', inv.input, '-y', ...inv.outputs.flatMap((o) => [...o.options, o.target])];
}
