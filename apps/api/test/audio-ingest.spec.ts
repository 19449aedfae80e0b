import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { generateAudioFile } from '@wetube/testing';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';
import { scratchDir } from './support-files';

const VIDEO_FIELDS = `id status failureReason kind durationSec width height posterUrl masterUrl storyboardUrl manifestUrl
  renditions { name bandwidth codecs }
  audio { tagTitle artist album trackNumber year genre podcast coverSource waveformUrl peaksUrl loudness { integratedLufs targetLufs } }
  swarms { rendition infoHash torrentUrl bytes } contentFiles { path cid sha256 bytes }`;

/** Large (issue 14): an MP3 with a cover through tus → transcode → READY as an AUDIO item, published as video is. */
for (const db of databaseMatrix()) {
  describe(`audio upload through the api (${db})`, () => {
    let api: TestApi;
    let scratch: Awaited<ReturnType<typeof scratchDir>>;
    let creator: ApiClient;
    let song: string;
    let talk: string;

    before(async () => {
      scratch = await scratchDir('audio');
      [api, song, talk] = await Promise.all([
        startApi(db, {}),
        generateAudioFile({
          path: join(scratch.dir, 'song.mp3'),
          durationSec: 6,
          codec: 'libmp3lame',
          bitrateK: 192,
          coverSize: 200,
          tags: { title: 'Tag Title', artist: 'Api Artist', album: 'Api Album', track: '4', date: '2020', genre: 'Jazz' },
        }),
        generateAudioFile({
          path: join(scratch.dir, 'talk.mp3'),
          durationSec: 8,
          codec: 'libmp3lame',
          bitrateK: 48,
          channels: 1,
          quiet: true,
        }),
      ]);
      creator = new ApiClient(api.url);
      await creator.signUp('Musician');
    });

    after(async () => {
      await api?.close();
      await scratch?.remove();
    });

    it('an MP3 with a cover becomes a READY AUDIO item: audio rungs, cover, waveform, tags, signed manifest with every CID, a torrent per rung', async () => {
      const up = await tusUpload(creator, song, { title: 'My song', filename: 'song.mp3' });
      assert.ok(up.videoId, JSON.stringify(up.error));
      await waitForStatus(creator, up.videoId!, ['READY', 'FAILED'], 120_000);
      const res = await creator.gql(`query($id: ID!) { video(id: $id) { ${VIDEO_FIELDS} } }`, { id: up.videoId });
      const v = res.data.video;
      assert.equal(v.status, 'READY', v.failureReason);
      assert.equal(v.kind, 'AUDIO');
      assert.equal(v.width, null);
      assert.equal(v.storyboardUrl, null, 'no storyboard for audio');
      assert.deepEqual(
        v.renditions.map((r: { name: string; codecs: string }) => `${r.name} ${r.codecs}`),
        ['64k mp4a.40.2', '128k mp4a.40.2'],
      );
      assert.deepEqual(
        { ...v.audio, waveformUrl: undefined, peaksUrl: undefined },
        {
          tagTitle: 'Tag Title',
          artist: 'Api Artist',
          album: 'Api Album',
          trackNumber: 4,
          year: 2020,
          genre: 'Jazz',
          podcast: false,
          coverSource: 'EMBEDDED',
          loudness: null,
          waveformUrl: undefined,
          peaksUrl: undefined,
        },
      );
      const local = (url: string) => url.replace(api.config.publicApiUrl, api.url);
      const master = await (await fetch(local(v.masterUrl))).text();
      assert.match(master, /CODECS="mp4a\.40\.2"/);
      assert.doesNotMatch(master, /RESOLUTION/);
      const peaks = await fetch(local(v.audio.peaksUrl));
      assert.equal(peaks.status, 200);
      assert.equal(((await peaks.json()) as { peaks: number[] }).peaks.length, 1000);
      const wave = await fetch(local(v.audio.waveformUrl));
      assert.equal(wave.headers.get('content-type'), 'image/png');
      const cover = await fetch(local(v.posterUrl));
      assert.equal(cover.headers.get('content-type'), 'image/jpeg');

      assert.deepEqual(v.swarms.map((s: { rendition: string }) => s.rendition).sort(), ['128k', '64k']);
      const paths = v.contentFiles.map((f: { path: string }) => f.path);
      for (const p of [
        'master.m3u8',
        '64k/init.mp4',
        '64k/seg_00000.m4s',
        '128k/playlist.m3u8',
        'torrents/64k.torrent',
        'poster.jpg',
        'waveform.png',
        'waveform.json',
      ])
        assert.ok(paths.includes(p), p);
      const manifest = (await (await fetch(local(v.manifestUrl))).json()) as {
        files: Array<{ path: string; cid: string }>;
        signature?: unknown;
      };
      assert.deepEqual(
        manifest.files.map((f) => f.cid),
        v.contentFiles.map((f: { cid: string }) => f.cid),
      );
      const torrent = await fetch(local(v.swarms[0].torrentUrl));
      assert.equal(torrent.status, 200);

      const found = await new ApiClient(api.url).gql(
        `query($q: String!) { audio: search(query: $q, filter: { type: AUDIO }) { totalCount edges { node { id } } } video: search(query: $q, filter: { type: VIDEO }) { totalCount } }`,
        { q: 'My song' },
      );
      assert.deepEqual(
        found.data.audio.edges.map((e: { node: { id: string } }) => e.node.id),
        [up.videoId],
        'the search type filter AUDIO finds it',
      );
      assert.equal(found.data.video.totalCount, 0);
    });

    it("the owner edits an audio item's tags (kept, changed, cleared); bad values are refused with the field named, and only the owner edits", async () => {
      const mine = (await creator.gql('{ myVideos(first: 10) { edges { node { id kind title } } } }')).data.myVideos.edges.map(
        (e: { node: { id: string; kind: string; title: string } }) => e.node,
      );
      const song = mine.find((v: { title: string }) => v.title === 'My song');
      assert.ok(song, JSON.stringify(mine));
      const UPDATE = `mutation($input: UpdateVideoInput!) { updateVideo(input: $input) {
        video { audio { tagTitle artist album genre trackNumber year } } userErrors { field code message } } }`;
      const ok = await creator.gql(UPDATE, {
        input: { id: song.id, audioTags: { artist: '  The  Api Band ', album: '', trackNumber: 7 } },
      });
      assert.deepEqual(ok.data.updateVideo.userErrors, []);
      assert.deepEqual(ok.data.updateVideo.video.audio, {
        tagTitle: 'Tag Title',
        artist: 'The Api Band',
        album: null,
        genre: 'Jazz',
        trackNumber: 7,
        year: 2020,
      });
      const bad = await creator.gql(UPDATE, { input: { id: song.id, audioTags: { year: 20201, trackNumber: 0 } } });
      assert.deepEqual(
        bad.data.updateVideo.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code]),
        [
          ['input.audioTags.trackNumber', 'BAD_TRACK'],
          ['input.audioTags.year', 'BAD_YEAR'],
        ],
      );
      const kept = (await creator.gql(`query($id: ID!) { video(id: $id) { audio { artist trackNumber year } } }`, { id: song.id })).data
        .video.audio;
      assert.deepEqual(kept, { artist: 'The Api Band', trackNumber: 7, year: 2020 }, 'a refused edit changes nothing');
      const other = new ApiClient(api.url);
      await other.signUp('Not The Owner');
      const denied = await other.gql(UPDATE, { input: { id: song.id, audioTags: { artist: 'Mine now' } } });
      assert.equal(denied.data.updateVideo.userErrors.length, 1, 'only the owner edits');
    });

    it('a podcast episode is normalized by default and keeps the measured loudness; a bad flag is refused before any byte', async () => {
      const bad = await tusUpload(creator, talk, { title: 'Bad', filename: 'talk.mp3', metadata: { podcast: 'perhaps' } });
      assert.equal(bad.error?.status, 400);
      assert.match((JSON.parse(bad.error!.body) as { message: string }).message, /"podcast" must be true or false/);

      const up = await tusUpload(creator, talk, { title: 'Episode 1', filename: 'talk.mp3', metadata: { podcast: 'true' } });
      assert.ok(up.videoId, JSON.stringify(up.error));
      await waitForStatus(creator, up.videoId!, ['READY', 'FAILED'], 120_000);
      const v = (await creator.gql(`query($id: ID!) { video(id: $id) { ${VIDEO_FIELDS} } }`, { id: up.videoId })).data.video;
      assert.equal(v.status, 'READY', v.failureReason);
      assert.equal(v.audio.podcast, true);
      assert.equal(v.audio.coverSource, 'GENERATED');
      assert.equal(v.audio.loudness.targetLufs, -16);
      assert.ok(v.audio.loudness.integratedLufs < -20, String(v.audio.loudness.integratedLufs));
      assert.deepEqual(
        v.renditions.map((r: { name: string }) => r.name),
        ['64k'],
      );
    });
  });
}
