import type { Ladder, ProbeResult, SegmentMeasure, StoryboardPlan, VideoRung } from './media.types';

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
  const sb = ladder.storyboard;
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
export function buildTranscodeInvocation(sourcePath: string, outDir: string, probe: ProbeResult, ladder: Ladder): FfmpegInvocation {
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

/** The whole command line after `ffmpeg`, in the order fluent-ffmpeg passes it. */
export function toArgv(inv: FfmpegInvocation): string[] {
  return [...inv.inputOptions, '-i', inv.input, '-y', ...inv.outputs.flatMap((o) => [...o.options, o.target])];
}
