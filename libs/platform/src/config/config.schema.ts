import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const bytes = z
  .string()
  .regex(/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?$/i, 'must be a size such as 2GB or 500MiB')
  .transform(parseBytes);

/** Every environment variable the platform reads, validated at start. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_API_URL: z.string().url().default('http://localhost:4000'),
  WEB_ORIGIN: z.string().default('http://localhost:3000'),
  DATA_DIR: z.string().default('./data'),
  STORAGE_DIR: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SQLITE_PATH: z.string().optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SEC: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24 * 3600),
  MAX_UPLOAD_BYTES: bytes.default('4GB'),
  MAX_DURATION_SEC: z.coerce
    .number()
    .positive()
    .default(4 * 3600),
  MAX_SOURCE_HEIGHT: z.coerce.number().int().positive().default(4320),
  TRANSCODE_PRESET: z.enum(['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow']).optional(),
  /** Audio items: normalize loudness (two-pass EBU R128 loudnorm) for podcasts only (default), always, or never; an upload's `normalize` flag overrides it. */
  AUDIO_LOUDNORM: z.enum(['podcasts', 'always', 'never']).default('podcasts'),
  /** Integrated loudness (LUFS) normalized audio is brought to; -16 is the podcast norm. */
  AUDIO_LOUDNESS_TARGET: z.coerce.number().min(-40).max(-5).default(-16),
  TRANSCODE_RUNGS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be a comma list of heights such as 1080,720,480,360')
    .optional(),
  /** Key prefix of the BullMQ queues in Redis (lets several installs or test runs share one Redis). */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i)
    .default('wetube'),
  TRANSCODE_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  TRANSCODE_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** Run the transcode worker inside the api process (default when REDIS_URL is unset). */
  TRANSCODE_IN_PROCESS: bool.optional(),
  /** A Kubo daemon's RPC API: outputs are also added and pinned there (same CIDs). */
  KUBO_API_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL such as http://127.0.0.1:5001')
    .optional(),
  /** The origin's ed25519 private key (PEM); generated into DATA_DIR when unset. */
  ORIGIN_SIGNING_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key' }).optional(),
  /** Memory for the HLS origin's cache of segment files, in MB (0 streams every file from disk). */
  HLS_ORIGIN_CACHE_MB: z.coerce.number().min(0).max(65536).default(256),
  /** The HLS origin's access log (JSON Lines): a file path, or `off`; default <DATA_DIR>/logs/origin-access.log. */
  ORIGIN_ACCESS_LOG: z.string().min(1).optional(),
  /**
   * The tracker's announce limit per (client IP, peer id) (RateLimiterFactory; WebRTC offers and answers count too). A viewer
   * announces once per rendition when it starts, so many viewers behind one NAT need a bigger burst.
   */
  TRACKER_ANNOUNCE_BURST: z.coerce.number().int().min(1).default(30),
  TRACKER_ANNOUNCES_PER_SECOND: z.coerce.number().positive().default(3),
  /**
   * Tracker shards (comma list of WebSocket tracker URLs such as wss://t1.example/tracker): each
   * torrent's announce URL is the shard its infohash hashes to (rendezvous hashing), so the peers of
   * one swarm meet on one tracker whichever api served them. Unset: the api's embedded tracker.
   */
  TRACKER_URLS: z
    .string()
    .regex(/^wss?:\/\/[^\s,?#]+(,wss?:\/\/[^\s,?#]+)*$/, 'must be a comma list of ws:// or wss:// tracker URLs (no query or fragment)')
    .optional(),
  /** Run the embedded tracker inside the api (default: on when TRACKER_URLS is unset). */
  TRACKER_EMBEDDED: bool.optional(),
  /** Announces a client IP may make whatever its peer ids (viewers behind one NAT share it), per the same window as TRACKER_ANNOUNCE_BURST. */
  TRACKER_ANNOUNCE_IP_BURST: z.coerce.number().int().min(1).optional(),
  /** The tracker process (`npm run start:tracker`): its own port and address. */
  TRACKER_PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  TRACKER_HOST: z.string().default('0.0.0.0'),
  /** The tracker process takes the client IP from X-Forwarded-For (only behind a proxy you run that sets it). */
  TRACKER_TRUST_PROXY: bool.default('false'),
  /** Express `trust proxy` of the api: which proxies' X-Forwarded-For is believed (loopback, uniquelocal, CIDRs, comma list). */
  TRUST_PROXY: z
    .string()
    .regex(/^[A-Za-z0-9.:/,_ -]+$/, 'must be loopback, uniquelocal, linklocal or a comma list of addresses/CIDRs')
    .default('loopback'),
  /** `on`: `npm start` runs the platform's own coturn (STUN + TURN) and sets STUN_URLS / TURN_URLS / TURN_SECRET for it. */
  TURN: z.enum(['on', 'off']).default('off'),
  TURN_PORT: z.coerce.number().int().min(1).max(65535).default(3478),
  /** STUN servers handed to every peer (comma list of stun:/stuns: URLs). Never a public one unless you name it. */
  STUN_URLS: z
    .string()
    .regex(/^stuns?:[^\s,]+(,stuns?:[^\s,]+)*$/, 'must be a comma list of stun: URLs such as stun:turn.example.com:3478')
    .optional(),
  /** TURN relays (comma list of turn:/turns: URLs); each session gets its own short-lived credentials (TURN_SECRET). */
  TURN_URLS: z
    .string()
    .regex(/^turns?:[^\s,]+(,turns?:[^\s,]+)*$/, 'must be a comma list of turn: URLs such as turn:turn.example.com:3478?transport=udp')
    .optional(),
  /** coturn's static-auth-secret (use-auth-secret): TURN credentials are HMAC-SHA1(secret, "expiry:sessionId"). */
  TURN_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Longest lifetime of a TURN credential; a session's credential expires with the session, at most this long after it is made. */
  TURN_TTL_SEC: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(12 * 3600),
  /** Accounts registered with these emails (comma list) are admins (they may mint, approve, …). */
  ADMIN_EMAILS: z.string().default(''),
  /** Cloudcoin paid to a peer per segment a viewer signed for, in minor units (1 CLC = 1,000,000). */
  PEER_PRICE_PER_SEGMENT: z
    .string()
    .regex(/^[1-9][0-9]{0,12}$/, 'must be a positive whole number of minor units')
    .default('1000'),
  /** Peer earnings stay pending this long (fraud review window) before they are spendable. */
  PEER_EARNINGS_HOLD_SEC: z.coerce
    .number()
    .int()
    .min(0)
    .default(3 * 24 * 3600),
  /** Length of an ad-free plan revenue period: at its end plan revenue is shared with creators. */
  PLAN_SHARE_PERIOD_SEC: z.coerce
    .number()
    .int()
    .min(60)
    .default(24 * 3600),
  /** Creators' share of ad-free plan revenue, in percent (the rest is the platform's). */
  CREATOR_PLAN_SHARE_PERCENT: z.coerce.number().int().min(0).max(100).default(70),
  /** A development faucet that gives signed-in users test coins; refused when NODE_ENV=production. */
  DEV_FAUCET: bool.optional(),
  /** Minted into the bandwidth pool at first start when it is empty (development only; 0 = none). */
  BANDWIDTH_POOL_SEED: z
    .string()
    .regex(/^[0-9]{1,15}$/, 'must be a whole number of minor units')
    .default('1000000000'),
  /** A playback session with no heartbeat for this long is over; its hold is released REDEEM_GRACE_SEC later. */
  SESSION_IDLE_SEC: z.coerce.number().int().min(10).default(300),
  REDEEM_GRACE_SEC: z.coerce.number().int().min(0).default(120),
  /** Rewards for one viewer-peer pair halve every this many segments paid within 24 hours. */
  PAIR_DECAY_SEGMENTS: z.coerce.number().int().min(1).default(600),
  /** Creatives are approved at creation (no admin review). Default: on for the embedded default (SQLite, NODE_ENV != production), off otherwise. */
  ADS_AUTO_APPROVE: bool.optional(),
  /** The platform's floor CPM in minor units (1,000,000 = 1 CLC per 1,000 impressions); bids below it are refused. A whole multiple of 1,000. */
  ADS_FLOOR_CPM: z
    .string()
    .regex(/^[1-9][0-9]{0,14}000$/, 'must be a positive whole number of minor units, a multiple of 1000')
    .default('1000000'),
  /** HMAC key of the ad server's beacon URLs (≥ 32 chars); default: derived from JWT_SECRET. */
  AD_BEACON_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Shares of each impression's price: the video's creator, the bandwidth pool; the rest is the platform's. */
  AD_SHARE_CREATOR_PERCENT: z.coerce.number().int().min(0).max(100).default(55),
  AD_SHARE_BANDWIDTH_PERCENT: z.coerce.number().int().min(0).max(100).default(15),
  /** The request header that carries the viewer's ISO country code (set by the deployment's edge). */
  AD_COUNTRY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name')
    .default('X-Country'),
  /** A served ad's reservation (and its beacons) expire this long after the decision. */
  AD_RESERVATION_TTL_SEC: z.coerce.number().int().min(10).max(86400).default(900),
  /** Per client IP limit on the ad server's decision endpoints (asset list, VAST): burst and long-run rate per second. */
  /** Playback sessions a client IP may start at once, and the long-run rate PLAYBACK_SESSIONS_PER_MINUTE. */
  PLAYBACK_SESSIONS_BURST: z.coerce.number().int().min(1).max(1000000).default(30),
  PLAYBACK_SESSIONS_PER_MINUTE: z.coerce.number().positive().max(1000000).default(20),
  AD_REQUESTS_BURST: z.coerce.number().int().min(1).max(100000).default(60),
  AD_REQUESTS_PER_SECOND: z.coerce.number().positive().max(100000).default(2),
  // --- Abuse limits: sign-in throttling, registration per IP, admin mint ceilings (security) ---
  /** Wrong passwords an account may have in a row before each further one adds a growing delay (1 s, 2 s, 4 s, …). */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /** Wrong passwords in a row that lock the account for LOGIN_LOCK_SEC (even the right password is refused meanwhile). */
  LOGIN_LOCK_AFTER_FAILURES: z.coerce.number().int().min(2).max(10000).default(10),
  /** The first delay after the free failures, in seconds; it doubles with each further failure (0: no delays, only the lock). */
  LOGIN_DELAY_BASE_SEC: z.coerce.number().int().min(0).max(3600).default(1),
  LOGIN_LOCK_SEC: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .default(15 * 60),
  /** A run of wrong passwords is forgotten this long after its first one (a sign-in ends it sooner). */
  LOGIN_FAILURE_WINDOW_SEC: z.coerce
    .number()
    .int()
    .min(60)
    .max(14 * 24 * 3600)
    .default(24 * 3600),
  /** Wrong passwords one client IP may send (any accounts) per LOGIN_IP_WINDOW_SEC before its sign-ins are refused. */
  LOGIN_IP_FAILURES: z.coerce.number().int().min(1).max(10000000).default(100),
  LOGIN_IP_WINDOW_SEC: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(15 * 60),
  /** Accounts one client IP may register at once, and the long-run rate per hour. */
  REGISTER_IP_BURST: z.coerce.number().int().min(1).max(10000000).default(20),
  REGISTER_IP_PER_HOUR: z.coerce.number().positive().max(10000000).default(20),
  /** Largest admin `mint`, in minor units (1 CLC = 1,000,000). */
  MINT_MAX_PER_CALL: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'must be a positive whole number of minor units')
    .default('1000000000000'),
  /** Most the admin `mint` may create per UTC day, all admins together, in minor units. */
  MINT_MAX_PER_DAY: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'must be a positive whole number of minor units')
    .default('10000000000000'),
  // --- end of abuse limits ---
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).default(2000),
  SEED_SAMPLE: bool.default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
});

export type RawConfig = z.infer<typeof configSchema>;

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  k: 1e3,
  m: 1e6,
  g: 1e9,
  t: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

export function parseBytes(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  if (!m) throw new Error(`not a size: ${text}`);
  const unit = (m[2] || 'b').toLowerCase();
  const factor = UNITS[unit];
  if (factor === undefined) throw new Error(`unknown size unit: ${m[2]}`);
  return Math.round(Number(m[1]) * factor);
}
