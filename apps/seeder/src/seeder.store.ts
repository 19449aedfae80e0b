import path from 'node:path';
import { StorageRepository } from '@wetube/platform';
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
 * The seeder's data folder, through a StorageRepository (the only file-system code of the seeder
 * besides WebTorrent's own piece store):
 *
 *   <dir>/seeder-key.pem            ed25519 identity (PKCS#8), made once
 *   <dir>/seeder-state.json         held swarms and when each was last requested
 *   <dir>/receipts.json             newest accepted payment receipt per playback session
 *   <dir>/torrents/<infohash>.torrent
 *   <dir>/data/<infohash>/<videoId>/<rendition>/...   the pieces, where WebTorrent writes them
 */
export class SeederStore {
  constructor(
    readonly dir: string,
    private readonly files: StorageRepository = new StorageRepository(),
  ) {}

  async init(): Promise<void> {
    await this.files.makeDir(path.join(this.dir, 'torrents'));
    await this.files.makeDir(path.join(this.dir, 'data'));
  }

  get keyPath(): string {
    return path.join(this.dir, 'seeder-key.pem');
  }

  /** Loads the identity key, or makes one (mode 0600) on the first run. */
  async loadOrCreateKey(): Promise<{ signer: NodeEd25519Signer; created: boolean }> {
    let existing: string | null;
    try {
      existing = await this.files.readTextIfExists(this.keyPath);
      if (existing !== null) return { signer: NodeEd25519Signer.fromPem(existing), created: false };
    } catch (err) {
      throw new Error(`cannot read ${this.keyPath}: ${(err as Error).message}`);
    }
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    // Never overwrite a key another process made in the meantime.
    await this.files.createFile(this.keyPath, pem, { mode: 0o600 });
    return { signer: NodeEd25519Signer.fromPem(pem), created: true };
  }

  async readState(): Promise<SeederState> {
    const text = await this.files.readTextIfExists(this.statePath);
    if (text === null) return { version: 1, swarms: {} };
    const parsed = JSON.parse(text) as SeederState;
    if (parsed.version !== 1 || typeof parsed.swarms !== 'object') throw new Error(`${this.statePath}: unknown state format`);
    for (const key of Object.keys(parsed.swarms)) if (!INFO_HASH.test(key)) delete parsed.swarms[key];
    return parsed;
  }

  /** Atomic: write a temp file, then rename over the old one. */
  async writeState(state: SeederState): Promise<void> {
    await this.files.writeFileAtomic(this.statePath, JSON.stringify(state, null, 2) + '\n');
  }

  /**
   * The kept receipts, or null when there are none yet. A file that is not a receipts file is moved
   * aside (receipts.json.corrupt-<time>, kept for inspection) and null is returned with `movedTo`.
   */
  async readReceipts(): Promise<{ file: ReceiptsFile | null; movedTo?: string }> {
    const text = await this.files.readTextIfExists(this.receiptsPath);
    if (text === null) return { file: null };
    try {
      const parsed = JSON.parse(text) as ReceiptsFile;
      if (parsed?.version !== 1 || typeof parsed.peerId !== 'string' || !Array.isArray(parsed.receipts)) throw new Error('unknown format');
      return { file: parsed };
    } catch {
      const movedTo = `${this.receiptsPath}.corrupt-${Date.now()}`;
      await this.files.move(this.receiptsPath, movedTo);
      return { file: null, movedTo };
    }
  }

  /** Atomic and durable: write and fsync a temp file, then rename it over receipts.json. */
  async writeReceipts(file: ReceiptsFile): Promise<void> {
    await this.files.writeFileAtomic(this.receiptsPath, JSON.stringify(file, null, 1) + '\n', { mode: 0o600, durable: true });
  }

  get receiptsPath(): string {
    return path.join(this.dir, 'receipts.json');
  }

  async saveTorrent(infoHash: string, file: Buffer): Promise<void> {
    await this.files.writeFile(this.torrentPath(infoHash), file);
  }

  async readTorrent(infoHash: string): Promise<Buffer | null> {
    return this.files.readFileIfExists(this.torrentPath(infoHash));
  }

  /** Folder WebTorrent stores this swarm's files under. */
  dataPath(infoHash: string): string {
    return path.join(this.dir, 'data', check(infoHash));
  }

  /** Deletes a swarm's pieces and .torrent file. */
  async removeSwarm(infoHash: string): Promise<void> {
    await this.files.removeDir(this.dataPath(infoHash));
    await this.files.removeFile(this.torrentPath(infoHash));
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
