/**
 * Which whole swarms to drop so the disk stays under the cap: least recently requested first.
 * "Requested" = a peer last took bytes of that swarm from us (upload activity); a swarm nobody has
 * asked for yet counts from the time it was added. Pure: no clock, no I/O.
 */
export interface HeldSwarm {
  infoHash: string;
  /** Bytes the swarm takes on disk when complete (what it reserves). */
  bytes: number;
  /** ms since epoch of the last upload to a peer (or when it was added). */
  lastRequestedAt: number;
}

export interface AdmissionPlan {
  /** True when the incoming swarm fits (after the evictions below). */
  admit: boolean;
  /** Swarms to remove, least recently requested first. Empty when `admit` is false. */
  evict: string[];
}

/** Least recently requested first; ties broken by infohash so the choice is deterministic. */
export function lruOrder(held: readonly HeldSwarm[]): HeldSwarm[] {
  return [...held].sort(
    (a, b) => a.lastRequestedAt - b.lastRequestedAt || (a.infoHash < b.infoHash ? -1 : a.infoHash > b.infoHash ? 1 : 0),
  );
}

/**
 * Plans room for `incomingBytes` (0 = only bring the held set under the cap, e.g. after the cap was
 * lowered). `pinned` swarms are never evicted (the ones the current pass just chose to keep, so a long
 * list does not evict its own head). Evicts nothing when the room cannot be made.
 */
export function planAdmission(
  held: readonly HeldSwarm[],
  incomingBytes: number,
  maxBytes: number,
  pinned: ReadonlySet<string> = new Set(),
): AdmissionPlan {
  if (incomingBytes > maxBytes) return { admit: false, evict: [] };
  let used = held.reduce((sum, s) => sum + s.bytes, 0);
  const evict: string[] = [];
  for (const s of lruOrder(held)) {
    if (used + incomingBytes <= maxBytes) break;
    if (pinned.has(s.infoHash)) continue;
    evict.push(s.infoHash);
    used -= s.bytes;
  }
  if (used + incomingBytes > maxBytes) return { admit: false, evict: [] };
  return { admit: true, evict };
}

/** Swarms to drop so that what is held fits under `maxBytes` (pinned ones are kept even if over). */
export function planShrink(held: readonly HeldSwarm[], maxBytes: number, pinned: ReadonlySet<string> = new Set()): string[] {
  let used = held.reduce((sum, s) => sum + s.bytes, 0);
  const evict: string[] = [];
  for (const s of lruOrder(held)) {
    if (used <= maxBytes) break;
    if (pinned.has(s.infoHash)) continue;
    evict.push(s.infoHash);
    used -= s.bytes;
  }
  return evict;
}
