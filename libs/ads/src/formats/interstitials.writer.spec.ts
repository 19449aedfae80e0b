import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHls, types as hlsTypes } from 'hls-parser';
import { MediaRepository, THUMBS_DIR, buildTranscodeInvocation, planLadder, toArgv } from '@wetube/media';
import { generateClip, runFfmpeg } from '@wetube/testing';
import { AdFormatError } from './format.errors';
import {
  ASSET_LIST_SESSION_PARAM,
  INTERSTITIAL_CLASS,
  defaultBreaks,
  insertInterstitials,
  withPlaybackSession,
} from './interstitials.writer';

const START = new Date('2026-03-01T12:00:00.000Z');
const TEMPLATE = 'https://api.wetube.test/api/ads/asset-list/vid-1/{id}?at={offset}';

/** A media playlist shaped like ours (ffmpeg 5.1, fMP4, PDT of the transcode's wall clock after EXTINF). */
function ffmpegLikePlaylist(durations: string[], { discontinuityAt = -1 } = {}): string {
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    '#EXT-X-TARGETDURATION:2',
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    '#EXT-X-MAP:URI="init.mp4"',
  ];
  let wall = Date.parse('2026-11-24T02:24:16.443Z');
  durations.forEach((d, i) => {
    if (i === discontinuityAt) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXTINF:${d},`);
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(wall).toISOString().replace('Z', '+0000')}`);
    lines.push(`seg_${String(i).padStart(5, '0')}.m4s`);
    wall += Number(d) * 1000;
  });
  lines.push('#EXT-X-ENDLIST', '');
  return lines.join('\n');
}

/** n segments of 2 s and a last one of `lastSec`. */
function twoSecondSegments(n: number, lastSec = 1): string[] {
  return [...Array.from({ length: n }, () => '2.000000'), lastSec.toFixed(6)];
}

/** Every line of the text but PROGRAM-DATE-TIME and interstitial DATERANGE lines. */
function contentLines(text: string): string[] {
  return text.split('\n').filter((l) => !l.startsWith('#EXT-X-PROGRAM-DATE-TIME') && !l.includes(INTERSTITIAL_CLASS));
}

function parseMedia(text: string): hlsTypes.MediaPlaylist {
  const p = parseHls(text);
  assert.ok(!p.isMasterPlaylist, 'a media playlist');
  return p as hlsTypes.MediaPlaylist;
}

function interstitialRanges(p: hlsTypes.MediaPlaylist) {
  return p.segments.flatMap((s, i) => (s.dateRange ? [{ segment: i, range: s.dateRange }] : []));
}

describe('defaultBreaks', () => {
  it('is a pre-roll alone up to 10 minutes', () => {
    assert.deepEqual(defaultBreaks(0), []);
    assert.deepEqual(defaultBreaks(0.5), [0]);
    assert.deepEqual(defaultBreaks(5 * 60), [0]);
    assert.deepEqual(defaultBreaks(9 * 60 + 59), [0]);
    assert.deepEqual(defaultBreaks(10 * 60), [0]);
  });
  it('adds a mid-roll every 8 minutes over 10 minutes, never in the last minute', () => {
    assert.deepEqual(defaultBreaks(10 * 60 + 1), [0, 480]);
    assert.deepEqual(defaultBreaks(17 * 60), [0, 480, 960]); // 960 is exactly one minute before the end
    assert.deepEqual(defaultBreaks(17 * 60 - 1), [0, 480]); // 960 would be in the last minute
    assert.deepEqual(defaultBreaks(25 * 60), [0, 480, 960, 1440]);
    assert.deepEqual(defaultBreaks(24 * 60 + 30), [0, 480, 960]);
    assert.deepEqual(defaultBreaks(2 * 3600), [0, 480, 960, 1440, 1920, 2400, 2880, 3360, 3840, 4320, 4800, 5280, 5760, 6240, 6720]);
  });
  it('refuses a negative or non-finite duration', () => {
    for (const d of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(
        () => defaultBreaks(d),
        (e: unknown) => e instanceof AdFormatError && e.field === 'durationSec',
      );
    }
  });
});

describe('insertInterstitials on a playlist shaped like ours', () => {
  const input = ffmpegLikePlaylist(twoSecondSegments(750)); // 25 min 1 s
  const breaks = defaultBreaks(25 * 60 + 1);
  const { text, breaks: placed } = insertInterstitials(input, { videoStart: START, breaks, assetListUrl: TEMPLATE });

  it('parses with hls-parser and carries one interstitial DATERANGE per break', () => {
    const p = parseMedia(text);
    const ranges = interstitialRanges(p);
    assert.deepEqual(breaks, [0, 480, 960, 1440]);
    assert.equal(ranges.length, breaks.length);
    ranges.forEach(({ segment, range }, n) => {
      assert.equal(range.id, `ad-${n}`);
      assert.equal(range.classId, INTERSTITIAL_CLASS);
      assert.equal(range.start!.toISOString(), new Date(START.getTime() + breaks[n] * 1000).toISOString());
      assert.equal(segment, breaks[n] / 2, 'written before the segment the break starts in');
      assert.equal(range.cue, n === 0 ? 'PRE' : 'ONCE');
      assert.equal(range.attributes['X-ASSET-LIST'], `https://api.wetube.test/api/ads/asset-list/vid-1/ad-${n}?at=${breaks[n]}`);
      assert.equal(range.attributes['X-RESUME-OFFSET'], 0);
      assert.equal(range.attributes['X-RESTRICT'], 'SKIP,JUMP');
      assert.equal(range.duration, undefined, 'no DURATION: the asset list decides per viewer');
    });
    assert.deepEqual(
      placed.map((b) => [b.id, b.offsetSec, b.startDate.toISOString(), b.segmentIndex]),
      [
        ['ad-0', 0, '2026-03-01T12:00:00.000Z', 0],
        ['ad-1', 480, '2026-03-01T12:08:00.000Z', 240],
        ['ad-2', 960, '2026-03-01T12:16:00.000Z', 480],
        ['ad-3', 1440, '2026-03-01T12:24:00.000Z', 720],
      ],
    );
  });

  it('START-DATE is the first segment PROGRAM-DATE-TIME plus the offset, and the PDT is the fixed video start', () => {
    const p = parseMedia(text);
    assert.equal(p.segments[0].programDateTime!.toISOString(), START.toISOString());
    const pdtLines = text.split('\n').filter((l) => l.startsWith('#EXT-X-PROGRAM-DATE-TIME'));
    assert.deepEqual(pdtLines, ['#EXT-X-PROGRAM-DATE-TIME:2026-03-01T12:00:00.000Z'], "ffmpeg's wall-clock PDTs are replaced by one");
    for (const { segment, range } of interstitialRanges(p)) {
      const segStart = p.segments.slice(0, segment).reduce((t, s) => t + s.duration, 0);
      assert.equal(range.start!.getTime() - p.segments[0].programDateTime!.getTime(), Math.round(segStart * 1000));
    }
  });

  it('keeps every segment line byte for byte (URIs, EXTINF, MAP), only PDT and DATERANGE lines differ', () => {
    assert.deepEqual(contentLines(text), contentLines(input));
    const a = parseMedia(input).segments.map((s) => [s.uri, s.duration]);
    const b = parseMedia(text).segments.map((s) => [s.uri, s.duration]);
    assert.deepEqual(b, a);
    assert.ok(text.endsWith('#EXT-X-ENDLIST\n'));
  });

  it('is the same for every viewer: no session in the playlist, same output for the same input', () => {
    assert.equal(insertInterstitials(input, { videoStart: new Date(START), breaks: [...breaks], assetListUrl: TEMPLATE }).text, text);
    assert.doesNotMatch(text, /session/i);
  });

  it('with sessionFromQuery: the asset lists carry the session through EXT-X-DEFINE QUERYPARAM, the text still the same for every viewer', () => {
    const withSession = insertInterstitials(input, {
      videoStart: new Date(START),
      breaks: [...breaks],
      assetListUrl: TEMPLATE,
      sessionFromQuery: true,
    }).text;
    const lines = withSession.split('\n');
    assert.deepEqual(lines.slice(0, 2), ['#EXTM3U', '#EXT-X-DEFINE:QUERYPARAM="session"']);
    assert.ok(lines.includes('#EXT-X-VERSION:11'), 'QUERYPARAM needs protocol version 11');
    assert.equal(lines.filter((l) => l.startsWith('#EXT-X-VERSION')).length, 1);
    const p = parseMedia(withSession);
    const ranges = interstitialRanges(p);
    assert.equal(ranges.length, breaks.length);
    ranges.forEach(({ range }, n) =>
      assert.equal(
        range.attributes['X-ASSET-LIST'],
        `https://api.wetube.test/api/ads/asset-list/vid-1/ad-${n}?at=${breaks[n]}&session={$session}`,
      ),
    );
    assert.deepEqual(
      p.segments.map((x) => [x.uri, x.duration]),
      parseMedia(text).segments.map((x) => [x.uri, x.duration]),
      'segments as without it',
    );
    assert.equal(
      insertInterstitials(input, { videoStart: new Date(START), breaks: [...breaks], assetListUrl: TEMPLATE, sessionFromQuery: true }).text,
      withSession,
    );
    // What a player does with it (hls.js's substitution of {$name} by the QUERYPARAM of the playlist's URL):
    const loadedFrom = new URL('https://api.wetube.test/hls/vid-1/720p/playlist.m3u8?session=s-42');
    const substituted = ranges[1].range.attributes['X-ASSET-LIST'].replace('{$session}', loadedFrom.searchParams.get('session')!);
    assert.equal(new URL(substituted).searchParams.get('session'), 's-42');
  });

  it('an empty break list leaves the playlist unchanged', () => {
    assert.equal(insertInterstitials(input, { videoStart: START, breaks: [], assetListUrl: TEMPLATE }).text, input);
  });

  it('breaks given out of order are numbered in time order', () => {
    const r = insertInterstitials(input, { videoStart: START, breaks: [960, 0, 480], assetListUrl: '/api/ads/asset-list/vid-1/{index}' });
    assert.deepEqual(
      r.breaks.map((b) => [b.id, b.offsetSec, b.assetListUrl]),
      [
        ['ad-0', 0, '/api/ads/asset-list/vid-1/0'],
        ['ad-1', 480, '/api/ads/asset-list/vid-1/1'],
        ['ad-2', 960, '/api/ads/asset-list/vid-1/2'],
      ],
    );
    assert.equal(interstitialRanges(parseMedia(r.text)).length, 3);
  });

  it('a mid-roll inside a segment goes before that segment, with its own START-DATE', () => {
    const r = insertInterstitials(input, { videoStart: START, breaks: [101.5], assetListUrl: TEMPLATE });
    const [{ segment, range }] = interstitialRanges(parseMedia(r.text));
    assert.equal(segment, 50);
    assert.equal(range.start!.toISOString(), '2026-03-01T12:01:41.500Z');
    assert.equal(range.cue, 'ONCE');
  });

  it('keeps PROGRAM-DATE-TIME continuous after a discontinuity', () => {
    const withGap = ffmpegLikePlaylist(['2.000000', '2.000000', '1.500000', '2.000000', '2.000000'], { discontinuityAt: 3 });
    const r = insertInterstitials(withGap, { videoStart: START, breaks: [0, 6], assetListUrl: TEMPLATE });
    const p = parseMedia(r.text);
    assert.equal(p.segments[0].programDateTime!.toISOString(), '2026-03-01T12:00:00.000Z');
    assert.ok(p.segments[3].discontinuity);
    assert.equal(p.segments[3].programDateTime!.toISOString(), '2026-03-01T12:00:05.500Z');
    assert.equal(r.text.split('\n').filter((l) => l.startsWith('#EXT-X-PROGRAM-DATE-TIME')).length, 2);
    assert.deepEqual(
      interstitialRanges(p).map((x) => [x.segment, x.range.start!.toISOString()]),
      [
        [0, '2026-03-01T12:00:00.000Z'],
        [3, '2026-03-01T12:00:06.000Z'],
      ],
    );
  });

  it('keeps CRLF line endings', () => {
    const crlf = input.replace(/\n/g, '\r\n');
    const r = insertInterstitials(crlf, { videoStart: START, breaks: [0], assetListUrl: TEMPLATE });
    assert.doesNotMatch(r.text.replace(/\r\n/g, ''), /\n/);
    assert.equal(interstitialRanges(parseMedia(r.text)).length, 1);
  });
});

describe('insertInterstitials refuses bad input with an error naming it', () => {
  const input = ffmpegLikePlaylist(twoSecondSegments(10)); // 21 s
  const refuses = (run: () => unknown, field: string, message: RegExp) =>
    assert.throws(run, (e: unknown) => {
      assert.ok(e instanceof AdFormatError, String(e));
      assert.equal(e.field, field);
      assert.match(e.message, message);
      return true;
    });
  const opts = { videoStart: START, breaks: [0], assetListUrl: TEMPLATE };

  it('a session placeholder in the asset-list URL', () => {
    refuses(
      () => insertInterstitials(input, { ...opts, assetListUrl: 'https://a.test/al/{id}?s={session}' }),
      'assetListUrl',
      /must not carry the playback session/,
    );
    refuses(
      () => insertInterstitials(input, { ...opts, assetListUrl: 'https://a.test/al/{viewer}' }),
      'assetListUrl',
      /unknown placeholder \{viewer\}/,
    );
    refuses(() => insertInterstitials(input, { ...opts, assetListUrl: 'javascript:alert(1)' }), 'assetListUrl', /not javascript:/);
    refuses(() => insertInterstitials(input, { ...opts, assetListUrl: 'https://a.test/"x"' }), 'assetListUrl', /double quote/);
  });
  it('breaks outside the video, not numbers, or two in one segment', () => {
    refuses(() => insertInterstitials(input, { ...opts, breaks: [21] }), 'breaks[0]', /not before the end/);
    refuses(() => insertInterstitials(input, { ...opts, breaks: [0, -2] }), 'breaks[1]', /≥ 0/);
    refuses(() => insertInterstitials(input, { ...opts, breaks: [Number.NaN] }), 'breaks[0]', /finite/);
    refuses(() => insertInterstitials(input, { ...opts, breaks: [4, 5] }), 'breaks', /same segment/);
  });
  it('not a media playlist, already interstitialised, no segment, bad start', () => {
    refuses(() => insertInterstitials('hello', opts), 'playlist', /#EXTM3U/);
    refuses(() => insertInterstitials('#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n720p/playlist.m3u8\n', opts), 'playlist', /multivariant/);
    refuses(() => insertInterstitials('#EXTM3U\n#EXT-X-ENDLIST\n', opts), 'playlist', /no media segment/);
    const once = insertInterstitials(input, opts).text;
    refuses(() => insertInterstitials(once, opts), 'playlist', /already has interstitial/);
    refuses(() => insertInterstitials(input, { ...opts, videoStart: new Date('nope') }), 'videoStart', /valid Date/);
  });
});

describe('withPlaybackSession', () => {
  it('adds the session to the asset-list request the player makes, keeping what hls.js adds', () => {
    assert.equal(ASSET_LIST_SESSION_PARAM, 'session');
    assert.equal(
      withPlaybackSession(
        '/api/ads/asset-list/vid-1/ad-0?at=0&_HLS_primary_id=x',
        'sess-1',
        'https://api.wetube.test/hls/vid-1/720p/playlist.m3u8',
      ),
      'https://api.wetube.test/api/ads/asset-list/vid-1/ad-0?at=0&_HLS_primary_id=x&session=sess-1',
    );
  });
});

describe('insertInterstitials on playlists our transcode writes', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wetube-interstitials-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('every rendition (video and audio) gets the same PDT and DATERANGE lines, segments untouched', async () => {
    const clip = await generateClip({ path: join(dir, 'src.mp4'), durationSec: 9, width: 320, height: 180, fps: 25 });
    const probe = await new MediaRepository().probe(clip);
    const ladder = planLadder(probe, { preset: 'ultrafast', rungs: [180] });
    const out = join(dir, 'out');
    const names = [...ladder.video.map((r) => r.name), ladder.audio!.name];
    for (const d of [...names, THUMBS_DIR]) await mkdir(join(out, d), { recursive: true });
    await runFfmpeg(toArgv(buildTranscodeInvocation(clip, out, probe, ladder)));
    assert.ok(names.length >= 2, names.join());
    const added = new Map<string, string[]>();
    for (const name of names) {
      const input = await readFile(join(out, name, 'playlist.m3u8'), 'utf8');
      assert.match(input, /#EXT-X-MAP:URI="init\.mp4"/);
      const { text } = insertInterstitials(input, { videoStart: START, breaks: [0, 4], assetListUrl: TEMPLATE });
      const p = parseMedia(text);
      assert.deepEqual(
        p.segments.map((s) => [s.uri, s.duration]),
        parseMedia(input).segments.map((s) => [s.uri, s.duration]),
      );
      assert.deepEqual(contentLines(text), contentLines(input));
      assert.deepEqual(
        interstitialRanges(p).map((x) => x.range.id),
        ['ad-0', 'ad-1'],
      );
      added.set(
        name,
        text.split('\n').filter((l) => l.startsWith('#EXT-X-PROGRAM-DATE-TIME') || l.includes(INTERSTITIAL_CLASS)),
      );
    }
    const [first, ...rest] = [...added.values()];
    for (const other of rest) assert.deepEqual(other, first);
    assert.equal(first.length, 3);
  });
});
