import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NodeEd25519Signer } from '@wetube/swarm';

/** What the seeder remembers between runs, per swarm. */
export interface HeldSwarmRecord {
  infoHash: string;
  videoId: string;
  rendition: string;
  torrentUrl: string;
  /** The swarm's trackers as the api last named them (absent in state written before tracker shards). */
  trackerUrls?: string[];
  /** Total bytes of the rendition. */
  bytes: number;
  addedAt: number;
  lastRequestedAt: number;
}

export interface SeederState {
  version: 1;
  swarms: Record<string, HeldSwarmRecord>;
}

/** One session's newest receipt, as kept in receipts.json. */
export interface StoredReceipt {
  sessionId: string;
  videoId: string;
  seq: number;
  cumulativeSegments: number;
  cumulativeBytes: number;
  /** ms since epoch: the session certificate's expiry, and when we accepted the receipt. */
  expiresAt: number;
  acceptedAt: number;
  /**
   * base64url of the whole receipt message (certificate, its origin signature, receipt, session
   * signature) exactly as the api will want it for redemption; the fields above are for reading.
   */
  message: string;
  /**
   * The newest seq of this session the api settled (redeemReceipts answered PAID, NOTHING_NEW or a
   * final refusal); absent until then. A receipt with `seq > redeemedSeq` is redeemed again.
   */
  redeemedSeq?: number;
}

export interface ReceiptsFile {
  version: 1;
  /** The seeder's platform peer id the receipts name. */
  peerId: string;
  receipts: StoredReceipt[];
}

const INFO_HASH = /^[0-9a-f]{40}$/;

/**
 * The seeder's data folder (the only file-system code of the seeder besides WebTorrent's own piece store):
 *
 *   <dir>/seeder-key.pem            ed25519 identity (PKCS#8), made once
 *   <dir>/seeder-state.json         held swarms and when each was last requested
 *   <dir>/receipts.json             newest accepted payment receipt per playback session
 *   <dir>/torrents/<infohash>.torrent
 *   <dir>/data/<infohash>/<videoId>/<rendition>/...   the pieces, where WebTorrent writes them
 */
export class SeederStore {
  constructor(readonly dir: string) {}

  async init(): Promise<void> {
    await mkdir(path.join(this.dir, 'torrents'), { recursive: true });
    await mkdir(path.join(this.dir, 'data'), { recursive: true });
  }

  get keyPath(): string {
    return path.join(this.dir, 'seeder-key.pem');
  }

  /** Loads the identity key, or makes one (mode 0600) on the first run. */
  async loadOrCreateKey(): Promise<{ signer: NodeEd25519Signer; created: boolean }> {
    try {
      return { signer: NodeEd25519Signer.fromPem(await readFile(this.keyPath, 'utf8')), created: false };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read ${this.keyPath}: ${(err as Error).message}`);
    }
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    // 'wx': never overwrite a key another process made in the meantime.
    await writeFile(this.keyPath, pem, { mode: 0o600, flag: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL });
    return { signer: NodeEd25519Signer.fromPem(pem), created: true };
  }

  async readState(): Promise<SeederState> {
    let text: string;
    try {
      text = await readFile(this.statePath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, swarms: {} };
      throw err;
    }
    const parsed = JSON.parse(text) as SeederState;
    if (parsed.version !== 1 || typeof parsed.swarms !== 'object') throw new Error(`${this.statePath}: unknown state format`);
    for (const key of Object.keys(parsed.swarms)) if (!INFO_HASH.test(key)) delete parsed.swarms[key];
    return parsed;
  }

  /** Atomic: write a temp file, then rename over the old one. */
  async writeState(state: SeederState): Promise<void> {
    const tmp = `${this.statePath}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(state, null, 2) + '\n');
    await rename(tmp, this.statePath);
  }

  /**
   * The kept receipts, or null when there are none yet. A file that is not a receipts file is moved
   * aside (receipts.json.corrupt-<time>, kept for inspection) and null is returned with `movedTo`.
   */
  async readReceipts(): Promise<{ file: ReceiptsFile | null; movedTo?: string }> {
    let text: string;
    try {
      text = await readFile(this.receiptsPath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file: null };
      throw err;
    }
    try {
      const parsed = JSON.parse(text) as ReceiptsFile;
      if (parsed?.version !== 1 || typeof parsed.peerId !== 'string' || !Array.isArray(parsed.receipts)) throw new Error('unknown format');
      return { file: parsed };
    } catch {
      const movedTo = `${this.receiptsPath}.corrupt-${Date.now()}`;
      await rename(this.receiptsPath, movedTo);
      return { file: null, movedTo };
    }
  }

  /** Atomic and durable: write and fsync a temp file, then rename it over receipts.json. */
  async writeReceipts(file: ReceiptsFile): Promise<void> {
    const tmp = `${this.receiptsPath}.${process.pid}.tmp`;
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(file, null, 1) + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, this.receiptsPath);
  }

  get receiptsPath(): string {
    return path.join(this.dir, 'receipts.json');
  }

  async saveTorrent(infoHash: string, file: Buffer): Promise<void> {
    await writeFile(this.torrentPath(infoHash), file);
  }

  async readTorrent(infoHash: string): Promise<Buffer | null> {
    try {
      return await readFile(this.torrentPath(infoHash));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Folder WebTorrent stores this swarm's files under. */
  dataPath(infoHash: string): string {
    return path.join(this.dir, 'data', check(infoHash));
  }

  /** Deletes a swarm's pieces and .torrent file. */
  async removeSwarm(infoHash: string): Promise<void> {
    await rm(this.dataPath(infoHash), { recursive: true, force: true });
    await rm(this.torrentPath(infoHash), { force: true });
  }

  private get statePath(): string {
    return path.join(this.dir, 'seeder-state.json');
  }

  private torrentPath(infoHash: string): string {
    return path.join(this.dir, 'torrents', `${check(infoHash)}.torrent`);
  }
}

function check(infoHash: string): string {
  if (!INFO_HASH.test(infoHash)) throw new Error(`not an infohash: ${infoHash}`);
  return infoHash;
}
