/**
 * A minimal in-memory chunk store (the abstract-chunk-store interface WebTorrent expects); the
 * browser bundle's default is OPFS, which is slower to get ready. Holds one rendition's pieces.
 */
type Cb<T = void> = (err: Error | null, value?: T) => void;

export class MemoryChunkStore {
  private chunks: (Uint8Array | undefined)[] = [];
  private closed = false;

  constructor(
    readonly chunkLength: number,
    _opts?: unknown,
  ) {}

  put(index: number, buf: Uint8Array, cb: Cb = () => undefined): void {
    if (this.closed) return queueMicrotask(() => cb(new Error('store is closed')));
    this.chunks[index] = buf;
    queueMicrotask(() => cb(null));
  }

  get(index: number, opts: { offset?: number; length?: number } | null | Cb<Uint8Array>, cb?: Cb<Uint8Array>): void {
    if (typeof opts === 'function') return this.get(index, null, opts);
    const done = cb ?? (() => undefined);
    const buf = this.chunks[index];
    if (this.closed) return queueMicrotask(() => done(new Error('store is closed')));
    if (!buf) {
      const err = new Error('chunk not found') as Error & { notFound?: boolean };
      err.notFound = true;
      return queueMicrotask(() => done(err));
    }
    const offset = opts?.offset ?? 0;
    const length = opts?.length ?? buf.length - offset;
    queueMicrotask(() => done(null, buf.subarray(offset, offset + length)));
  }

  close(cb: Cb = () => undefined): void {
    this.closed = true;
    queueMicrotask(() => cb(null));
  }

  destroy(cb: Cb = () => undefined): void {
    this.closed = true;
    this.chunks = [];
    queueMicrotask(() => cb(null));
  }
}
