import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PIECE_LENGTH, TorrentBuilder, webSeedFileUrl } from './torrent-builder';

const VIDEO = '0f8fad5b-d9cb-469f-a165-70867728950e';
const SIZES: Array<[string, number]> = [
  ['init.mp4', 1_234],
  ['seg_00000.m4s', 600_000],
  ['seg_00001.m4s', 262_144],
  ['seg_00002.m4s', 10],
  ['seg_00003.m4s', 333_333],
];

describe('TorrentBuilder', () => {
  let root: string;
  let files: string[];
  let server: http.Server;
  let origin: string;
  const builder = new TorrentBuilder();

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'wetube-torrent-'));
    const dir = path.join(root, 'videos', VIDEO, '720p');
    await mkdir(dir, { recursive: true });
    files = [];
    for (const [name, size] of SIZES) {
      const file = path.join(dir, name);
      await writeFile(file, randomBytes(size));
      files.push(file);
    }
    await writeFile(path.join(dir, 'playlist.m3u8'), '#EXTM3U\n'); // not part of the torrent
    // A stand-in for the HLS origin: GET /hls/<videoId>/<rendition>/<file> with byte ranges.
    server = http.createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const m = /^\/hls\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
      if (!m) return res.writeHead(404).end();
      let body: Buffer;
      try {
        body = await readFile(path.join(root, 'videos', m[1], m[2], m[3]));
      } catch {
        return res.writeHead(404).end();
      }
      const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
      if (!range) return res.writeHead(200).end(body);
      res.writeHead(206).end(body.subarray(Number(range[1]), Number(range[2]) + 1));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(root, { recursive: true, force: true });
  });

  const input = () => ({
    videoId: VIDEO,
    rendition: '720p',
    files,
    webSeedUrl: `${origin}/hls`,
    announceUrls: ['ws://127.0.0.1:4000/tracker', 'http://127.0.0.1:4000/tracker/announce'],
  });

  it('is deterministic: same files, same infohash and bytes on every run, wherever they are', async () => {
    const a = await builder.buildRenditionTorrent(input());
    const b = await new TorrentBuilder().buildRenditionTorrent(input());
    assert.match(a.infoHash, /^[0-9a-f]{40}$/);
    assert.equal(a.infoHash, b.infoHash);
    assert.deepEqual(a.torrentFile, b.torrentFile);
    // same bytes in another folder (another machine's storage): same torrent
    const copy = path.join(root, 'elsewhere');
    await cp(path.dirname(files[0]), copy, { recursive: true });
    const c = await builder.buildRenditionTorrent({ ...input(), files: files.map((f) => path.join(copy, path.basename(f))) });
    assert.equal(c.infoHash, a.infoHash);
    // different content: different torrent
    const changed = path.join(copy, 'seg_00002.m4s');
    await writeFile(changed, randomBytes(10));
    const d = await builder.buildRenditionTorrent({ ...input(), files: files.map((f) => path.join(copy, path.basename(f))) });
    assert.notEqual(d.infoHash, a.infoHash);
  });

  it('has the rung’s files in playback order with their lengths, 256 KiB pieces, no variable fields', async () => {
    const t = await builder.buildRenditionTorrent(input());
    const parsed = await builder.parse(t.torrentFile);
    assert.equal(parsed.name, VIDEO);
    assert.deepEqual(
      parsed.files.map((f) => [f.path, f.length]),
      SIZES.map(([name, size]) => [`${VIDEO}/720p/${name}`, size]),
    );
    const total = SIZES.reduce((s, [, n]) => s + n, 0);
    assert.equal(parsed.length, total);
    assert.equal(parsed.pieceLength, PIECE_LENGTH);
    assert.equal(parsed.pieces.length, Math.ceil(total / PIECE_LENGTH));
    assert.equal(parsed.private, false);
    assert.equal(parsed.createdBy, undefined);
    assert.equal(parsed.created?.toISOString(), '2024-01-01T00:00:00.000Z');
    assert.deepEqual(parsed.announce, input().announceUrls);
    assert.deepEqual(parsed.urlList, [`${origin}/hls/`]);
  });

  it('magnet carries xt, tr and ws, and parse-torrent reads it back', async () => {
    const t = await builder.buildRenditionTorrent(input());
    const params = new URLSearchParams(t.magnetURI.replace(/^magnet:\?/, ''));
    assert.equal(params.get('xt'), `urn:btih:${t.infoHash}`);
    assert.deepEqual(params.getAll('tr'), input().announceUrls);
    assert.deepEqual(params.getAll('ws'), [`${origin}/hls/`]);
    const back = await builder.parse(t.magnetURI);
    assert.equal(back.infoHash, t.infoHash);
    assert.deepEqual(back.announce, input().announceUrls);
    assert.deepEqual(back.urlList, [`${origin}/hls/`]);
  });

  it('announce URLs chosen from the infohash (tracker shard): written outside the info dict, same infohash', async () => {
    const plain = await builder.buildRenditionTorrent(input());
    const seen: string[] = [];
    const sharded = await builder.buildRenditionTorrent({
      ...input(),
      announceUrls: (infoHash: string) => {
        seen.push(infoHash);
        return [`ws://shard-${infoHash.slice(0, 4)}:4101/tracker`, `http://shard-${infoHash.slice(0, 4)}:4101/tracker/announce`];
      },
    });
    assert.deepEqual(seen, [plain.infoHash]);
    assert.equal(sharded.infoHash, plain.infoHash);
    const parsed = await builder.parse(sharded.torrentFile);
    assert.deepEqual(parsed.announce, [
      `ws://shard-${plain.infoHash.slice(0, 4)}:4101/tracker`,
      `http://shard-${plain.infoHash.slice(0, 4)}:4101/tracker/announce`,
    ]);
    assert.deepEqual(new URLSearchParams(sharded.magnetURI.replace(/^magnet:\?/, '')).getAll('tr'), parsed.announce);
    await assert.rejects(
      builder.buildRenditionTorrent({ ...input(), announceUrls: () => ['ftp://x'] }),
      /announce URL ftp:\/\/x is not ws\(s\), http\(s\) or udp/,
    );
  });

  it('every piece fetched from the origin by the web-seed URL rule matches its hash', async () => {
    const t = await builder.buildRenditionTorrent(input());
    const parsed = await builder.parse(t.torrentFile);
    // each file's web-seed URL is the origin's /hls/<videoId>/<rendition>/<file>
    assert.deepEqual(
      parsed.files.map((f) => webSeedFileUrl(parsed.urlList[0], f.path)),
      SIZES.map(([name]) => `${origin}/hls/${VIDEO}/720p/${name}`),
    );
    // fetch every piece the way WebTorrent's WebConn does (one ranged GET per file the piece spans)
    for (let i = 0; i < parsed.pieces.length; i++) {
      const start = i * parsed.pieceLength;
      const end = start + (i === parsed.pieces.length - 1 ? parsed.lastPieceLength : parsed.pieceLength) - 1;
      const parts: Buffer[] = [];
      for (const f of parsed.files.filter((f) => f.offset <= end && f.offset + f.length > start)) {
        const res = await fetch(webSeedFileUrl(parsed.urlList[0], f.path), {
          headers: { range: `bytes=${Math.max(start - f.offset, 0)}-${Math.min(f.length - 1, end - f.offset)}` },
        });
        assert.ok(res.ok, `${res.status} for ${f.path}`);
        parts.push(Buffer.from(await res.arrayBuffer()));
      }
      assert.equal(createHash('sha1').update(Buffer.concat(parts)).digest('hex'), parsed.pieces[i], `piece ${i}`);
    }
  });

  it('refuses unsafe names, relative paths, a single file and a non-http web seed', async () => {
    await assert.rejects(builder.buildRenditionTorrent({ ...input(), rendition: '../x' }), /safe path segment/);
    await assert.rejects(builder.buildRenditionTorrent({ ...input(), files: ['init.mp4', 'seg.m4s'] }), /absolute/);
    await assert.rejects(builder.buildRenditionTorrent({ ...input(), files: [files[0]] }), /at least one media segment/);
    await assert.rejects(builder.buildRenditionTorrent({ ...input(), webSeedUrl: 'ftp://x/hls' }), /http/);
    await assert.rejects(builder.buildRenditionTorrent({ ...input(), files: [files[0], files[0]] }), /twice/);
  });
});
