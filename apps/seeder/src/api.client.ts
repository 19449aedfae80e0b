import type { VideoSelection } from './cli';
import { postGraphql } from './graphql.client';

/** One rendition's swarm as GraphQL `Video.swarms` lists it. */
export interface SwarmInfo {
  videoId: string;
  rendition: string;
  infoHash: string;
  magnetUri: string;
  torrentUrl: string;
  bytes: number;
  /** The swarm's tracker shard (WebSocket, then HTTP announce URL): what the seeder announces to. */
  trackerUrls: string[];
}

/** One RTCIceServer as the api hands it out (TURN with a credential of this seeder's own). */
export interface IceServerInfo {
  urls: string[];
  username: string | null;
  credential: string | null;
}

/** The signed-in account, as `me` gives it. */
export interface AccountInfo {
  id: string;
  displayName: string;
}

/** What `registerSeeder` takes (see apps/api/schema.gql RegisterSeederInput). */
export interface RegisterSeederInput {
  publicKey: string;
  name?: string;
  /** ISO 8601. */
  signedAt: string;
  signature: string;
}

export interface RegisteredSeeder {
  id: string;
  name: string;
  publicKey: string;
  createdAt: string;
  lastSeenAt: string;
}

export interface ApiUserError {
  field: string[];
  code: string;
  message: string;
}

export { GraphqlError } from './graphql.client';

type Fetch = typeof fetch;

const SWARM_FIELDS = 'swarms { rendition infoHash magnetUri torrentUrl bytes trackerUrls }';
const PAGE_SIZE = 20;
const TIMEOUT_MS = 20_000;

/** The seeder's view of the api: GraphQL for the swarm list, plain GET for the .torrent files. */
export class SeederApiClient {
  constructor(
    readonly apiUrl: string,
    private readonly token?: string,
    private readonly fetchImpl: Fetch = fetch,
  ) {}

  /** Swarms of the chosen videos, in the selection's order (newest first for all/popular). */
  async swarmsOf(selection: VideoSelection): Promise<SwarmInfo[]> {
    if (selection.kind === 'ids') {
      const out: SwarmInfo[] = [];
      for (const id of selection.ids) {
        const r = await this.gql<{ video: { id: string; swarms: Omit<SwarmInfo, 'videoId'>[] | null } | null }>(
          `query($id: ID!) { video(id: $id) { id ${SWARM_FIELDS} } }`,
          { id },
        );
        if (!r.video) throw new Error(`video ${id} was not found (or is not visible with this token)`);
        out.push(...(r.video.swarms ?? []).map((s) => ({ ...s, videoId: r.video!.id })));
      }
      return out;
    }
    const limit = selection.kind === 'popular' ? selection.count : Infinity;
    const out: SwarmInfo[] = [];
    let after: string | null = null;
    let seen = 0;
    while (seen < limit) {
      const first = Math.min(PAGE_SIZE, limit - seen);
      const r: {
        videos: {
          edges: { node: { id: string; swarms: Omit<SwarmInfo, 'videoId'>[] | null } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await this.gql(
        `query($first: Int!, $after: String) { videos(first: $first, after: $after) { edges { node { id ${SWARM_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
        { first, after },
      );
      for (const { node } of r.videos.edges) out.push(...(node.swarms ?? []).map((s) => ({ ...s, videoId: node.id })));
      seen += r.videos.edges.length;
      if (!r.videos.pageInfo.hasNextPage || !r.videos.pageInfo.endCursor || r.videos.edges.length === 0) break;
      after = r.videos.pageInfo.endCursor;
    }
    return out;
  }

  /** The .torrent file's bytes. */
  async torrentFile(url: string): Promise<Buffer> {
    const res = await this.fetchImpl(url, { headers: this.headers(), signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  /**
   * The origin's Ed25519 public key (raw, 32 bytes) from GET <api>/.well-known/wetube-origin.json: the
   * key that signs playback-session certificates, so the one receipts are checked against.
   */
  async originPublicKey(): Promise<Uint8Array> {
    const url = `${this.apiUrl}/.well-known/wetube-origin.json`;
    let res: Response;
    try {
      res = await this.fetchImpl(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      throw new Error(`cannot reach ${url}: ${(err as Error).message}`);
    }
    if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
    let doc: { publicKey?: unknown; algorithm?: unknown };
    try {
      doc = (await res.json()) as typeof doc;
    } catch {
      throw new Error(`GET ${url}: not JSON`);
    }
    const key =
      typeof doc.publicKey === 'string' && /^[A-Za-z0-9_-]{43}$/.test(doc.publicKey) ? Buffer.from(doc.publicKey, 'base64url') : null;
    if (doc.algorithm !== 'Ed25519' || !key || key.length !== 32) throw new Error(`GET ${url}: no Ed25519 publicKey (base64url, 32 bytes)`);
    return new Uint8Array(key);
  }

  /** The platform's STUN/TURN servers for this node's WebRTC wires, and when its TURN credential expires. */
  async iceServers(): Promise<{ iceServers: IceServerInfo[]; expiresAt: Date }> {
    const r = await this.gql<{ peerIceServers: { iceServers: IceServerInfo[]; expiresAt: string } }>(
      'query { peerIceServers { expiresAt iceServers { urls username credential } } }',
      {},
    );
    return { iceServers: r.peerIceServers.iceServers, expiresAt: new Date(r.peerIceServers.expiresAt) };
  }

  /** The account the token signs in as; null without a token, or when the api does not accept it (expired, forged). */
  async me(): Promise<AccountInfo | null> {
    return (await this.gql<{ me: AccountInfo | null }>('query { me { id displayName } }', {})).me;
  }

  /** Registers the seeder's key with the token's account (the api checks the signature). */
  async registerSeeder(input: RegisterSeederInput): Promise<{ seeder: RegisteredSeeder | null; userErrors: ApiUserError[] }> {
    const r = await this.gql<{ registerSeeder: { seeder: RegisteredSeeder | null; userErrors: ApiUserError[] } }>(
      `mutation($input: RegisterSeederInput!) { registerSeeder(input: $input) {
        seeder { id name publicKey createdAt lastSeenAt } userErrors { field code message } } }`,
      { input },
    );
    return r.registerSeeder;
  }

  private headers(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  private async gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const r = await postGraphql<T>(this.apiUrl, query, variables, {
      headers: this.headers(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      fetchImpl: this.fetchImpl,
    });
    if (!r.data) throw new Error(`POST ${r.url}: HTTP ${r.status} without data`);
    return r.data;
  }
}
