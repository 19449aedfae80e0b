import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { VASTParser } from '@dailymotion/vast-client';
import { AdFormatError } from './format.errors';
import { buildVast, checkHttpUrl, formatCoins, formatVastDuration, type VastAd } from './vast.writer';

// dist/libs/ads/src/formats → repo root is five levels up; the IAB schema lives in ../shared.
const REPO_ROOT = resolve(__dirname, '../../../../..');
const XSD = resolve(REPO_ROOT, '../shared/iab/vast_4.2.xsd');
const XMLLINT = spawnSync('xmllint', ['--version']).error ? null : 'xmllint';
const noXmllint = XMLLINT ? false : 'xmllint is not installed (Debian package libxml2-utils; CI installs it)';

function xsdCheck(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wetube-vast-'));
  try {
    const file = join(dir, 'vast.xml');
    writeFileSync(file, xml);
    const r = spawnSync(XMLLINT!, ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What these tests read of @dailymotion/vast-client's parse (its own types say `any`). */
interface ParsedCreative {
  type: string;
  id: string;
  universalAdIds: Array<{ value: string }>;
  duration: number;
  videoClickThroughURLTemplate: { url: string };
  videoClickTrackingURLTemplates: Array<{ url: string }>;
  mediaFiles: Array<{ fileURL: string; mimeType: string; width: number; height: number; deliveryType: string; bitrate: number }>;
  trackingEvents: Record<string, string[]>;
}

interface ParsedAd {
  id: string;
  sequence: string | number;
  system: { value: string };
  title: string;
  advertiser: { value: string };
  adServingId: string;
  impressionURLTemplates: Array<{ url: string }>;
  errorURLTemplates: string[];
  creatives: ParsedCreative[];
  pricing: { value: string; model: string; currency: string };
}

interface Parsed {
  response: { version: string; ads: ParsedAd[] };
  warnings: unknown[];
  errors: unknown[];
}

async function parseWithVastClient(xml: string): Promise<Parsed> {
  const parser = new VASTParser();
  const warnings: unknown[] = [];
  const errors: unknown[] = [];
  parser.on('VAST-warning', (w: unknown) => warnings.push(w));
  parser.on('VAST-error', (e: unknown) => errors.push(e));
  const domErrors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => domErrors.push(`${level}: ${msg}`),
  }).parseFromString(xml, 'text/xml');
  assert.deepEqual(domErrors, [], 'the XML parses without error or warning');
  const response = (await parser.parseVAST(doc)) as Parsed['response'];
  return { response, warnings, errors };
}

function ad(n: number, over: Partial<VastAd> = {}): VastAd {
  const beacon = (event: string) => [`https://api.wetube.test/ads/b/${event}?ad=${n}&sig=abc${n}`];
  return {
    adId: `li-${n}`,
    creativeId: `cr-${n}`,
    title: `Spring sale ${n}`,
    advertiserName: `Acme ${n}`,
    durationMs: 15_000 + n * 1_500,
    mediaFiles: [
      {
        url: `https://api.wetube.test/hls/cr-${n}/master.m3u8`,
        type: 'application/x-mpegURL',
        width: 1280,
        height: 720,
        bitrateKbps: 2800,
        delivery: 'streaming',
      },
      { url: `https://api.wetube.test/ads/cr-${n}/720p.mp4`, type: 'video/mp4', width: 1280, height: 720, delivery: 'progressive' },
    ],
    clickThroughUrl: `https://acme.example/landing?c=${n}&utm_source=wetube`,
    clickTrackingUrls: beacon('click'),
    impressionUrls: beacon('impression'),
    trackingUrls: {
      start: beacon('start'),
      firstQuartile: beacon('firstQuartile'),
      midpoint: beacon('midpoint'),
      thirdQuartile: beacon('thirdQuartile'),
      complete: [...beacon('complete'), `https://third.party.example/c?ad=${n}`],
    },
    errorUrl: `https://api.wetube.test/ads/err?ad=${n}`,
    pricingCpmMinor: 2_500_000n + BigInt(n),
    adSystem: 'WeTube',
    sequence: n,
    ...over,
  };
}

const NASTY = `Tom & Jerry's "best" <deal> ]]> ]]]]><![CDATA[ — ünïcödé 日本語 🎉 &amp; &#x26;`;

/** What the vast-client gives back must be what went in, field by field. */
function assertRoundTrip(parsedAd: ParsedAd, input: VastAd): void {
  assert.equal(parsedAd.id, input.adId);
  assert.equal(Number(parsedAd.sequence), input.sequence);
  assert.equal(parsedAd.system.value, 'WeTube');
  assert.equal(parsedAd.title, input.title);
  assert.equal(parsedAd.advertiser.value, input.advertiserName);
  assert.ok(parsedAd.adServingId, 'AdServingId is present');
  assert.deepEqual(
    parsedAd.impressionURLTemplates.map((i) => i.url),
    input.impressionUrls,
  );
  assert.deepEqual(parsedAd.errorURLTemplates, input.errorUrl ? [input.errorUrl] : []);
  assert.equal(parsedAd.creatives.length, 1);
  const c = parsedAd.creatives[0];
  assert.equal(c.type, 'linear');
  assert.equal(c.id, input.creativeId);
  assert.equal(c.universalAdIds[0].value, input.creativeId);
  assert.equal(c.duration, input.durationMs / 1000);
  assert.equal(c.videoClickThroughURLTemplate.url, input.clickThroughUrl);
  assert.deepEqual(
    c.videoClickTrackingURLTemplates.map((t) => t.url),
    input.clickTrackingUrls ?? [],
  );
  assert.deepEqual(
    c.mediaFiles.map((f) => ({
      url: f.fileURL,
      type: f.mimeType,
      width: f.width,
      height: f.height,
      delivery: f.deliveryType,
      bitrate: f.bitrate,
    })),
    input.mediaFiles.map((f) => ({
      url: f.url,
      type: f.type,
      width: f.width,
      height: f.height,
      delivery: f.delivery,
      bitrate: f.bitrateKbps ?? 0,
    })),
  );
  for (const event of ['start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete'] as const) {
    assert.deepEqual(c.trackingEvents[event], input.trackingUrls[event], `tracking ${event}`);
  }
  if (input.pricingCpmMinor !== undefined) {
    assert.equal(parsedAd.pricing.value, formatCoins(input.pricingCpmMinor));
    assert.equal(parsedAd.pricing.model, 'CPM');
    assert.equal(parsedAd.pricing.currency, 'CLC');
  }
}

describe('buildVast: IAB VAST 4.2 schema', { skip: noXmllint }, () => {
  it('finds the schema beside the repository', () => {
    assert.ok(existsSync(XSD), `IAB schema at ${XSD}`);
  });
  for (const [name, ads] of [
    ['no ad (an empty pod)', []],
    ['one ad', [ad(1)]],
    ['a pod of three ads', [ad(1), ad(2), ad(3)]],
    [
      'nasty strings in every text and URL',
      [
        ad(1, {
          title: NASTY,
          advertiserName: NASTY,
          adId: `id ${NASTY}`,
          creativeId: `cr "${NASTY}"`,
          adServingId: NASTY,
          clickThroughUrl: 'https://acme.example/l?a=1&b="2"&c=<x>&d=]]>&e=ü',
          impressionUrls: ["https://api.wetube.test/i?x='1'&y=]]>&z=%26"],
        }),
      ],
    ],
    [
      'minimal ad (no error URL, no price, no bitrate, no tracking)',
      [
        ad(1, {
          errorUrl: undefined,
          pricingCpmMinor: undefined,
          mediaFiles: [{ url: 'https://a.test/m.m3u8', type: 'application/x-mpegURL', width: 640, height: 360, delivery: 'streaming' }],
          trackingUrls: { start: [], firstQuartile: [], midpoint: [], thirdQuartile: [], complete: [] },
        }),
      ],
    ],
    [
      'an audio ad (media file 0 × 0, as VAST 4.1+ says for audio)',
      [
        ad(1, {
          mediaFiles: [{ url: 'https://a.test/song.m3u8', type: 'application/x-mpegURL', width: 0, height: 0, delivery: 'streaming' }],
        }),
      ],
    ],
  ] as const) {
    it(`validates with xmllint: ${name}`, () => {
      const r = xsdCheck(buildVast(ads as unknown as VastAd[]));
      assert.ok(r.ok, r.output);
      assert.match(r.output, /validates/);
    });
  }
  it('the schema check can fail: a document missing AdServingId does not validate', () => {
    const xml = buildVast([ad(1)]).replace(/<AdServingId>.*<\/AdServingId>\n/, '');
    assert.doesNotMatch(xml, /AdServingId/);
    const r = xsdCheck(xml);
    assert.equal(r.ok, false, r.output);
    assert.match(r.output, /AdTitle|AdServingId/);
  });
});

describe('buildVast: parsed by @dailymotion/vast-client', () => {
  it('an empty pod is <VAST version="4.2"/> and parses to no ad', async () => {
    const xml = buildVast([]);
    assert.match(xml, /<VAST xmlns="http:\/\/www\.iab\.com\/VAST" version="4\.2"\/>/);
    const { response, warnings, errors } = await parseWithVastClient(xml);
    assert.equal(response.version, '4.2');
    assert.deepEqual(response.ads, []);
    assert.deepEqual(warnings, []);
    // An empty response is VAST's "no ad" answer: the client's only event is error 303 (No Ads
    // VAST response), which is what an outside player should hear for an ad-free plan or no
    // eligible ad. Nothing else.
    assert.deepEqual(errors, [{ ERRORCODE: 303, extensions: [] }]);
  });

  it('one ad: no error, no warning, and everything comes back', async () => {
    const input = ad(1);
    const { response, warnings, errors } = await parseWithVastClient(buildVast([input]));
    assert.deepEqual(warnings, []);
    assert.deepEqual(errors, []);
    assert.equal(response.version, '4.2');
    assert.equal(response.ads.length, 1);
    assertRoundTrip(response.ads[0], input);
  });

  it('an audio ad (0 × 0) parses with no warning and keeps its size', async () => {
    const input = ad(1, {
      mediaFiles: [{ url: 'https://a.test/song.m3u8', type: 'application/x-mpegURL', width: 0, height: 0, delivery: 'streaming' }],
    });
    const { response, warnings, errors } = await parseWithVastClient(buildVast([input]));
    assert.deepEqual([warnings, errors], [[], []]);
    assertRoundTrip(response.ads[0], input);
  });

  it('three ads come back in sequence order, whatever the input order', async () => {
    const inputs = [ad(2), ad(3), ad(1)];
    const xml = buildVast(inputs);
    const { response, warnings, errors } = await parseWithVastClient(xml);
    assert.deepEqual(warnings, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      response.ads.map((a) => a.id),
      ['li-1', 'li-2', 'li-3'],
    );
    for (const a of response.ads)
      assertRoundTrip(
        a,
        inputs.find((i) => i.adId === a.id)!,
      );
  });

  it('nasty strings are escaped and come back exactly; nasty URLs come back percent-encoded, same once decoded', async () => {
    const click = 'https://acme.example/l?a=1&b="2"&c=<x>&d=]]>&e=ü&f=&amp;';
    const midpoint = "https://api.wetube.test/m/ü ß?q=a&b='c'&d=]]>&e=[ERRORCODE]&f=%zz";
    const input = ad(1, {
      title: NASTY,
      advertiserName: NASTY,
      adId: `id ${NASTY}`,
      clickThroughUrl: click,
      trackingUrls: { ...ad(1).trackingUrls, midpoint: [midpoint] },
    });
    const xml = buildVast([input]);
    assert.doesNotMatch(xml, /&(?!amp;|lt;|gt;|quot;)/, 'every ampersand is escaped');
    assert.ok(!xml.includes(']]>'), 'no raw ]]> in the text');
    const { response, warnings, errors } = await parseWithVastClient(xml);
    assert.deepEqual(warnings, []);
    assert.deepEqual(errors, []);
    const got = response.ads[0];
    assert.equal(got.title, NASTY);
    assert.equal(got.advertiser.value, NASTY);
    assert.equal(got.id, `id ${NASTY}`);
    const gotClick: string = got.creatives[0].videoClickThroughURLTemplate.url;
    const gotMid: string = got.creatives[0].trackingEvents.midpoint[0];
    assert.match(gotClick, /^[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+$/, 'only RFC 3986 characters');
    const same = (a: string, b: string) => {
      const x = new URL(a);
      const y = new URL(b);
      assert.equal(x.host, y.host);
      assert.equal(decodeURIComponent(x.pathname), decodeURIComponent(y.pathname));
      assert.deepEqual([...x.searchParams], [...y.searchParams]);
    };
    same(gotClick, click);
    assert.ok(gotClick.endsWith('&f=&amp;'), `a literal "&amp;" in a URL survives: ${gotClick}`);
    assert.equal(gotMid, 'https://api.wetube.test/m/%C3%BC%20%C3%9F?q=a&b=%27c%27&d=%5D%5D%3E&e=%5BERRORCODE%5D&f=%25zz');
  });

  it('the parse check can fail: the client warns when a required element is missing', async () => {
    const xml = buildVast([ad(1)]).replace(/<Impression[^>]*>.*<\/Impression>\n/g, '');
    const { warnings } = await parseWithVastClient(xml);
    assert.ok(warnings.length > 0, 'a VAST without Impression gets a warning');
  });
});

describe('buildVast: refuses bad input with an error naming it', () => {
  const refuses = (over: Partial<VastAd>, field: RegExp, message: RegExp) =>
    assert.throws(
      () => buildVast([ad(1), ad(2, over)]),
      (e: unknown) => {
        assert.ok(e instanceof AdFormatError, String(e));
        assert.match(e.field, field);
        assert.match(e.message, message);
        return true;
      },
    );

  it('a click-through that is javascript:, ftp: or not a URL', () => {
    refuses(
      { clickThroughUrl: 'javascript:alert(1)' },
      /^ads\[1\]\.clickThroughUrl$/,
      /clickThroughUrl must be an http or https URL, not javascript:/,
    );
    refuses({ clickThroughUrl: 'ftp://files.example/x' }, /clickThroughUrl/, /not ftp:.*ftp:\/\/files\.example\/x/);
    refuses({ clickThroughUrl: 'not a url' }, /clickThroughUrl/, /clickThroughUrl is not a URL: "not a url"/);
    refuses({ clickThroughUrl: '/relative/path' }, /clickThroughUrl/, /is not a URL/);
    refuses({ clickThroughUrl: '' }, /clickThroughUrl/, /is empty/);
  });
  it('bad tracking, impression, error and media URLs', () => {
    refuses({ impressionUrls: ['data:text/html,x'] }, /^ads\[1\]\.impressionUrls\[0\]$/, /not data:/);
    refuses({ impressionUrls: [] }, /impressionUrls/, /needs an impression URL/);
    refuses(
      { trackingUrls: { ...ad(2).trackingUrls, midpoint: ['https://ok.test/', 'javascript:x'] } },
      /^ads\[1\]\.trackingUrls\.midpoint\[1\]$/,
      /javascript:/,
    );
    refuses({ errorUrl: 'mailto:x@y.z' }, /errorUrl/, /mailto:/);
    refuses({ mediaFiles: [{ ...ad(2).mediaFiles[0], url: 'file:///etc/passwd' }] }, /mediaFiles\[0\]\.url/, /file:/);
  });
  it('bad durations, sizes, types, prices, sequences and characters', () => {
    refuses({ durationMs: 0 }, /durationMs/, /positive integer/);
    refuses({ durationMs: 1.5 }, /durationMs/, /positive integer/);
    refuses({ durationMs: 24 * 3600 * 1000 }, /durationMs/, /under 24 hours/);
    refuses({ mediaFiles: [] }, /mediaFiles/, /needs a media file/);
    refuses({ mediaFiles: [{ ...ad(2).mediaFiles[0], width: 0 }] }, /mediaFiles\[0\]\.width/, /positive integer/);
    refuses({ mediaFiles: [{ ...ad(2).mediaFiles[0], type: 'video/webm' as never }] }, /mediaFiles\[0\]\.type/, /video\/webm/);
    refuses({ mediaFiles: [{ ...ad(2).mediaFiles[0], delivery: 'push' as never }] }, /delivery/, /push/);
    refuses({ pricingCpmMinor: -1n }, /pricingCpmMinor/, /negative/);
    refuses({ pricingCpmMinor: 0.5 }, /pricingCpmMinor/, /integer/);
    refuses({ sequence: 1 }, /^ads\[1\]\.sequence$/, /also the sequence of ads\[0\]/);
    refuses({ title: 'bell \u0007 here' }, /^ads\[1\]\.title$/, /U\+0007/);
    refuses({ advertiserName: 'lone \uD800 surrogate' }, /advertiserName/, /U\+D800/);
    refuses({ adSystem: 'Other' as never }, /adSystem/, /WeTube/);
  });
});

describe('VAST value formats', () => {
  it('URLs: ordinary ones byte for byte, others in RFC 3986 form', () => {
    for (const u of ['https://api.wetube.test/ads/b/start?ad=1&sig=a-b_c.d~e%2F', 'http://[::1]:4000/x?y=1#z', 'https://a.test/']) {
      assert.equal(checkHttpUrl('u', u), u);
    }
    assert.equal(checkHttpUrl('u', 'HTTPS://Acme.Example'), 'https://acme.example/');
    assert.equal(checkHttpUrl('u', 'https://a.test/p?m=[CACHEBUSTING]|^{}'), 'https://a.test/p?m=%5BCACHEBUSTING%5D%7C%5E%7B%7D');
  });
  it('Duration is HH:MM:SS.mmm', () => {
    assert.equal(formatVastDuration(15_000), '00:00:15.000');
    assert.equal(formatVastDuration(1), '00:00:00.001');
    assert.equal(formatVastDuration(3_723_456), '01:02:03.456');
    assert.equal(formatVastDuration(24 * 3600 * 1000 - 1), '23:59:59.999');
  });
  it('Pricing is the CPM in whole coins, exact', () => {
    assert.equal(formatCoins(2_500_000n), '2.5');
    assert.equal(formatCoins(7), '0.000007');
    assert.equal(formatCoins(0n), '0');
    assert.equal(formatCoins(123_456_789_012_345_678n), '123456789012.345678');
  });
});
