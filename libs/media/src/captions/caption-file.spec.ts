import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CaptionError } from './caption-cue';
import { CAPTION_MAX_BYTES, parseCaptionFile, writeVtt } from './caption-file';
import { canonicalLanguage, cleanCaptionLabel, defaultCaptionLabel } from './caption-language';

const enc = (s: string) => new TextEncoder().encode(s);

function refused(text: string | Uint8Array, code: string, message?: RegExp): CaptionError {
  let caught: unknown;
  try {
    parseCaptionFile(typeof text === 'string' ? enc(text) : text);
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof CaptionError, `expected a CaptionError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  if (message) assert.match(caught.message, message);
  return caught;
}

const SRT = `1
00:00:01,000 --> 00:00:02,500
Hello, world!

2
00:00:03,000 --> 00:00:04,000
<i>Second</i> line
and another
`;

describe('SRT to WebVTT', () => {
  it('converts numbered cues: commas become dots, hours kept, numbers kept as cue ids', () => {
    const parsed = parseCaptionFile(enc(SRT));
    assert.equal(parsed.format, 'srt');
    assert.deepEqual(
      parsed.cues.map((c) => [c.id, c.startMs, c.endMs, c.text]),
      [
        ['1', 1000, 2500, 'Hello, world!'],
        ['2', 3000, 4000, '<i>Second</i> line\nand another'],
      ],
    );
    assert.equal(
      writeVtt(parsed.cues),
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nHello, world!\n\n2\n00:00:03.000 --> 00:00:04.000\n<i>Second</i> line\nand another\n\n',
    );
  });

  it('accepts a UTF-8 BOM and CRLF (or CR) line ends', () => {
    const crlf = '\uFEFF' + SRT.replace(/\n/g, '\r\n');
    const a = parseCaptionFile(enc(crlf));
    const b = parseCaptionFile(enc(SRT.replace(/\n/g, '\r')));
    assert.deepEqual(a.cues, parseCaptionFile(enc(SRT)).cues);
    assert.deepEqual(b.cues, a.cues);
    assert.equal(a.cues[0].text, 'Hello, world!', 'no BOM or CR left in the text');
  });

  it('reads UTF-16 with a byte order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SRT, 'utf16le')]);
    assert.deepEqual(parseCaptionFile(le).cues, parseCaptionFile(enc(SRT)).cues);
  });

  it('keeps HTML-looking text as text: script tags, onerror attributes and ampersands are escaped', () => {
    const srt = `1\n00:00:01,000 --> 00:00:02,000\n<script>alert(1)</script> & <img src=x onerror=alert(2)>\n`;
    const [cue] = parseCaptionFile(enc(srt)).cues;
    assert.equal(cue.text, '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;');
    assert.ok(!/<script|<img/i.test(writeVtt([cue])));
  });

  it('drops <font> colours and {\\an8} position codes but keeps <b>, <i>, <u>', () => {
    const srt = `1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font color="#ff0000"><b>Top</b></font> <u>x</u>\n`;
    assert.equal(parseCaptionFile(enc(srt)).cues[0].text, '<b>Top</b> <u>x</u>');
  });

  it('sorts cues by start and keeps overlapping cues (both are shown)', () => {
    const srt = `2\n00:00:05,000 --> 00:00:07,000\nlater\n\n1\n00:00:01,000 --> 00:00:06,000\nlong\n\n3\n00:00:02,000 --> 00:00:03,000\noverlaps long\n`;
    assert.deepEqual(
      parseCaptionFile(enc(srt)).cues.map((c) => [c.startMs, c.endMs, c.text]),
      [
        [1000, 6000, 'long'],
        [2000, 3000, 'overlaps long'],
        [5000, 7000, 'later'],
      ],
    );
  });

  it('refuses malformed timestamps naming the line', () => {
    refused(`1\n00:00:01.5 --> 00:00:02,000\nx\n`, 'CAPTION_MALFORMED_TIMESTAMP', /Line 2: "00:00:01.5" is not a timestamp/);
    refused(`1\n00:61:01,000 --> 00:62:02,000\nx\n`, 'CAPTION_MALFORMED_TIMESTAMP', /Line 2/);
    refused(`${SRT}\n3\n00:00:05,000 -> 00:00:06,000\nx\n`, 'CAPTION_MALFORMED_TIMESTAMP', /Line 11: expected a cue timing/);
  });

  it('refuses a cue that ends before it starts, and a missing blank line between cues', () => {
    refused(`1\n00:00:02,000 --> 00:00:01,000\nx\n`, 'CAPTION_BAD_CUE', /ends \(00:00:01\.000\) before it starts/);
    refused(`1\n00:00:01,000 --> 00:00:02,000\nx\n2\n00:00:03,000 --> 00:00:04,000\ny\n`, 'CAPTION_BAD_CUE', /blank line/);
  });
});

describe('WebVTT', () => {
  it('reads header, ids, MM:SS.mmm times, settings; skips NOTE, STYLE and REGION blocks', () => {
    const vtt = `WEBVTT - a title\nKind: captions\n\nSTYLE\n::cue { color: red }\n\nNOTE a comment\n\nintro\n00:01.000 --> 00:02.000 align:start line:0 region:r1 bogus:1\n<v Roger>Hi</v> &amp; <c.loud>bye</c>\n\n01:00:00.000 --> 01:00:01.250\n<00:00:00.500>karaoke\n`;
    const parsed = parseCaptionFile(enc(vtt));
    assert.equal(parsed.format, 'vtt');
    assert.deepEqual(
      parsed.cues.map((c) => [c.id, c.startMs, c.endMs, c.settings, c.text]),
      [
        ['intro', 1000, 2000, 'align:start line:0', '<v Roger>Hi</v> &amp; <c.loud>bye</c>'],
        [null, 3_600_000, 3_601_250, '', '<00:00:00.500>karaoke'],
      ],
    );
  });

  it('escapes tags that are not WebVTT tags, so the text shows as typed', () => {
    const vtt = `WEBVTT\n\n00:00.000 --> 00:01.000\n<img src=x onerror=alert(1)><b>bold</b> a < b && c\n`;
    assert.equal(parseCaptionFile(enc(vtt)).cues[0].text, '&lt;img src=x onerror=alert(1)&gt;<b>bold</b> a &lt; b &amp;&amp; c');
  });

  it('is stable: its own output reads back to the same cues', () => {
    const first = parseCaptionFile(enc(`WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000 position:10%\n<i>a</i> &lt;b&gt; & <script>\n`));
    const again = parseCaptionFile(enc(writeVtt(first.cues)));
    assert.deepEqual(again.cues, first.cues);
  });

  it('refuses bad timestamps, reversed cues and header-only files', () => {
    refused(`WEBVTT\n\n00:00:01,000 --> 00:00:02.000\nx\n`, 'CAPTION_MALFORMED_TIMESTAMP', /Line 3: "00:00:01,000"/);
    refused(`WEBVTT\n\n00:00:01.000 --> 00:00:02\nx\n`, 'CAPTION_MALFORMED_TIMESTAMP');
    refused(`WEBVTT\n\nid only\n`, 'CAPTION_MALFORMED_TIMESTAMP', /expected a cue timing/);
    refused(`WEBVTT\n\n00:00:03.000 --> 00:00:03.000\nx\n`, 'CAPTION_BAD_CUE');
    refused(`WEBVTT\n\nNOTE nothing here\n`, 'CAPTION_EMPTY');
  });
});

describe('what is not subtitles', () => {
  it('refuses other text, binary files, invalid UTF-8 and too large files with the limit named', () => {
    refused('hello there\nthis is a letter', 'CAPTION_NOT_SUBTITLES', /not WebVTT or SRT/);
    refused('', 'CAPTION_NOT_SUBTITLES');
    refused(new Uint8Array([0x00, 0x00, 0x00, 0x20, 0x66, 0x74, 0x79, 0x70]), 'CAPTION_NOT_TEXT');
    refused(new Uint8Array([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xc3, 0x28]), 'CAPTION_NOT_TEXT', /UTF-8/);
    const big = new Uint8Array(CAPTION_MAX_BYTES + 1).fill(0x41);
    refused(big, 'CAPTION_TOO_LARGE', /limit of 1 MB/);
  });

  it('refuses too many cues', () => {
    const many = ['WEBVTT', ''];
    for (let i = 0; i < 5; i++) many.push(`00:00:0${i}.000 --> 00:00:0${i}.500`, 'x', '');
    assert.throws(
      () => parseCaptionFile(enc(many.join('\n')), { maxCues: 4 }),
      (e: CaptionError) => e.code === 'CAPTION_TOO_MANY_CUES' && /5 cues/.test(e.message),
    );
    assert.equal(parseCaptionFile(enc(many.join('\n')), { maxCues: 5 }).cues.length, 5);
  });
});

describe('language and label', () => {
  it('canonicalizes BCP 47 tags', () => {
    assert.equal(canonicalLanguage('en'), 'en');
    assert.equal(canonicalLanguage(' pt-br '), 'pt-BR');
    assert.equal(canonicalLanguage('ZH-hant-tw'), 'zh-Hant-TW');
  });

  it('refuses what is not a language tag', () => {
    for (const bad of ['', 'english', 'e', 'en_US', 'en-', '../x', 'en US', 'qq', 'x'.repeat(40), 'en-"x"']) {
      assert.throws(
        () => canonicalLanguage(bad),
        (e: CaptionError) => e.code === 'CAPTION_BAD_LANGUAGE' && e.field === 'language',
        JSON.stringify(bad),
      );
    }
  });

  it('labels default to the language’s own name; a given label is checked', () => {
    assert.equal(defaultCaptionLabel('de'), 'Deutsch');
    assert.equal(cleanCaptionLabel('', 'fr'), 'Français');
    assert.equal(cleanCaptionLabel('  English   (SDH) ', 'en'), 'English (SDH)');
    assert.throws(
      () => cleanCaptionLabel('say "hi"', 'en'),
      (e: CaptionError) => e.code === 'CAPTION_BAD_LABEL',
    );
    assert.throws(
      () => cleanCaptionLabel('x'.repeat(61), 'en'),
      (e: CaptionError) => e.code === 'CAPTION_BAD_LABEL',
    );
  });
});
