/**
 * The listening queue (issue 14): the tracks to play in order and the one playing. Pure: the
 * provider (web/components/listen/ListenProvider.tsx) keeps one and replaces it with these functions.
 */

/** A queued track: enough to show it before its details are loaded. */
export interface QueueItem {
  id: string;
  title: string;
  posterUrl?: string | null;
}

export interface Queue {
  items: QueueItem[];
  /** The playing item's index in `items` (-1: empty queue). */
  index: number;
  /** The playlist it was made from (`?list=`), null for a single track or a hand-made queue. */
  listId: string | null;
}

export const EMPTY_QUEUE: Queue = { items: [], index: -1, listId: null };

/** Seconds into a track after which "previous" starts the track over instead of going back. */
export const RESTART_AFTER_SEC = 3;

/**
 * The queue for opening `current`: a playlist's playable items in their order with `current`
 * playing (when the list does not hold it, `current` alone), or `current` alone without a list.
 */
export function queueFor(current: QueueItem, list: { id: string; items: QueueItem[] } | null): Queue {
  if (!list) return { items: [current], index: 0, listId: null };
  const index = list.items.findIndex((i) => i.id === current.id);
  if (index < 0) return { items: [current], index: 0, listId: null };
  return { items: list.items.slice(), index, listId: list.id };
}

export function currentItem(q: Queue): QueueItem | null {
  return q.items[q.index] ?? null;
}

export function hasNext(q: Queue): boolean {
  return q.index >= 0 && q.index + 1 < q.items.length;
}

export function hasPrevious(q: Queue): boolean {
  return q.index > 0;
}

/** The queue moved on to the next item, or null at its end. */
export function next(q: Queue): Queue | null {
  return hasNext(q) ? { ...q, index: q.index + 1 } : null;
}

/**
 * "Previous" at `positionSec` into the playing track: 'restart' when past RESTART_AFTER_SEC or on
 * the first item, else the queue moved back one.
 */
export function previous(q: Queue, positionSec: number): Queue | 'restart' {
  if (positionSec > RESTART_AFTER_SEC || !hasPrevious(q)) return 'restart';
  return { ...q, index: q.index - 1 };
}

/** The queue with `item` added at its end (an empty queue starts with it playing). */
export function enqueue(q: Queue, item: QueueItem): Queue {
  if (q.index < 0) return { items: [item], index: 0, listId: null };
  return { ...q, items: [...q.items, item] };
}

/** The queue playing the item at `index` (out of range: unchanged). */
export function jumpTo(q: Queue, index: number): Queue {
  return index >= 0 && index < q.items.length ? { ...q, index } : q;
}

/**
 * The queue without the item at `index` (out of range, or the one playing: unchanged; the playing
 * one is stopped with the player's close, not taken out from under it). The playing item stays
 * playing; a removed item before it moves its index back one.
 */
export function removeAt(q: Queue, index: number): Queue {
  if (index < 0 || index >= q.items.length || index === q.index) return q;
  const items = q.items.filter((_, i) => i !== index);
  return { ...q, items, index: index < q.index ? q.index - 1 : q.index };
}
