import { join } from 'node:path';
import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig, StorageRepository } from '@wetube/platform';
import type { AddFileOptions, UnixFS } from '@helia/unixfs';
import type { FsBlockstore } from 'blockstore-fs';
import type { Helia } from 'helia';
import type { KuboRPCClient } from 'kubo-rpc-client';
import type { CID } from 'multiformats/cid';
import { ADDRESSING_OPTIONS, AddressingOptions } from './addressing.options';

// Helia 7 uses Promise.withResolvers (Node >= 22); Node 20 lacks it. Installed before Helia loads.
{
  const P = Promise as unknown as { withResolvers?: () => unknown };
  if (typeof P.withResolvers !== 'function') {
    Object.defineProperty(Promise, 'withResolvers', {
      configurable: true,
      writable: true,
      value: function withResolvers<T>(this: PromiseConstructor) {
        let resolve!: (value: T | PromiseLike<T>) => void;
        let reject!: (reason?: unknown) => void;
        const promise = new this<T>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        return { promise, resolve, reject };
      },
    });
  }
}

/**
 * The DAG parameters of Kubo's `ipfs add --cid-version=1`: raw leaves, fixed 262144-byte chunks,
 * balanced DAG of at most 174 links per node, CIDv1 (base32). @helia/unixfs defaults differ
 * (1 MiB chunks, 1024 links), so every one is set explicitly.
 */
export const KUBO_CHUNK_SIZE = 262_144;
export const KUBO_MAX_LINKS = 174;

/** Kubo answered a different CID than the embedded node for the same bytes. */
export class IpfsCidMismatchError extends Error {
  constructor(
    readonly what: string,
    readonly embeddedCid: string,
    readonly kuboCid: string,
  ) {
    super(`IPFS CID mismatch for ${what}: embedded Helia gave ${embeddedCid}, Kubo gave ${kuboCid}`);
  }
}

export class InvalidCidError extends Error {}

export interface IpfsAddFileOptions {
  /** Called with every chunk read from the file, in order (lets a caller hash it on the same read). */
  onChunk?: (chunk: Uint8Array) => void;
}

interface EmbeddedNode {
  helia: Helia;
  fs: UnixFS;
  blockstore: FsBlockstore;
  parseCid: (text: string) => CID;
  importOptions: AddFileOptions;
}

/**
 * The only class that touches IPFS. An embedded Helia node (blockstore on disk in
 * `<DATA_DIR>/ipfs/blocks`, libp2p never started: no dialing, no bootstrap), made on first use and
 * stopped with the module. With KUBO_API_URL, every add also goes to that Kubo daemon (pinned) and
 * must give the same CID.
 */
@Injectable()
export class IpfsRepository implements OnModuleDestroy {
  readonly blocksDir: string;
  readonly kuboApiUrl?: string;
  private node?: Promise<EmbeddedNode>;
  private kubo?: Promise<KuboRPCClient>;

  constructor(
    config: AppConfig,
    @Inject(ADDRESSING_OPTIONS) options: AddressingOptions,
    @Optional() private readonly storage: StorageRepository = new StorageRepository(config),
  ) {
    this.blocksDir = join(config.dataDir, 'ipfs', 'blocks');
    this.kuboApiUrl = options.kuboApiUrl;
  }

  /** Adds a file (streamed, never read whole) and returns its CIDv1 (base32), as Kubo would. */
  async addFile(path: string, options: IpfsAddFileOptions = {}): Promise<string> {
    const { onChunk } = options;
    const [cid, kuboCid] = await Promise.all([
      this.embedded().then(({ fs, importOptions }) =>
        fs.addByteStream(tap(this.storage.openRead(path, { highWaterMark: KUBO_CHUNK_SIZE }), onChunk), importOptions),
      ),
      this.kuboApiUrl ? this.kuboAdd(this.storage.openRead(path, { highWaterMark: KUBO_CHUNK_SIZE })) : undefined,
    ]);
    return this.agree(path, cid.toString(), kuboCid);
  }

  /** Adds bytes held in memory and returns their CIDv1 (base32), as Kubo would. */
  async addBytes(bytes: Uint8Array): Promise<string> {
    const [cid, kuboCid] = await Promise.all([
      this.embedded().then(({ fs, importOptions }) => fs.addBytes(bytes, importOptions)),
      this.kuboApiUrl ? this.kuboAdd(bytes) : undefined,
    ]);
    return this.agree(`${bytes.byteLength} bytes`, cid.toString(), kuboCid);
  }

  /** True if the root block of `cid` is in the local blockstore (false for text that is not a CID). */
  async has(cid: string): Promise<boolean> {
    const node = await this.embedded();
    let parsed: CID;
    try {
      parsed = node.parseCid(cid);
    } catch {
      return false;
    }
    return node.blockstore.has(parsed);
  }

  /**
   * The bytes of the file `cid`, from the local blockstore only (never the network: a missing block
   * is an error, not a wait).
   */
  async *cat(cid: string, options: { offset?: number; length?: number; signal?: AbortSignal } = {}): AsyncGenerator<Uint8Array> {
    const node = await this.embedded();
    let parsed: CID;
    try {
      parsed = node.parseCid(cid);
    } catch {
      throw new InvalidCidError(`not a CID: ${JSON.stringify(cid)}`);
    }
    yield* node.fs.cat(parsed, { ...options, offline: true });
  }

  async onModuleDestroy(): Promise<void> {
    const node = this.node;
    this.node = undefined;
    this.kubo = undefined;
    if (!node) return;
    const n = await node.catch(() => null);
    if (!n) return;
    await n.helia.stop();
    await n.blockstore.close();
  }

  private embedded(): Promise<EmbeddedNode> {
    if (!this.node) {
      this.node = this.createNode();
      this.node.catch(() => (this.node = undefined)); // a failed start is retried on next use
    }
    return this.node;
  }

  private async createNode(): Promise<EmbeddedNode> {
    const [{ createHelia }, { unixfs }, { FsBlockstore }, { CID }, { fixedSize }, { balanced }] = await Promise.all([
      import('helia'),
      import('@helia/unixfs'),
      import('blockstore-fs'),
      import('multiformats/cid'),
      import('ipfs-unixfs-importer/chunker'),
      import('ipfs-unixfs-importer/layout'),
    ]);
    await this.storage.makeDir(this.blocksDir);
    const blockstore = new FsBlockstore(this.blocksDir);
    await blockstore.open();
    // Never `helia.start()`: that would start libp2p. Adding, has and cat (offline) need only the
    // blockstore. (`start: false` is Helia < 7's switch; kept so older majors stay idle too.)
    const helia = await createHelia({ start: false, blockstore } as Parameters<typeof createHelia>[0]);
    const importOptions: AddFileOptions = {
      cidVersion: 1,
      rawLeaves: true,
      reduceSingleLeafToSelf: true,
      fieldOrder: 'links-first',
      chunker: fixedSize({ chunkSize: KUBO_CHUNK_SIZE }),
      layout: balanced({ maxChildrenPerNode: KUBO_MAX_LINKS }),
    };
    return { helia, fs: unixfs(helia), blockstore, parseCid: (text) => CID.parse(text), importOptions };
  }

  private kuboClient(): Promise<KuboRPCClient> {
    if (!this.kubo) {
      const url = this.kuboApiUrl!;
      this.kubo = import('kubo-rpc-client').then(({ create }) => create({ url }));
    }
    return this.kubo;
  }

  private async kuboAdd(content: Uint8Array | AsyncIterable<Uint8Array>): Promise<string> {
    const kubo = await this.kuboClient();
    try {
      const { cid } = await kubo.add(content, {
        cidVersion: 1,
        rawLeaves: true,
        chunker: `size-${KUBO_CHUNK_SIZE}`,
        trickle: false,
        hashAlg: 'sha2-256',
        pin: true,
      });
      return cid.toString();
    } catch (err) {
      throw new Error(`Kubo add at ${this.kuboApiUrl} (KUBO_API_URL) failed: ${(err as Error).message}`, { cause: err });
    }
  }

  private agree(what: string, cid: string, kuboCid: string | undefined): string {
    if (kuboCid !== undefined && kuboCid !== cid) throw new IpfsCidMismatchError(what, cid, kuboCid);
    return cid;
  }
}

async function* tap(source: AsyncIterable<Uint8Array>, onChunk?: (chunk: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    onChunk?.(chunk);
    yield chunk;
  }
}
