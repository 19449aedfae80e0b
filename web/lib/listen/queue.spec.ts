import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  currentItem,
  EMPTY_QUEUE,
  enqueue,
  hasNext,
  hasPrevious,
  jumpTo,
  next,
  previous,
  queueFor,
  removeAt,
  RESTART_AFTER_SEC,
} from './queue';

const a = { id: 'a', title: 'A' };
const b = { id: 'b', title: 'B' };
const c = { id: 'c', title: 'C' };
const list = { id: 'L', items: [a, b, c] };

describe('listening queue', () => {
  it('opening a track from a playlist queues the list in order, the opened track playing', () => {
    const q = queueFor(b, list);
    assert.deepEqual(
      q.items.map((i) => i.id),
      ['a', 'b', 'c'],
    );
    assert.equal(q.index, 1);
    assert.equal(q.listId, 'L');
    assert.equal(currentItem(q)?.id, 'b');
  });

  it('without a list, or a list that does not hold it, the track plays alone', () => {
    assert.deepEqual(queueFor(a, null), { items: [a], index: 0, listId: null });
    assert.deepEqual(queueFor({ id: 'x', title: 'X' }, list), { items: [{ id: 'x', title: 'X' }], index: 0, listId: null });
  });

  it('next moves on in order and stops at the end', () => {
    let q = queueFor(a, list);
    assert.ok(hasNext(q));
    q = next(q)!;
    assert.equal(currentItem(q)?.id, 'b');
    q = next(q)!;
    assert.equal(currentItem(q)?.id, 'c');
    assert.equal(hasNext(q), false);
    assert.equal(next(q), null);
    assert.equal(next(EMPTY_QUEUE), null);
  });

  it('previous goes back early in a track, restarts it later on, and restarts the first', () => {
    const q = queueFor(c, list);
    assert.equal(currentItem(previous(q, 1) as never)?.id, 'b');
    assert.equal(previous(q, RESTART_AFTER_SEC + 0.5), 'restart');
    const first = queueFor(a, list);
    assert.equal(hasPrevious(first), false);
    assert.equal(previous(first, 0), 'restart');
  });

  it('enqueue adds at the end (an empty queue starts playing it); jumpTo ignores bad indexes', () => {
    const q = enqueue(queueFor(a, null), b);
    assert.deepEqual(
      q.items.map((i) => i.id),
      ['a', 'b'],
    );
    assert.equal(q.index, 0);
    assert.deepEqual(enqueue(EMPTY_QUEUE, c), { items: [c], index: 0, listId: null });
    assert.equal(jumpTo(q, 1).index, 1);
    assert.equal(jumpTo(q, 5), q);
    assert.equal(jumpTo(q, -1), q);
  });

  it('removeAt takes an item out, the one playing goes on (its index follows); the playing one and bad indexes are left', () => {
    const q = queueFor(b, list); // a, [b], c
    const withoutC = removeAt(q, 2);
    assert.deepEqual([withoutC.items.map((i) => i.id), currentItem(withoutC)?.id], [['a', 'b'], 'b']);
    const withoutA = removeAt(q, 0);
    assert.deepEqual([withoutA.items.map((i) => i.id), withoutA.index, currentItem(withoutA)?.id], [['b', 'c'], 0, 'b']);
    assert.equal(removeAt(q, 1), q, 'not the one playing');
    assert.equal(removeAt(q, 3), q);
    assert.equal(removeAt(q, -1), q);
    assert.equal(withoutA.listId, 'L', 'still the playlist it came from');
  });

  it('does not change the queue it is given', () => {
    const q = queueFor(a, list);
    next(q);
    enqueue(q, c);
    removeAt(q, 2);
    assert.equal(q.index, 0);
    assert.equal(q.items.length, 3);
  });
});
