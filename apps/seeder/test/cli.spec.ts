import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { describe, it } from 'node:test';
import { parseCli, parseName, parseSelection, parseSize } from '../src/cli';

const ID1 = '0f8fad5b-d9cb-469f-a165-70867728950e';
const ID2 = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('seeder cli', () => {
  it('parses sizes in decimal and binary units', () => {
    assert.equal(parseSize('10GB'), 10e9);
    assert.equal(parseSize('500mb'), 500e6);
    assert.equal(parseSize('1.5GiB'), 1.5 * 1024 ** 3);
    assert.equal(parseSize('64 KiB'), 65536);
    assert.equal(parseSize('4096'), 4096);
    assert.equal(parseSize('2T'), 2e12);
    for (const bad of ['10XB', 'GB', '-1GB', '0', '1e9', '', '10 G B']) assert.throws(() => parseSize(bad), /size|more than 0/, bad);
  });

  it('parses the video selection', () => {
    assert.deepEqual(parseSelection('all'), { kind: 'all' });
    assert.deepEqual(parseSelection('popular'), { kind: 'popular', count: 20 });
    assert.deepEqual(parseSelection(`${ID1}, ${ID2.toUpperCase()},${ID1}`), { kind: 'ids', ids: [ID1, ID2] });
    assert.throws(() => parseSelection('newest'), /"newest" is not a video id/);
    assert.throws(() => parseSelection(' , '), /empty/);
  });

  it('gives defaults and full options', () => {
    const r = parseCli(['--api', 'http://localhost:4000/']);
    assert.equal(r.kind, 'run');
    if (r.kind !== 'run') return;
    assert.deepEqual(r.options, {
      apiUrl: 'http://localhost:4000',
      selection: { kind: 'popular', count: 20 },
      maxDiskBytes: 10e9,
      dir: './seeder-data',
      token: undefined,
      name: hostname(),
      port: 0,
      webrtc: true,
      rtcBindAddress: undefined,
      refreshSec: 600,
      redeemEveryMs: 30_000,
      statusSec: 5,
      json: false,
      verbose: false,
    });
    const full = parseCli([
      '--api',
      'https://tube.example',
      '--videos',
      ID1,
      '--max-disk',
      '2GiB',
      '--dir',
      '/srv/seed',
      '--token',
      'abc',
      '--name',
      '  attic box ',
      '--port',
      '6881',
      '--no-webrtc',
      '--json',
      '--refresh',
      '60',
      '--status',
      '2',
      '--rtc-bind',
      '10.0.0.2',
      '--verbose',
    ]);
    assert.equal(full.kind, 'run');
    if (full.kind !== 'run') return;
    assert.deepEqual(full.options.selection, { kind: 'ids', ids: [ID1] });
    assert.equal(full.options.maxDiskBytes, 2 * 1024 ** 3);
    assert.equal(full.options.token, 'abc');
    assert.equal(full.options.name, 'attic box');
    const bearer = parseCli(['--api', 'http://a', '--token', 'Bearer eyJ.x.y']);
    assert.ok(bearer.kind === 'run' && bearer.options.token === 'eyJ.x.y', 'a pasted "Bearer " prefix is dropped');
    assert.equal(full.options.port, 6881);
    assert.equal(full.options.webrtc, false);
    assert.equal(full.options.json, true);
    assert.equal(full.options.rtcBindAddress, '10.0.0.2');
    assert.equal(full.options.verbose, true);
    for (const [text, ms] of [
      ['30s', 30_000],
      ['5m', 300_000],
      ['1h', 3_600_000],
      ['1500ms', 1500],
      ['45', 45_000],
      ['2.5s', 2500],
    ] as const) {
      const r2 = parseCli(['--api', 'http://a', '--token', 't', '--redeem-every', text]);
      assert.ok(r2.kind === 'run' && r2.options.redeemEveryMs === ms, text);
    }
    const popular = parseCli(['--api', 'http://a', '--videos', 'popular', '--count', '5']);
    assert.ok(popular.kind === 'run' && popular.options.selection.kind === 'popular' && popular.options.selection.count === 5);
  });

  it('names the flag in every error', () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /--api is required/],
      [['--api', 'localhost:4000x'], /--api: .* must be an http or https URL|--api: .*not a URL/],
      [['--api', 'not a url'], /--api: "not a url" is not a URL/],
      [['--api', 'http://a', '--max-disk', '10XB'], /^--max-disk: "10XB" is not a size/],
      [['--api', 'http://a', '--max-disk', '0GB'], /^--max-disk: .*more than 0/],
      [['--api', 'http://a', '--videos', 'some'], /^--videos: "some" is not a video id/],
      [['--api', 'http://a', '--port', '70000'], /^--port: 70000 is out of range/],
      [['--api', 'http://a', '--port', 'x'], /^--port: "x" is not a whole number/],
      [['--api', 'http://a', '--count', '0'], /^--count: 0 is out of range/],
      [['--api', 'http://a', '--refresh', '1'], /^--refresh: 1 is out of range/],
      [['--api', 'http://a', '--redeem-every', 'often'], /^--redeem-every: "often" is not a duration/],
      [['--api', 'http://a', '--redeem-every', '500ms'], /^--redeem-every: "500ms" is out of range/],
      [['--api', 'http://a', '--rtc-bind', 'eth0'], /^--rtc-bind: "eth0" is not an IP address/],
      [['--api', 'http://a', '--name', '  '], /^--name: must not be empty/],
      [['--api', 'http://a', '--name', 'x'.repeat(81)], /^--name: is 81 characters long; use at most 80/],
      [['--api', 'http://a', '--name', 'two\nlines'], /^--name: must be one line of printable characters/],
      [['--api', 'http://a', '--token', ''], /^--token: must be the token from signing in/],
      [['--api', 'http://a', '--token', 'two words'], /^--token: must be the token from signing in/],
      [['--api', 'http://a', '--token'], /--token.*argument missing/],
      [['--api', 'http://a', '--bogus'], /Unknown option '--bogus'/],
      [['--api', 'http://a', 'extra'], /positional/],
      [['--api'], /--api.*argument missing/],
    ];
    for (const [argv, re] of cases) {
      const r = parseCli(argv);
      assert.equal(r.kind, 'error', argv.join(' '));
      if (r.kind === 'error') assert.match(r.message, re, argv.join(' '));
    }
  });

  it('takes a seeder name of 1 to 80 printable characters on one line', () => {
    assert.equal(parseName(' Attic box (Pi 4) '), 'Attic box (Pi 4)');
    assert.equal(parseName('é'.repeat(80)).length, 80);
    for (const bad of ['', ' ', 'a\tb', 'a\u2028b', 'x'.repeat(81)]) assert.throws(() => parseName(bad), Error, JSON.stringify(bad));
  });

  it('prints help', () => {
    const r = parseCli(['-h']);
    assert.equal(r.kind, 'help');
    if (r.kind === 'help') {
      assert.match(r.text, /--max-disk/);
      assert.match(r.text, /popular = the newest public videos for now/);
      assert.match(r.text, /--token <bearer> +your account's api token: registers this seeder's key with the account/);
      assert.match(r.text, /POST <api>\/api\/auth\/login/);
      assert.match(r.text, /Without --token the seeder\s+seeds anonymously \(receipts are kept either way\)/);
      assert.match(r.text, /--name <text> +the name this seeder registers under +\(default: this host's name\)/);
    }
  });
});
