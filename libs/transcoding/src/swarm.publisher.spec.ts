import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StorageRepository } from '@wetube/content';
import { AppConfig } from '@wetube/platform';
import { TorrentBuilder, type RenditionTorrent } from '@wetube/swarm';
import { fake, newTestService } from '@wetube/testing';
import { SwarmPublisher } from './swarm.publisher';

// Small tests of what goes into each rendition's torrent; the torrent itself is TorrentBuilder's spec.

const env = { NODE_ENV: 'test', DATA_DIR: '/nonexistent/wetube', JWT_SECRET: 'x'.repeat(32), PUBLIC_API_URL: 'https://tube.example/' };
const HASH = 'ab'.repeat(20);

function publisher(files: Record<string, string[]>, extraEnv: Record<string, string> = {}) {
  return newTestService(SwarmPublisher, {
    fakes: [
      fake(AppConfig, AppConfig.fromEnv({ ...env, ...extraEnv })),
      fake(StorageRepository, {
        listFiles: async (dir: string) => files[dir] ?? [],
        writeFile: async () => undefined,
      }),
      fake(TorrentBuilder, {
        buildRenditionTorrent: async (input) =>
          ({
            torrentFile: Buffer.from(`torrent of ${input.rendition}`),
            infoHash: HASH,
            magnetURI: `magnet:?xt=urn:btih:${HASH}&dn=${input.rendition}`,
            totalLength: input.files.length * 100,
          }) as RenditionTorrent,
      }),
    ],
  });
}

describe('SwarmPublisher (small: storage and torrent builder faked)', () => {
  it('puts the init segment first and the segments in playback order; playlists and other files stay out of the torrent', async () => {
    const t = publisher({
      '/w/720p': ['seg_00002.m4s', 'playlist.m3u8', 'init.mp4', 'seg_00000.m4s', 'seg_00001.m4s', '.encoder-1.json', 'seg_1.m4s'],
    });
    await t.sut.publishTorrents('/w', 'v1', ['720p']);
    const [[input]] = t.callsTo('TorrentBuilder.buildRenditionTorrent') as [
      [{ files: string[]; videoId: string; rendition: string; webSeedUrl: string }],
    ];
    assert.deepEqual(input.files, ['/w/720p/init.mp4', '/w/720p/seg_00000.m4s', '/w/720p/seg_00001.m4s', '/w/720p/seg_00002.m4s']);
    assert.equal(input.videoId, 'v1');
    assert.equal(input.rendition, '720p');
    assert.equal(input.webSeedUrl, 'https://tube.example/hls/', 'the origin is the web seed');
  });

  it('writes one torrent file per rendition under torrents/ and returns its record', async () => {
    const t = publisher({ '/w/720p': ['init.mp4', 'seg_00000.m4s'], '/w/audio': ['init.mp4', 'seg_00000.m4s', 'seg_00001.m4s'] });
    const records = await t.sut.publishTorrents('/w', 'v1', ['720p', 'audio']);
    assert.deepEqual(records, [
      { rendition: '720p', infoHash: HASH, magnetUri: `magnet:?xt=urn:btih:${HASH}&dn=720p`, bytes: 200 },
      { rendition: 'audio', infoHash: HASH, magnetUri: `magnet:?xt=urn:btih:${HASH}&dn=audio`, bytes: 300 },
    ]);
    assert.deepEqual(
      t.callsTo('StorageRepository.writeFile').map(([path, bytes]) => [path, String(bytes)]),
      [
        ['/w/torrents/720p.torrent', 'torrent of 720p'],
        ['/w/torrents/audio.torrent', 'torrent of audio'],
      ],
    );
  });

  it("announces on the api's embedded tracker, or on the shard TRACKER_URLS gives the infohash", async () => {
    const embedded = publisher({ '/w/360p': ['init.mp4', 'seg_00000.m4s'] });
    await embedded.sut.publishTorrents('/w', 'v1', ['360p']);
    const [[a]] = embedded.callsTo('TorrentBuilder.buildRenditionTorrent') as [[{ announceUrls: (h: string) => string[] }]];
    assert.deepEqual(a.announceUrls(HASH), ['wss://tube.example/tracker', 'https://tube.example/tracker/announce']);

    const sharded = publisher({ '/w/360p': ['init.mp4', 'seg_00000.m4s'] }, { TRACKER_URLS: 'ws://t1.example/tracker' });
    await sharded.sut.publishTorrents('/w', 'v1', ['360p']);
    const [[b]] = sharded.callsTo('TorrentBuilder.buildRenditionTorrent') as [[{ announceUrls: (h: string) => string[] }]];
    assert.deepEqual(b.announceUrls(HASH), ['ws://t1.example/tracker', 'http://t1.example/tracker/announce']);
  });
});
