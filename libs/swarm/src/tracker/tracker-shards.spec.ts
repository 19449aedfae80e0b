import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { shardAnnounceUrls, TrackerShards } from './tracker-shards';

const hashes = Array.from({ length: 3000 }, (_, i) => createHash('sha1').update(`swarm ${i}`).digest('hex'));
const urls = (n: number) => Array.from({ length: n }, (_, i) => `wss://t${i + 1}.example/tracker`);

describe('TrackerShards', () => {
  it('without shards: the api’s embedded tracker, WebSocket and HTTP (today’s announce URLs)', () => {
    const s = new TrackerShards([], 'http://localhost:4000');
    assert.equal(s.sharded, false);
    assert.deepEqual(s.announceUrls(hashes[0]), ['ws://localhost:4000/tracker', 'http://localhost:4000/tracker/announce']);
    assert.deepEqual(new TrackerShards([], 'https://wetube.example/').announceUrls(hashes[1]), [
      'wss://wetube.example/tracker',
      'https://wetube.example/tracker/announce',
    ]);
  });

  it('the same infohash always gets the same shard, whoever asks and in whatever order the list is read', () => {
    const a = new TrackerShards(urls(3), 'http://api-a');
    const b = new TrackerShards([...urls(3)].reverse(), 'http://api-b');
    for (const h of hashes.slice(0, 200)) assert.equal(a.shardOf(h), b.shardOf(h));
    assert.equal(a.shardOf(hashes[5].toUpperCase()), a.shardOf(hashes[5]), 'case of the hex does not matter');
  });

  it('spreads swarms evenly over the shards', () => {
    const s = new TrackerShards(urls(4), 'http://api');
    const counts = new Map<string, number>();
    for (const h of hashes) counts.set(s.shardOf(h), (counts.get(s.shardOf(h)) ?? 0) + 1);
    assert.equal(counts.size, 4);
    for (const [url, n] of counts) assert.ok(n > (3000 / 4) * 0.85 && n < (3000 / 4) * 1.15, `${url}: ${n}`);
  });

  it('adding a shard moves only about 1/N of the swarms, all of them to the new shard', () => {
    const before = new TrackerShards(urls(4), 'http://api');
    const after = new TrackerShards(urls(5), 'http://api');
    const moved = hashes.filter((h) => before.shardOf(h) !== after.shardOf(h));
    for (const h of moved) assert.equal(after.shardOf(h), urls(5)[4]);
    const share = moved.length / hashes.length;
    assert.ok(share > 0.15 && share < 0.25, `moved ${(share * 100).toFixed(1)} % (ideal 20 %)`);
  });

  it('announce URLs of a shard: its WebSocket URL and its HTTP announce URL', () => {
    assert.deepEqual(shardAnnounceUrls('ws://127.0.0.1:4101/tracker'), [
      'ws://127.0.0.1:4101/tracker',
      'http://127.0.0.1:4101/tracker/announce',
    ]);
    assert.deepEqual(shardAnnounceUrls('wss://t1.example/tracker'), ['wss://t1.example/tracker', 'https://t1.example/tracker/announce']);
    const s = new TrackerShards(['ws://a/tracker', 'ws://b/tracker'], 'http://api');
    assert.deepEqual(s.allAnnounceUrls(), ['ws://a/tracker', 'http://a/tracker/announce', 'ws://b/tracker', 'http://b/tracker/announce']);
  });

  it('bad input is refused with a message naming it', () => {
    assert.throws(
      () => new TrackerShards(['http://a/tracker'], 'http://api'),
      /tracker shard URL "http:\/\/a\/tracker" must be a ws:\/\/ or wss:\/\/ URL/,
    );
    assert.throws(() => new TrackerShards(['ws://a/t', 'ws://a/t/'], 'http://api'), /must be distinct/);
    assert.throws(() => new TrackerShards(urls(2), 'http://api').shardOf('xyz'), /infohash "xyz" must be 40 hex characters/);
  });
});
