import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { corpus, typo, words } from './search.corpus';
import { databaseMatrix, searchTestDb, SearchTestDb } from './search.test-db';

const ITEMS = 240;

for (const db of databaseMatrix()) {
  describe(`search quality on a fixed corpus of ${ITEMS} items (${db})`, () => {
    let t: SearchTestDb;
    const items = corpus(ITEMS);
    const ids: string[] = [];

    /** The queries (of each kind) whose expected item is not in the top 3, with what came instead. */
    const misses = async (make: (key: string[], i: number) => string) => {
      const out: string[] = [];
      for (let i = 0; i < items.length; i++) {
        const q = make(items[i].key, i);
        const top = (await t.service.search({ query: q, first: 3 })).edges.map((e) => e.video.id);
        if (!top.includes(ids[i]))
          out.push(`${q} → expected "${items[i].title}", got ${JSON.stringify(top.map((id) => items[ids.indexOf(id)]?.title))}`);
      }
      return out;
    };

    before(async () => {
      t = await searchTestDb(db);
      const channels = await Promise.all(words(50, 99).map((w) => t.user(`${w} channel`)));
      for (const item of items) {
        ids.push(
          (await t.video({ ownerId: channels[item.channel], title: item.title, tags: item.tags, description: item.description })).id,
        );
      }
    });
    after(async () => t?.close());

    it('exact words: the expected item is in the top 3 (one word, and two)', async () => {
      assert.deepEqual(await misses((k) => k[1]), []);
      assert.deepEqual(await misses((k) => `${k[0]} ${k[2]}`), []);
    });

    it('prefixes: the expected item is in the top 3 (a word and the start of the next, and a lone word cut short)', async () => {
      assert.deepEqual(await misses((k) => `${k[0]} ${k[2].slice(0, 3)}`), []);
      assert.deepEqual(await misses((k) => k[1].slice(0, k[1].length - 1)), []);
    });

    it('one typo (a letter missing, swapped, wrong or extra): the expected item is in the top 3', async () => {
      const queries = items.map((it, i) => typo(it.key[1], i));
      assert.ok(
        queries.every((q, i) => q !== items[i].key[1]),
        'every query really has a typo',
      );
      assert.deepEqual(await misses((k, i) => typo(k[1], i)), []);
      assert.deepEqual(await misses((k, i) => `${k[0]} ${typo(k[2], i + 1)}`), []);
    });
  });
}
