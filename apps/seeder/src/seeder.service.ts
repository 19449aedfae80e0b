import { hostname } from 'node:os';
import { type NodeEd25519Signer, receiptExtension } from '@wetube/swarm';
import { type AccountInfo, type IceServerInfo, type RegisteredSeeder, SeederApiClient, type SwarmInfo } from './api.client';
import type { VideoSelection } from './cli';
import { planAdmission, planShrink } from './eviction.policy';
import { IceServersKeeper } from './ice.keeper';
import { ReceiptKeeper, type KeeperDecision, type ReceiptStats } from './receipt.keeper';
import { ReceiptRedeemer, type RedeemTotals } from './receipt.redeemer';
import { RedeemClient, type RedeemApi } from './redeem.client';
import { accountLabel, registerSeeder } from './seeder.registration';
import { SeederStore, type HeldSwarmRecord, type SeederState } from './seeder.store';
import type { SeederStatus } from './status.line';
import { WebTorrentRepository } from './webtorrent.repository';

export interface SeederServiceOptions {
  apiUrl: string;
  selection: VideoSelection;
  maxDiskBytes: number;
  dir: string;
  /** Api bearer token: registers the seeder key with its account at start (and sees that account's own videos). */
  token?: string;
  /** The name the seeder registers under (default: the host name). */
  name?: string;
  port?: number;
  webrtc?: boolean;
  rtcBindAddress?: string;
  /** Re-read the video list this often (all/popular); 0 = only at start. */
  refreshMs?: number;
  log?: (message: string) => void;
  /** Detail lines (receipt refusals, rate-limited); none when absent. */
  debug?: (message: string) => void;
  /**
   * The origin's Ed25519 public key that signs playback-session certificates. Default: read from the
   * api's /.well-known/wetube-origin.json at start (retried while it fails).
   */
  originPublicKey?: Uint8Array;
  /** receipts.json is written this long after a receipt is accepted (default 2000 ms). */
  receiptsFlushMs?: number;
  /** With a token: redeem the kept receipts this often (default 30 s), and once more at stop. */
  redeemEveryMs?: number;
  /** The redemption at stop gives up after this long (default 10 s): the receipts stay kept. */
  redeemExitTimeoutMs?: number;
  /** The redeemReceipts call (default: the api's GraphQL with the token); tests give a fake. */
  redeemApi?: RedeemApi;
  /** Called with every decision on a wt_receipt message (tests, metrics). */
  onReceipt?: (decision: KeeperDecision, from: string) => void;
  /** Injectable clock (tests). */
  now?: () => number;
}

const SAVE_EVERY_MS = 30_000;

/**
 * The seeder's logic: which swarms to hold (selection + disk cap, LRU by upload activity), joining
 * them, and remembering them across restarts. I/O lives in SeederApiClient, SeederStore and
 * WebTorrentRepository.
 */
export class SeederService {
  private state: SeederState = { version: 1, swarms: {} };
  private torrents?: WebTorrentRepository;
  private receipts?: ReceiptKeeper;
  private redeemer?: ReceiptRedeemer;
  private signer?: NodeEd25519Signer;
  private ice?: IceServersKeeper;
  private refreshTimer?: NodeJS.Timeout;
  private saveTimer?: NodeJS.Timeout;
  private dirty = false;
  private syncing?: Promise<void>;
  private stopped = false;
  private registered: { seeder: RegisteredSeeder; account: AccountInfo } | null = null;
  /** The last registration attempt could not reach the api: the next refresh tries again. */
  private registrationRetry = false;
  private readonly api: SeederApiClient;
  private readonly store: SeederStore;
  private readonly log: (message: string) => void;
  private readonly now: () => number;

  constructor(private readonly opts: SeederServiceOptions) {
    this.api = new SeederApiClient(opts.apiUrl, opts.token);
    this.store = new SeederStore(opts.dir);
    this.log = opts.log ?? (() => undefined);
    this.now = opts.now ?? Date.now;
  }

  /** The seeder's ed25519 public key (raw, 32 bytes): its peer id for receipts. */
  get publicKey(): Uint8Array {
    if (!this.signer) throw new Error('seeder not started');
    return this.signer.publicKey;
  }

  get publicKeyBase64url(): string {
    return Buffer.from(this.publicKey).toString('base64url');
  }

  /** The account this seeder's key is registered with (null: anonymous, or registration failed). */
  get registration(): { seeder: RegisteredSeeder; account: AccountInfo } | null {
    return this.registered;
  }

  /** TCP port peers connect to. */
  get port(): number {
    return this.torrents?.port ?? 0;
  }

  /** Held swarms (infohash → record). */
  get held(): ReadonlyMap<string, HeldSwarmRecord> {
    return new Map(Object.entries(this.state.swarms));
  }

  /**
   * Loads the identity and state, re-joins every held swarm from its files on disk (WebTorrent
   * verifies the pieces; nothing held is fetched again), then reads the chosen videos from the api.
   * An unreachable api is logged, not fatal: held swarms keep seeding and the next refresh retries.
   */
  async start(): Promise<{ keyCreated: boolean }> {
    await this.store.init();
    const { signer, created } = await this.store.loadOrCreateKey();
    this.signer = signer;
    this.log(`seeder identity (ed25519 public key, base64url): ${this.publicKeyBase64url}${created ? ' (new key)' : ''}`);
    await this.register();
    this.state = await this.store.readState();
    const originPublicKey = this.opts.originPublicKey;
    const receipts = new ReceiptKeeper({
      peerId: this.publicKeyBase64url,
      storage: this.store,
      originKey: originPublicKey ? async () => originPublicKey : () => this.api.originPublicKey(),
      log: this.log,
      debug: this.opts.debug,
      flushDelayMs: this.opts.receiptsFlushMs,
      now: this.now,
    });
    await receipts.start();
    this.receipts = receipts;
    if (this.opts.token) {
      this.redeemer = new ReceiptRedeemer({
        source: receipts,
        api: this.opts.redeemApi ?? new RedeemClient(this.opts.apiUrl, this.opts.token),
        everyMs: this.opts.redeemEveryMs,
        log: this.log,
        // Only a key registered with the account can be paid: a refusal now (NOT_YOUR_PEER) would settle receipts for good.
        blockedBy: () => (this.registered ? null : 'this seeder key is not registered with the account (yet); the receipts stay kept'),
      });
      this.redeemer.start();
      const every = this.opts.redeemEveryMs ?? 30_000;
      this.log(`redeeming kept receipts every ${every % 1000 === 0 ? `${every / 1000} s` : `${every} ms`}, and at exit`);
    }
    const webrtc = this.opts.webrtc ?? true;
    // The platform's STUN/TURN for our WebRTC wires (peers behind NATs), renewed before the TURN credential expires.
    let iceServers: IceServerInfo[] = [];
    if (webrtc) {
      this.ice = new IceServersKeeper(this.api, (servers) => this.torrents?.setIceServers(servers), this.log, this.now);
      iceServers = await this.ice.start();
    }
    this.torrents = await WebTorrentRepository.open({
      torrentPort: this.opts.port ?? 0,
      webrtc,
      rtcBindAddress: this.opts.rtcBindAddress,
      iceServers,
      onUpload: (infoHash) => this.touch(infoHash),
      onWarning: (m) => this.log(`warning: ${m}`),
      // Every peer wire learns our platform id and may send us receipts (wt_receipt, BEP 10).
      wireExtensions: [
        receiptExtension({
          localPeerId: this.publicKeyBase64url,
          onReceipt: (message, ext) => {
            const from = ext.remotePeerId ?? 'a peer without a platform id';
            receipts.accept(message, from).then(
              (decision) => this.opts.onReceipt?.(decision, from),
              (err) => this.log(`receipts: ${(err as Error).message}`),
            );
          },
        }),
      ],
    });

    for (const infoHash of planShrink(this.records(), this.opts.maxDiskBytes)) await this.evict(infoHash, 'over the disk cap');
    for (const record of this.records()) {
      const file = await this.store.readTorrent(record.infoHash);
      if (!file) {
        this.log(`${record.videoId}/${record.rendition}: .torrent missing, dropping`);
        await this.evict(record.infoHash, 'torrent file missing');
        continue;
      }
      try {
        await this.torrents.add(file, { path: this.store.dataPath(record.infoHash), announce: record.trackerUrls });
      } catch (err) {
        this.log(`${record.videoId}/${record.rendition}: cannot resume (${(err as Error).message}); dropping`);
        await this.evict(record.infoHash, 'cannot resume');
      }
    }
    await this.save();

    try {
      await this.sync();
    } catch (err) {
      this.log(`cannot read the video list: ${(err as Error).message}`);
    }
    const refreshMs = this.opts.refreshMs ?? 600_000;
    if (refreshMs > 0) {
      this.refreshTimer = setInterval(() => {
        this.sync().catch((err) => this.log(`refresh failed: ${(err as Error).message}`));
        void this.receipts?.ready(); // retries the origin key if it could not be read yet
        if (this.registrationRetry) void this.register();
      }, refreshMs);
      this.refreshTimer.unref();
    }
    this.saveTimer = setInterval(() => {
      if (this.dirty) this.save().catch((err) => this.log(`cannot save state: ${(err as Error).message}`));
    }, SAVE_EVERY_MS);
    this.saveTimer.unref();
    return { keyCreated: created };
  }

  /**
   * With a token: registers the seeder key with the token's account (registerSeeder; the key signs
   * the registration). A failure is logged with its reason and seeding goes on unregistered:
   * receipts are kept either way. Without a token: says once that it seeds anonymously.
   */
  private async register(): Promise<void> {
    if (!this.opts.token) {
      this.log(
        'no --token: seeding anonymously (receipts are still kept under this key, but not redeemed: nothing is paid without an account); to register this seeder with your account, ' +
          'start it with --token <bearer> [--name <text>] (the token from signing in: POST <api>/api/auth/login)',
      );
      return;
    }
    this.registrationRetry = false;
    const outcome = await registerSeeder(this.api, this.signer!, this.opts.name?.trim() || hostname(), this.now);
    if (outcome.ok) {
      this.registered = { seeder: outcome.seeder, account: outcome.account };
      this.log(`registered as seeder ${outcome.seeder.name} of ${accountLabel(outcome.account)}`);
      return;
    }
    this.registrationRetry = outcome.retry && !this.stopped && (this.opts.refreshMs ?? 600_000) > 0;
    this.log(
      `error: seeder registration failed: ${outcome.reason}; seeding anyway, unregistered (receipts are kept either way)` +
        (this.registrationRetry ? '; trying again at the next refresh' : ''),
    );
  }

  /** Reads the chosen videos' swarms and joins the ones that fit under the disk cap (one pass at a time). */
  sync(): Promise<void> {
    this.syncing ??= this.syncOnce().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    const wanted = await this.api.swarmsOf(this.opts.selection);
    // Swarms this pass keeps are pinned: later (less wanted) entries never evict earlier ones.
    const pinned = new Set<string>();
    for (const swarm of wanted) {
      if (this.stopped) return;
      const held = this.state.swarms[swarm.infoHash];
      if (held) {
        pinned.add(swarm.infoHash);
        // The api names the swarm's tracker shard now; a changed one is used from the next start.
        if (swarm.trackerUrls?.length && held.trackerUrls?.join() !== swarm.trackerUrls.join()) {
          held.trackerUrls = swarm.trackerUrls;
          this.dirty = true;
        }
        continue;
      }
      const plan = planAdmission(this.records(), swarm.bytes, this.opts.maxDiskBytes, pinned);
      if (!plan.admit) {
        this.log(`${swarm.videoId}/${swarm.rendition}: skipped, ${swarm.bytes} bytes do not fit under --max-disk`);
        continue;
      }
      for (const infoHash of plan.evict) await this.evict(infoHash, 'least recently requested');
      try {
        await this.join(swarm);
        pinned.add(swarm.infoHash);
      } catch (err) {
        this.log(`${swarm.videoId}/${swarm.rendition}: cannot join (${(err as Error).message})`);
      }
    }
    await this.save();
  }

  private async join(swarm: SwarmInfo): Promise<void> {
    const torrents = this.requireTorrents();
    const file = await this.api.torrentFile(swarm.torrentUrl);
    const infoHash = await torrents.infoHashOf(file);
    if (infoHash !== swarm.infoHash) throw new Error(`torrent infohash ${infoHash} is not the listed ${swarm.infoHash}`);
    await this.store.saveTorrent(infoHash, file);
    const at = this.now();
    this.state.swarms[infoHash] = {
      infoHash,
      videoId: swarm.videoId,
      rendition: swarm.rendition,
      torrentUrl: swarm.torrentUrl,
      trackerUrls: swarm.trackerUrls,
      bytes: swarm.bytes,
      addedAt: at,
      lastRequestedAt: at,
    };
    this.dirty = true;
    await torrents.add(file, { path: this.store.dataPath(infoHash), announce: swarm.trackerUrls });
    this.log(`joined ${swarm.videoId}/${swarm.rendition} (${infoHash})`);
  }

  private async evict(infoHash: string, why: string): Promise<void> {
    const record = this.state.swarms[infoHash];
    await this.torrents?.remove(infoHash);
    await this.store.removeSwarm(infoHash);
    delete this.state.swarms[infoHash];
    this.dirty = true;
    if (record) this.log(`evicted ${record.videoId}/${record.rendition} (${why})`);
  }

  private touch(infoHash: string): void {
    const record = this.state.swarms[infoHash];
    if (!record) return;
    record.lastRequestedAt = this.now();
    this.dirty = true;
  }

  /** Resolves when every held swarm has every piece. */
  async whenComplete(): Promise<void> {
    const torrents = this.requireTorrents();
    await Promise.all(Object.keys(this.state.swarms).map((infoHash) => torrents.whenDone(infoHash)));
  }

  /** Per-swarm progress (infohash → snapshot). */
  swarmSnapshots() {
    return Object.keys(this.state.swarms).map((infoHash) => ({
      record: this.state.swarms[infoHash],
      torrent: this.torrents?.snapshot(infoHash) ?? null,
    }));
  }

  status(): SeederStatus {
    const snaps = this.swarmSnapshots();
    const totals = this.torrents?.totals();
    return {
      swarms: snaps.length,
      complete: snaps.filter((s) => s.torrent?.done).length,
      peers: snaps.reduce((n, s) => n + (s.torrent?.peers ?? 0), 0),
      downloaded: totals?.downloaded ?? 0,
      webSeedDownloaded: totals?.webSeedDownloaded ?? 0,
      uploaded: totals?.uploaded ?? 0,
      downloadSpeed: totals?.downloadSpeed ?? 0,
      uploadSpeed: totals?.uploadSpeed ?? 0,
      diskUsed: snaps.reduce((n, s) => n + (s.torrent?.held ?? 0), 0),
      diskMax: this.opts.maxDiskBytes,
      receipts: this.receipts?.stats().kept ?? 0,
      receiptedBytes: this.receipts?.stats().bytes ?? 0,
      ...(this.redeemer
        ? { earned: this.redeemer.totals().paidAmount.toString(), earnedSegments: this.redeemer.totals().paidSegments }
        : {}),
    };
  }

  /** Receipts kept and refused (see ReceiptKeeper). */
  receiptStats(): ReceiptStats {
    return this.receipts?.stats() ?? { kept: 0, bytes: 0, accepted: 0, refused: 0, refusedBy: {} };
  }

  /** What redeeming did since start (null without --token). */
  redeemTotals(): RedeemTotals | null {
    return this.redeemer?.totals() ?? null;
  }

  /** Writes receipts.json now if a receipt arrived since the last write. */
  async flushReceipts(): Promise<void> {
    await this.receipts?.flush();
  }

  /** Stops seeding, saves the state and closes every socket and timer. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.ice?.stop();
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    if (this.saveTimer) clearInterval(this.saveTimer);
    await this.syncing?.catch(() => undefined);
    await this.save();
    await this.torrents?.destroy();
    this.torrents = undefined;
    // No wire is left to bring receipts: redeem what changed since the last round (time-limited).
    await this.redeemer?.stop(this.opts.redeemExitTimeoutMs ?? 10_000);
    this.redeemer = undefined;
    await this.receipts?.stop();
    this.receipts = undefined;
  }

  private records(): HeldSwarmRecord[] {
    return Object.values(this.state.swarms);
  }

  private async save(): Promise<void> {
    this.dirty = false;
    await this.store.writeState(this.state);
  }

  private requireTorrents(): WebTorrentRepository {
    if (!this.torrents) throw new Error('seeder not started');
    return this.torrents;
  }
}
