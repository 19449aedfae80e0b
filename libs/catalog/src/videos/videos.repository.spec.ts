import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { databaseMatrix, searchTestDb, type SearchTestDb } from '../search/search.test-db';
import { VideoEntity } from './video.entity';
import { VideoStatus, Visibility } from './video.enums';
import { VideosRepository } from './videos.repository';
import { VideosService } from './videos.service';

// Medium tests of the reads other parts make of videos by id (the ad server's facts, search's hits),
// on SQLite and (with DATABASE_URL) PostgreSQL.

for (const db of databaseMatrix()) {
  describe(`VideosRepository by ids (${db})`, () => {
    let t: SearchTestDb;
    let repo: VideosRepository;
    let owner: string;

    before(async () => {
      t = await searchTestDb(db);
      repo = new VideosRepository(t.ds.getRepository(VideoEntity));
      owner = await t.user('Owner');
    });
    after(() => t?.close());

    it('facts: owner, status, tags, category, duration, size, renditions and kind of any status; unknown ids left out', async () => {
      const ready = await t.video({
        title: 'ready',
        ownerId: owner,
        tags: ['sea', 'sun'],
        category: 'travel',
        durationMs: 15_000,
        renditions: [{ name: '720p', width: 1280, height: 720, bandwidth: 2_500_000, codecs: 'avc1.64001f' }],
      });
      const processing = await t.video({ title: 'processing', ownerId: owner, status: VideoStatus.PROCESSING, durationMs: null });
      const facts = await new VideosService(repo).facts([ready.id, processing.id, randomUUID(), ready.id]);
      assert.deepEqual([...facts.keys()].sort(), [ready.id, processing.id].sort());
      assert.deepEqual(
        { ...facts.get(ready.id) },
        {
          id: ready.id,
          ownerId: owner,
          status: VideoStatus.READY,
          tags: ['sea', 'sun'],
          category: 'travel',
          durationMs: 15_000,
          width: 1280,
          height: 720,
          renditions: [{ name: '720p', width: 1280, height: 720, bandwidth: 2_500_000, codecs: 'avc1.64001f' }],
          kind: 'VIDEO',
        },
      );
      assert.equal(facts.get(processing.id)?.status, VideoStatus.PROCESSING);
      assert.equal(facts.get(processing.id)?.durationMs, null);
      assert.equal((await new VideosService(repo).facts([])).size, 0);
    });

    it('facts of more ids than one statement takes come back complete', async () => {
      const made = [];
      for (let i = 0; i < 510; i++) made.push((await t.video({ title: `v${i}`, ownerId: owner })).id);
      const rows = await repo.findFacts(made);
      assert.equal(rows.length, 510);
      assert.deepEqual(new Set(rows.map((r) => r.id)), new Set(made));
    });

    it('listed by ids: only PUBLIC and READY ones, never private, unlisted or unfinished', async () => {
      const listed = await t.video({ title: 'listed', ownerId: owner });
      const hidden = await Promise.all([
        t.video({ title: 'private', ownerId: owner, visibility: Visibility.PRIVATE }),
        t.video({ title: 'unlisted', ownerId: owner, visibility: Visibility.UNLISTED }),
        t.video({ title: 'failed', ownerId: owner, status: VideoStatus.FAILED }),
      ]);
      const rows = await repo.findListedByIds([listed.id, ...hidden.map((v) => v.id), randomUUID()]);
      assert.deepEqual(
        rows.map((v) => v.id),
        [listed.id],
      );
      assert.deepEqual(await repo.findListedByIds([]), []);
    });
  });
}
