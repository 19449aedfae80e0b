import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { configSchema, RawConfig } from './config.schema';

export class ConfigError extends Error {}

/** The platform's validated configuration. Built once at start from the environment. */
export class AppConfig {
  readonly env: RawConfig['NODE_ENV'];
  readonly port: number;
  readonly host: string;
  readonly publicApiUrl: string;
  readonly webOrigins: string[];
  readonly dataDir: string;
  readonly storageDir: string;
  readonly database: { type: 'postgres'; url: string } | { type: 'sqlite'; path: string };
  readonly redisUrl?: string;
  readonly queuePrefix: string;
  readonly jwtSecret: string;
  readonly jwtTtlSec: number;
  readonly maxUploadBytes: number;
  readonly maxDurationSec: number;
  readonly maxSourceHeight: number;
  readonly transcodePreset?: string;
  /** AUDIO_LOUDNORM: when audio items are loudness-normalized by default. */
  readonly audioLoudnorm: 'podcasts' | 'always' | 'never';
  /** AUDIO_LOUDNESS_TARGET, LUFS. */
  readonly audioLoudnessTarget: number;
  readonly transcodeRungs?: number[];
  readonly transcodeConcurrency: number;
  readonly transcodeAttempts: number;
  readonly transcodeInProcess: boolean;
  readonly hlsCacheBytes: number;
  /** Announces per (client IP, peer id): TRACKER_ANNOUNCE_BURST, TRACKER_ANNOUNCES_PER_SECOND. */
  readonly trackerRateLimit: { burst: number; perSecond: number };
  /** Announces per client IP whatever the peer id: TRACKER_ANNOUNCE_IP_BURST (default 10 × the burst) in the same window. */
  readonly trackerIpRateLimit: { burst: number; perSecond: number };
  /** The tracker process: where it listens, whether it believes X-Forwarded-For. */
  readonly trackerProcess: { port: number; host: string; trustProxy: boolean };
  /** Express `trust proxy` of the api (TRUST_PROXY). */
  readonly trustProxy: string;
  /** Tracker shards (TRACKER_URLS); empty: the api's embedded tracker only. */
  readonly trackerUrls: string[];
  /** Whether the api runs the embedded tracker (TRACKER_EMBEDDED; default: no TRACKER_URLS). */
  readonly trackerEmbedded: boolean;
  /** ICE servers handed to peers: STUN URLs, TURN URLs with per-session credentials from the shared secret. */
  readonly ice: { stunUrls: string[]; turnUrls: string[]; turnSecret: string | null; turnTtlSec: number };
  /** The origin access log file, or null when it is off. */
  readonly originAccessLog: string | null;
  readonly graphqlMaxDepth: number;
  /** Lower-cased emails that register as admins (ADMIN_EMAILS). */
  readonly adminEmails: Set<string>;
  readonly payments: {
    pricePerSegment: bigint;
    earningsHoldSec: number;
    planSharePeriodSec: number;
    creatorPlanSharePercent: number;
    faucet: boolean;
    bandwidthPoolSeed: bigint;
    sessionIdleSec: number;
    redeemGraceSec: number;
    pairDecaySegments: number;
    /** Per client IP limit on `playbackSession` (PLAYBACK_SESSIONS_BURST, PLAYBACK_SESSIONS_PER_MINUTE / 60 per second). */
    sessionsBurst: number;
    sessionsPerSecond: number;
  };
  readonly ads: {
    /** Creatives are approved when created (ADS_AUTO_APPROVE; default: SQLite and not production). */
    autoApprove: boolean;
    /** Lowest CPM bid accepted, minor units (ADS_FLOOR_CPM). */
    floorCpm: bigint;
    /** HMAC-SHA256 key of beacon URLs (AD_BEACON_SECRET, else derived from the JWT secret). */
    beaconSecret: Buffer;
    /** Impression price shares in percent (creator, bandwidth pool; the platform gets the rest). */
    creatorSharePercent: number;
    bandwidthSharePercent: number;
    /** Lower-cased name of the country header (AD_COUNTRY_HEADER). */
    countryHeader: string;
    /** Seconds a served ad stays reserved (and its beacons valid). */
    reservationTtlSec: number;
    /** Per client IP limit on asset-list / VAST requests (AD_REQUESTS_BURST, AD_REQUESTS_PER_SECOND). */
    requestsBurst: number;
    requestsPerSecond: number;
  };
  readonly graphqlMaxComplexity: number;
  /** Sign-in throttling (per account and per client IP) and registrations per client IP. */
  readonly login: {
    freeFailures: number;
    lockAfterFailures: number;
    delayBaseSec: number;
    lockSec: number;
    failureWindowSec: number;
    ipFailures: number;
    ipWindowSec: number;
    registerBurst: number;
    registerPerSecond: number;
  };
  /** Admin mint ceilings, minor units (MINT_MAX_PER_CALL, MINT_MAX_PER_DAY per UTC day). */
  readonly mintLimits: { perCall: bigint; perDay: bigint };
  /** SEED_SAMPLE: the api loads a sample video into an empty platform at start (apps/api SampleVideoLoader). */
  readonly loadSampleVideo: boolean;
  readonly logLevel: string;
  readonly logFormat: 'json' | 'pretty';

  constructor(raw: RawConfig) {
    this.env = raw.NODE_ENV;
    this.port = raw.PORT;
    this.host = raw.HOST;
    this.publicApiUrl = raw.PUBLIC_API_URL.replace(/\/$/, '');
    this.webOrigins = raw.WEB_ORIGIN.split(',').map((o) => o.trim().replace(/\/$/, ''));
    this.dataDir = resolve(raw.DATA_DIR);
    this.storageDir = resolve(raw.STORAGE_DIR ?? join(this.dataDir, 'storage'));
    this.database = raw.DATABASE_URL
      ? { type: 'postgres', url: raw.DATABASE_URL }
      : { type: 'sqlite', path: resolve(raw.SQLITE_PATH ?? join(this.dataDir, 'wetube.sqlite')) };
    this.redisUrl = raw.REDIS_URL;
    this.queuePrefix = raw.QUEUE_PREFIX;
    this.jwtSecret = raw.JWT_SECRET ?? this.devSecret();
    this.jwtTtlSec = raw.JWT_TTL_SEC;
    this.maxUploadBytes = raw.MAX_UPLOAD_BYTES;
    this.maxDurationSec = raw.MAX_DURATION_SEC;
    this.maxSourceHeight = raw.MAX_SOURCE_HEIGHT;
    this.transcodePreset = raw.TRANSCODE_PRESET;
    this.audioLoudnorm = raw.AUDIO_LOUDNORM;
    this.audioLoudnessTarget = raw.AUDIO_LOUDNESS_TARGET;
    this.transcodeRungs = raw.TRANSCODE_RUNGS?.split(',').map(Number);
    this.transcodeConcurrency = raw.TRANSCODE_CONCURRENCY;
    this.transcodeAttempts = raw.TRANSCODE_ATTEMPTS;
    this.transcodeInProcess = raw.TRANSCODE_IN_PROCESS ?? !raw.REDIS_URL;
    this.hlsCacheBytes = Math.floor(raw.HLS_ORIGIN_CACHE_MB * 1024 * 1024);
    this.trackerRateLimit = { burst: raw.TRACKER_ANNOUNCE_BURST, perSecond: raw.TRACKER_ANNOUNCES_PER_SECOND };
    const ipBurst = raw.TRACKER_ANNOUNCE_IP_BURST ?? raw.TRACKER_ANNOUNCE_BURST * 10;
    if (ipBurst < raw.TRACKER_ANNOUNCE_BURST) {
      throw new ConfigError(
        `Invalid configuration:\n  TRACKER_ANNOUNCE_IP_BURST: must be at least TRACKER_ANNOUNCE_BURST (${raw.TRACKER_ANNOUNCE_BURST}), got ${ipBurst}`,
      );
    }
    this.trackerIpRateLimit = { burst: ipBurst, perSecond: (ipBurst * raw.TRACKER_ANNOUNCES_PER_SECOND) / raw.TRACKER_ANNOUNCE_BURST };
    this.trackerProcess = { port: raw.TRACKER_PORT, host: raw.TRACKER_HOST, trustProxy: raw.TRACKER_TRUST_PROXY };
    this.trustProxy = raw.TRUST_PROXY;
    this.trackerUrls = raw.TRACKER_URLS ? raw.TRACKER_URLS.split(',').map((u) => u.trim().replace(/\/+$/, '')) : [];
    if (new Set(this.trackerUrls).size !== this.trackerUrls.length)
      throw new ConfigError('Invalid configuration:\n  TRACKER_URLS: names a tracker twice');
    this.trackerEmbedded = raw.TRACKER_EMBEDDED ?? this.trackerUrls.length === 0;
    const list = (v?: string) =>
      v
        ? v
            .split(',')
            .map((u) => u.trim())
            .filter(Boolean)
        : [];
    this.ice = {
      stunUrls: list(raw.STUN_URLS),
      turnUrls: list(raw.TURN_URLS),
      turnSecret: raw.TURN_SECRET ?? null,
      turnTtlSec: raw.TURN_TTL_SEC,
    };
    if (this.ice.turnUrls.length > 0 && !this.ice.turnSecret) {
      throw new ConfigError(
        'Invalid configuration:\n  TURN_SECRET: required when TURN_URLS is set (coturn use-auth-secret / static-auth-secret)',
      );
    }
    const accessLog = raw.ORIGIN_ACCESS_LOG ?? join(this.dataDir, 'logs', 'origin-access.log');
    this.originAccessLog = accessLog === 'off' ? null : resolve(accessLog);
    this.graphqlMaxDepth = raw.GRAPHQL_MAX_DEPTH;
    if (raw.NODE_ENV === 'production' && raw.DEV_FAUCET)
      throw new ConfigError('DEV_FAUCET: the development faucet cannot be switched on in production (NODE_ENV=production)');
    this.adminEmails = new Set(
      raw.ADMIN_EMAILS.split(',')
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    );
    this.payments = {
      pricePerSegment: BigInt(raw.PEER_PRICE_PER_SEGMENT),
      earningsHoldSec: raw.PEER_EARNINGS_HOLD_SEC,
      planSharePeriodSec: raw.PLAN_SHARE_PERIOD_SEC,
      creatorPlanSharePercent: raw.CREATOR_PLAN_SHARE_PERCENT,
      faucet: raw.NODE_ENV !== 'production' && (raw.DEV_FAUCET ?? true),
      bandwidthPoolSeed: raw.NODE_ENV === 'production' ? 0n : BigInt(raw.BANDWIDTH_POOL_SEED),
      sessionIdleSec: raw.SESSION_IDLE_SEC,
      redeemGraceSec: raw.REDEEM_GRACE_SEC,
      pairDecaySegments: raw.PAIR_DECAY_SEGMENTS,
      sessionsBurst: raw.PLAYBACK_SESSIONS_BURST,
      sessionsPerSecond: raw.PLAYBACK_SESSIONS_PER_MINUTE / 60,
    };
    this.ads = {
      autoApprove: raw.ADS_AUTO_APPROVE ?? (raw.NODE_ENV !== 'production' && !raw.DATABASE_URL),
      floorCpm: BigInt(raw.ADS_FLOOR_CPM),
      beaconSecret: raw.AD_BEACON_SECRET
        ? Buffer.from(raw.AD_BEACON_SECRET, 'utf8')
        : createHmac('sha256', this.jwtSecret).update('wetube:ad-beacons:v1').digest(),
      creatorSharePercent: raw.AD_SHARE_CREATOR_PERCENT,
      bandwidthSharePercent: raw.AD_SHARE_BANDWIDTH_PERCENT,
      countryHeader: raw.AD_COUNTRY_HEADER.toLowerCase(),
      reservationTtlSec: raw.AD_RESERVATION_TTL_SEC,
      requestsBurst: raw.AD_REQUESTS_BURST,
      requestsPerSecond: raw.AD_REQUESTS_PER_SECOND,
    };
    if (raw.AD_SHARE_CREATOR_PERCENT + raw.AD_SHARE_BANDWIDTH_PERCENT > 100) {
      throw new ConfigError('Invalid configuration:\n  AD_SHARE_CREATOR_PERCENT + AD_SHARE_BANDWIDTH_PERCENT: must not exceed 100');
    }
    this.graphqlMaxComplexity = raw.GRAPHQL_MAX_COMPLEXITY;
    if (raw.LOGIN_LOCK_AFTER_FAILURES <= raw.LOGIN_FREE_FAILURES) {
      throw new ConfigError(
        `Invalid configuration:\n  LOGIN_LOCK_AFTER_FAILURES: must be more than LOGIN_FREE_FAILURES (${raw.LOGIN_FREE_FAILURES}), got ${raw.LOGIN_LOCK_AFTER_FAILURES}`,
      );
    }
    // A window of BURST per BURST / rate (rateWindow); memory stores expire keys by timer, so keep it under 14 days.
    if ((raw.REGISTER_IP_BURST * 3600) / raw.REGISTER_IP_PER_HOUR > 14 * 24 * 3600) {
      throw new ConfigError(
        'Invalid configuration:\n  REGISTER_IP_PER_HOUR: too low for REGISTER_IP_BURST (their window, BURST / rate, must stay within 14 days)',
      );
    }
    this.login = {
      freeFailures: raw.LOGIN_FREE_FAILURES,
      lockAfterFailures: raw.LOGIN_LOCK_AFTER_FAILURES,
      delayBaseSec: raw.LOGIN_DELAY_BASE_SEC,
      lockSec: raw.LOGIN_LOCK_SEC,
      failureWindowSec: raw.LOGIN_FAILURE_WINDOW_SEC,
      ipFailures: raw.LOGIN_IP_FAILURES,
      ipWindowSec: raw.LOGIN_IP_WINDOW_SEC,
      registerBurst: raw.REGISTER_IP_BURST,
      registerPerSecond: raw.REGISTER_IP_PER_HOUR / 3600,
    };
    this.mintLimits = { perCall: BigInt(raw.MINT_MAX_PER_CALL), perDay: BigInt(raw.MINT_MAX_PER_DAY) };
    this.loadSampleVideo = raw.SEED_SAMPLE;
    this.logLevel = raw.LOG_LEVEL;
    this.logFormat = raw.LOG_FORMAT ?? (raw.NODE_ENV === 'production' ? 'json' : 'pretty');
  }

  get isProduction(): boolean {
    return this.env === 'production';
  }

  /** Reads and validates the environment; throws a ConfigError naming every bad variable. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
    const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
    const parsed = configSchema.safeParse(present);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
      throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
    }
    if (parsed.data.NODE_ENV === 'production' && !parsed.data.JWT_SECRET) {
      throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required in production');
    }
    return new AppConfig(parsed.data);
  }

  /** Development only: a random secret kept in the data folder so sessions survive restarts. */
  private devSecret(): string {
    const file = join(this.dataDir, 'jwt-secret');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(this.dataDir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

/**
 * For a process's main(): the validated configuration, or the ConfigError's message on stderr and
 * exit code 78 (EX_CONFIG), naming every bad variable.
 */
export function configFromEnvOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return AppConfig.fromEnv(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(78);
  }
}
