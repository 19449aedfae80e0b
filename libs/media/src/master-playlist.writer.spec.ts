import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { avc1Codec } from './codec.string';
import { buildMasterPlaylist, measureBandwidth } from './master-playlist.writer';

describe('measureBandwidth', () => {
  it('takes the peak of video+audio over segments of the same index, and the overall average', () => {
    const video = [
      { uri: 'a', durationSec: 2, bytes: 250_000 }, // 1 Mbit/s
      { uri: 'b', durationSec: 2, bytes: 500_000 }, // 2 Mbit/s
      { uri: 'c', durationSec: 1, bytes: 100_000 }, // 0.8 Mbit/s
    ];
    const audio = [
      { uri: 'a', durationSec: 2, bytes: 32_000 },
      { uri: 'b', durationSec: 2, bytes: 32_000 },
      { uri: 'c', durationSec: 1, bytes: 16_000 },
    ];
    assert.deepEqual(measureBandwidth(video, audio), { peak: 2_128_000, average: Math.ceil((930_000 * 8) / 5) });
    assert.deepEqual(measureBandwidth(video), { peak: 2_000_000, average: 1_360_000 });
  });
});

describe('avc1Codec', () => {
  it('copies the avcC bytes exactly when given', () => {
    assert.equal(avc1Codec('High', 31, [0x64, 0x00, 0x1f]), 'avc1.64001f');
  });
  it('falls back to the profile name and level ffprobe prints', () => {
    assert.equal(avc1Codec('High', 40), 'avc1.640028');
    assert.equal(avc1Codec('Main', 30), 'avc1.4d401e');
    assert.equal(avc1Codec('Constrained Baseline', 30), 'avc1.42c01e');
    assert.throws(() => avc1Codec(null, null));
  });
});

describe('buildMasterPlaylist', () => {
  it('writes one variant per rendition pointing at the audio group', () => {
    const text = buildMasterPlaylist(
      [
        {
          name: '720p',
          width: 1280,
          height: 720,
          bandwidth: 3_000_000,
          averageBandwidth: 2_500_000,
          codecs: 'avc1.64001f,mp4a.40.2',
          frameRate: 29.97,
          playlist: '720p/playlist.m3u8',
        },
        {
          name: '360p',
          width: 640,
          height: 360,
          bandwidth: 1_000_000,
          averageBandwidth: 900_000,
          codecs: 'avc1.4d401e,mp4a.40.2',
          frameRate: 30,
          playlist: '360p/playlist.m3u8',
        },
      ],
      { name: 'audio', codecs: 'mp4a.40.2', channels: 2, bandwidth: 130_000, averageBandwidth: 128_000, playlist: 'audio/playlist.m3u8' },
    );
    assert.equal(
      text,
      [
        '#EXTM3U',
        '#EXT-X-VERSION:7',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="audio",DEFAULT=YES,AUTOSELECT=YES,FORCED=NO,CHANNELS="2",URI="audio/playlist.m3u8"',
        '#EXT-X-STREAM-INF:BANDWIDTH=3000000,AVERAGE-BANDWIDTH=2500000,CODECS="avc1.64001f,mp4a.40.2",RESOLUTION=1280x720,FRAME-RATE=29.970,AUDIO="audio"',
        '720p/playlist.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=1000000,AVERAGE-BANDWIDTH=900000,CODECS="avc1.4d401e,mp4a.40.2",RESOLUTION=640x360,FRAME-RATE=30.000,AUDIO="audio"',
        '360p/playlist.m3u8',
        '',
      ].join('\n'),
    );
  });
});
