/**
 * The only file of the seeder that touches WebTorrent (3.0.21, ESM-only, loaded with import()).
 *
 * Peer discovery is the platform tracker only: no DHT, no LSD, no uTP, no PEX, no UPnP/NAT-PMP. WebRTC
 * (to browsers, through the WebSocket tracker) uses webrtc-polyfill over node-datachannel with the
 * platform's own ICE servers only (none by default), so no public STUN server is ever contacted.
 */

/** An RTCIceServer (the api's `peerIceServers`). */
export interface RtcIceServer {
  urls: string[];
  username?: string | null;
  credential?: string | null;
}

/**
 * ICE servers as webrtc-polyfill must get them: it writes TURN servers into libdatachannel's URL
 * form `turn:<username>:<credential>@host`, splitting at the first ':' — and coturn usernames are
 * `<expiry>:<user>`, credentials base64 (`/`, `+`, `=`). libdatachannel percent-decodes both, so
 * they go in percent-encoded (checked against coturn: raw, the allocation is refused).
 */
export function polyfillIceServers(servers: RtcIceServer[]): RtcIceServer[] {
  return servers.map((s) =>
    s.username && s.credential
      ? { urls: s.urls, username: encodeURIComponent(s.username), credential: encodeURIComponent(s.credential) }
      : { urls: s.urls },
  );
}
export interface WebTorrentOptions {
  /** TCP port for peers; 0 = any free port. */
  torrentPort: number;
  /** Announce to ws:// trackers and connect WebRTC peers. False = TCP (HTTP tracker) only. */
  webrtc: boolean;
  /** Local address for WebRTC host candidates (node-datachannel `bindAddress`). */
  rtcBindAddress?: string;
  /** The platform's STUN/TURN servers (see setIceServers to renew credentials). */
  iceServers?: RtcIceServer[];
  /** Called for every block uploaded to a peer. */
  onUpload?: (infoHash: string, bytes: number) => void;
  /**
   * BEP 10 extensions (bittorrent-protocol `wire.use` classes, e.g. `receiptExtension(...)`) put on
   * every peer wire (TCP and WebRTC; not web seeds) of every torrent, before the extended handshake.
   */
  wireExtensions?: WireExtensionClass[];
  onWarning?: (message: string) => void;
}

export interface AddTorrentOptions {
  /** Folder the torrent's files are stored under (existing files are verified, not fetched again). */
  path: string;
  /** False: strip the url-list (no origin web seed), e.g. for a pure-P2P test client. Default true. */
  webSeeds?: boolean;
  /** Announce to these trackers instead of the .torrent's list (the swarm's shard as the api names it now). */
  announce?: string[];
}

export interface TorrentSnapshot {
  infoHash: string;
  length: number;
  progress: number;
  done: boolean;
  /** Connected BitTorrent/WebRTC peers (web seeds not counted). */
  peers: number;
  /** Bytes of verified (or in-progress) pieces held. */
  held: number;
  /** Raw bytes received since added, all sources. */
  received: number;
  /** Of which from web seeds. */
  webSeedReceived: number;
  uploaded: number;
}

export interface ClientTotals {
  downloaded: number;
  webSeedDownloaded: number;
  uploaded: number;
  downloadSpeed: number;
  uploadSpeed: number;
}

/** A bittorrent-protocol extension class: `new Ext(wire)`, with `name` on its prototype. */
export type WireExtensionClass = new (wire: never) => object;

// The small part of WebTorrent's API used here (the package ships no types).
interface WtWire {
  type: string;
  on(event: 'download', fn: (bytes: number) => void): void;
  use(extension: WireExtensionClass): void;
}
interface WtTorrent {
  infoHash: string;
  length: number;
  progress: number;
  done: boolean;
  ready: boolean;
  received: number;
  uploaded: number;
  downloaded: number;
  wires: WtWire[];
  on(event: 'wire', fn: (wire: WtWire) => void): void;
  on(event: 'upload', fn: (bytes: number) => void): void;
  on(event: 'warning' | 'error', fn: (err: Error | string) => void): void;
  once(event: 'ready' | 'done', fn: () => void): void;
  once(event: 'error', fn: (err: Error | string) => void): void;
  removeListener(event: string, fn: (...args: never[]) => void): void;
  addPeer(peer: string): boolean;
}
interface WtClient {
  torrents: WtTorrent[];
  downloadSpeed: number;
  uploadSpeed: number;
  add(torrentId: unknown, opts: Record<string, unknown>): WtTorrent;
  remove(torrentId: string, opts: Record<string, unknown>, cb: (err?: Error | null) => void): Promise<void>;
  address(): { port: number } | null;
  listening: boolean;
  on(event: 'error' | 'warning', fn: (err: Error | string) => void): void;
  once(event: 'listening', fn: () => void): void;
  destroy(cb: (err?: Error | null) => void): void;
}
type WebTorrentCtor = new (opts: Record<string, unknown>) => WtClient;
interface ParsedTorrent {
  infoHash: string;
  urlList: string[];
  announce: string[];
}
interface PolyfillModule {
  RTCPeerConnection: { prototype: EventTarget & { setLocalDescription(...args: unknown[]): Promise<unknown>; iceGatheringState: string } };
  RTCPeerConnectionIceEvent: new (candidate: unknown) => Event;
}

/** import() through a variable: TypeScript keeps a real dynamic import (these packages are ESM-only) and looks for no types. */
async function importEsm<T>(specifier: string): Promise<T> {
  return (await import(specifier)) as T;
}

let patched: Promise<void> | undefined;

/**
 * webrtc-polyfill never emits the end-of-candidates (null) `icecandidate` event, so simple-peer
 * (non-trickle, as bittorrent-tracker uses it) waits its 5 s ICE-complete timeout before sending an
 * offer or answer, and late offers from both sides collide (PITFALLS: set-up 5 s to > 60 s, or never).
 * Dispatch it once gathering is complete after setLocalDescription (set-up ~0.3 s). Patched once per process.
 */
export function patchEndOfCandidates(): Promise<void> {
  patched ??= (async () => {
    const { RTCPeerConnection, RTCPeerConnectionIceEvent } = await importEsm<PolyfillModule>('webrtc-polyfill');
    const proto = RTCPeerConnection.prototype;
    const original = proto.setLocalDescription;
    const armed = new WeakSet<object>();
    proto.setLocalDescription = async function (this: typeof proto, ...args: unknown[]) {
      const result = await original.apply(this, args);
      if (!armed.has(this)) {
        armed.add(this);
        const pc = this; // eslint-disable-line @typescript-eslint/no-this-alias -- names the connection the closures below read
        const fire = () => pc.dispatchEvent(new RTCPeerConnectionIceEvent(null));
        if (pc.iceGatheringState === 'complete') queueMicrotask(fire);
        else {
          const onChange = () => {
            if (pc.iceGatheringState !== 'complete') return;
            pc.removeEventListener('icegatheringstatechange', onChange);
            fire();
          };
          pc.addEventListener('icegatheringstatechange', onChange);
        }
      }
      return result;
    };
  })();
  return patched;
}

export class WebTorrentRepository {
  private readonly webSeedBytes = new Map<string, number>();
  private totalDown = 0;
  private totalWebSeed = 0;
  private totalUp = 0;

  private constructor(
    private readonly client: WtClient,
    private readonly parseTorrent: (input: Uint8Array) => Promise<ParsedTorrent>,
    private readonly opts: WebTorrentOptions,
    private readonly rtcConfig: Record<string, unknown> = {},
  ) {}

  /** New STUN/TURN servers (fresh TURN credentials) for the wires made from now on. */
  setIceServers(servers: RtcIceServer[]): void {
    this.rtcConfig.iceServers = polyfillIceServers(servers);
  }

  static async open(opts: WebTorrentOptions): Promise<WebTorrentRepository> {
    if (opts.webrtc) await patchEndOfCandidates();
    const { default: WebTorrent } = await importEsm<{ default: WebTorrentCtor }>('webtorrent');
    const { default: parseTorrent } = await importEsm<{ default: (input: Uint8Array) => Promise<ParsedTorrent> }>('parse-torrent');
    // One object for the client's life: bittorrent-tracker reads it for every new peer connection,
    // so renewed TURN credentials (setIceServers) apply to the next wires.
    const rtcConfig: Record<string, unknown> = { iceServers: polyfillIceServers(opts.iceServers ?? []) };
    if (opts.rtcBindAddress) rtcConfig.bindAddress = opts.rtcBindAddress;
    const client = new WebTorrent({
      torrentPort: opts.torrentPort,
      dht: false,
      lsd: false,
      utp: false,
      utPex: false,
      natUpnp: false,
      natPmp: false,
      webSeeds: true,
      tracker: opts.webrtc ? { rtcConfig } : { wrtc: false },
    });
    const repo = new WebTorrentRepository(client, parseTorrent, opts, rtcConfig);
    client.on('error', (err) => opts.onWarning?.(`webtorrent: ${String((err as Error).message ?? err)}`));
    client.on('warning', (err) => opts.onWarning?.(`webtorrent: ${String((err as Error).message ?? err)}`));
    if (!client.listening) await new Promise<void>((resolve) => client.once('listening', resolve));
    return repo;
  }

  /** The TCP port peers connect to. */
  get port(): number {
    return this.client.address()?.port ?? 0;
  }

  /** Parses a .torrent and returns its infohash (hex). */
  async infoHashOf(torrentFile: Uint8Array): Promise<string> {
    return (await this.parseTorrent(torrentFile)).infoHash;
  }

  /**
   * Adds a torrent (verifying whatever is already on disk under `path`) and resolves once it is ready;
   * it then downloads what is missing (from peers and the web seed) and seeds.
   */
  async add(torrentFile: Uint8Array, opts: AddTorrentOptions): Promise<string> {
    const parsed = await this.parseTorrent(torrentFile);
    if (opts.webSeeds === false) parsed.urlList = [];
    if (opts.announce?.length) parsed.announce = [...opts.announce];
    if (!this.opts.webrtc) parsed.announce = parsed.announce.filter((u) => /^https?:/.test(u));
    const infoHash = parsed.infoHash;
    if (this.find(infoHash)) return infoHash;
    this.webSeedBytes.set(infoHash, 0);
    const torrent = this.client.add(parsed, { path: opts.path, skipVerify: false });
    torrent.on('wire', (wire) => {
      const webSeed = wire.type === 'webSeed';
      // WebTorrent emits 'wire' when the remote's handshake arrived and before the extended
      // handshake goes out, so these extensions are advertised in it.
      if (!webSeed) for (const Extension of this.opts.wireExtensions ?? []) wire.use(Extension);
      wire.on('download', (n) => {
        this.totalDown += n;
        if (!webSeed) return;
        this.totalWebSeed += n;
        this.webSeedBytes.set(infoHash, (this.webSeedBytes.get(infoHash) ?? 0) + n);
      });
    });
    torrent.on('upload', (n) => {
      this.totalUp += n;
      this.opts.onUpload?.(infoHash, n);
    });
    torrent.on('warning', (err) => this.opts.onWarning?.(`${infoHash.slice(0, 8)}: ${String((err as Error).message ?? err)}`));
    await new Promise<void>((resolve, reject) => {
      if (torrent.ready) return resolve();
      const onError = (err: Error | string) => reject(err instanceof Error ? err : new Error(String(err)));
      torrent.once('error', onError);
      torrent.once('ready', () => {
        torrent.removeListener('error', onError as never);
        torrent.on('error', (err) => this.opts.onWarning?.(`${infoHash.slice(0, 8)}: ${String((err as Error).message ?? err)}`));
        resolve();
      });
    });
    return infoHash;
  }

  /** Resolves when every piece is verified. */
  async whenDone(infoHash: string): Promise<void> {
    const torrent = this.find(infoHash);
    if (!torrent) throw new Error(`no torrent ${infoHash}`);
    if (torrent.done) return;
    await new Promise<void>((resolve) => torrent.once('done', resolve));
  }

  /** Connects to a peer directly ("host:port"), besides what the tracker gives. */
  addPeer(infoHash: string, address: string): boolean {
    return this.find(infoHash)?.addPeer(address) ?? false;
  }

  snapshot(infoHash: string): TorrentSnapshot | null {
    const t = this.find(infoHash);
    if (!t) return null;
    return {
      infoHash,
      length: t.length ?? 0,
      progress: t.progress ?? 0,
      done: Boolean(t.done),
      peers: t.wires.filter((w) => w.type !== 'webSeed').length,
      held: t.downloaded ?? 0,
      received: t.received ?? 0,
      webSeedReceived: this.webSeedBytes.get(infoHash) ?? 0,
      uploaded: t.uploaded ?? 0,
    };
  }

  totals(): ClientTotals {
    return {
      downloaded: this.totalDown,
      webSeedDownloaded: this.totalWebSeed,
      uploaded: this.totalUp,
      downloadSpeed: this.client.downloadSpeed,
      uploadSpeed: this.client.uploadSpeed,
    };
  }

  /** Stops seeding a torrent; its files stay where they are (the caller deletes them). */
  async remove(infoHash: string): Promise<void> {
    if (!this.find(infoHash)) return;
    await new Promise<void>((resolve, reject) => {
      void this.client.remove(infoHash, { destroyStore: false }, (err) => (err ? reject(err) : resolve()));
    });
    this.webSeedBytes.delete(infoHash);
  }

  async destroy(): Promise<void> {
    await new Promise<void>((resolve) => this.client.destroy(() => resolve()));
  }

  private find(infoHash: string): WtTorrent | undefined {
    return this.client.torrents.find((t) => t.infoHash === infoHash);
  }
}
