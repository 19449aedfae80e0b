import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { OriginKeyRepository } from '@wetube/content';
import { AuthUser } from '@wetube/identity';
import { AppConfig, isUniqueViolation, UserError } from '@wetube/platform';
import {
  SESSION_CERT_DOMAIN,
  serializeSignedSessionCert,
  signSessionCert,
  TrackerShards,
  type Ed25519Signer,
  type IceServer,
} from '@wetube/swarm';
import { canView } from '../videos/video.access';
import { VideoStatus } from '../videos/video.enums';
import { VideosService } from '../videos/videos.service';
import { VideoTorrentsService } from '../videos/video-torrents.service';
import { IceServersService } from './ice-servers.service';
import { PlaybackListeners } from './playback-listeners';
import { PlaybackSessionHooks, type PlaybackSessionTerms } from './playback-session.hooks';

/** A session lasts the video's length three times over, and at least two hours. */
const MIN_SESSION_MS = 2 * 3600_000;

export interface PlaybackSession {
  sessionId: string;
  videoId: string;
  /** `b64url(cert).b64url(signature)`: what peers check receipts against. */
  certificate: string;
  expiresAt: Date;
  masterUrl: string;
  trackerUrls: string[];
  /** STUN/TURN for this session's WebRTC wires; TURN credentials expire with the session. */
  iceServers: IceServer[];
  adFree: boolean;
  /** Minor units held for the session's peers. */
  bandwidthBudget: bigint;
}

/**
 * Starts a playback session: certifies the viewer's ephemeral session key (made in the browser
 * with WebCrypto) for one video, signed with the origin key, so peers can trust the receipts the
 * viewer signs for the segments they serve. The api keeps no state for it: the certificate is the
 * session. The payments lib (through PlaybackSessionHooks) records it and holds its bandwidth budget.
 */
@Injectable()
export class PlaybackSessionService {
  private readonly trackers: TrackerShards;

  constructor(
    private readonly config: AppConfig,
    private readonly videos: VideosService,
    private readonly originKey: OriginKeyRepository,
    private readonly ice: IceServersService,
    private readonly torrents: VideoTorrentsService,
    @Optional() private readonly hooks?: PlaybackSessionHooks,
    /** Other libs told of the start after payments (libs/support holds a listener's support). */
    @Optional() private readonly listeners?: PlaybackListeners,
  ) {
    this.trackers = new TrackerShards(config.trackerUrls, config.publicApiUrl);
  }

  async start(
    videoId: string,
    sessionPublicKey: string,
    viewer: AuthUser | null,
    viewerIp: string | null = null,
  ): Promise<{ ok: true; session: PlaybackSession } | { ok: false; error: UserError }> {
    const video = await this.videos.findById(videoId);
    if (!video || !canView(video, viewer)) return { ok: false, error: UserError.of('videoId', 'No such video.', 'NOT_FOUND') };
    if (video.status !== VideoStatus.READY)
      return { ok: false, error: UserError.of('videoId', 'This video is not ready to play yet.', 'NOT_READY') };
    const key = decodeKey(sessionPublicKey);
    if (!key) {
      return {
        ok: false,
        error: UserError.of(
          'sessionPublicKey',
          'The session key must be a raw 32-byte Ed25519 public key in base64url.',
          'INVALID_SESSION_KEY',
        ),
      };
    }
    const sessionId = randomUUID();
    const expiresAt = Date.now() + Math.max(MIN_SESSION_MS, 3 * (video.durationMs ?? 0));
    const signer: Ed25519Signer = { publicKey: this.originKey.publicKeyRaw(), sign: async (msg) => this.originKey.sign(msg) };
    const signed = await signSessionCert(
      { domain: SESSION_CERT_DOMAIN, sessionId, videoId: video.id, sessionPublicKey: key, viewerId: viewer?.id ?? '', expiresAt },
      signer,
    );
    let terms: PlaybackSessionTerms = { adFree: false, bandwidthBudget: 0n };
    const started = {
      sessionId,
      videoId: video.id,
      creatorId: video.ownerId,
      viewerId: viewer?.id ?? null,
      viewerIp,
      sessionPublicKey,
      expiresAt: new Date(expiresAt),
      durationMs: video.durationMs,
    };
    try {
      if (this.hooks) terms = await this.hooks.sessionStarted(started);
    } catch (err) {
      // A session key names one session (receipts are matched to it): refused before anything is held.
      if (!isUniqueViolation(err)) throw err;
      return {
        ok: false,
        error: UserError.of(
          'sessionPublicKey',
          'This session key is already in use by another playback session; make a new key for each session.',
          'SESSION_KEY_IN_USE',
        ),
      };
    }
    // The session is recorded (payments): the other listeners may attach to it now (failures are theirs).
    await this.listeners?.sessionStarted(started);
    const api = this.config.publicApiUrl;
    return {
      ok: true,
      session: {
        sessionId,
        videoId: video.id,
        certificate: serializeSignedSessionCert(signed),
        expiresAt: new Date(expiresAt),
        masterUrl: `${api}/hls/${video.id}/master.m3u8`,
        trackerUrls: await this.trackerUrlsOf(video.id),
        iceServers: this.ice.forSession(sessionId, new Date(expiresAt)),
        ...terms,
      },
    };
  }

  /**
   * The trackers of this video's swarms: the api's embedded tracker, or (sharded) the shards its
   * renditions hash to, WebSocket URLs first. Each swarm's own are on `Video.swarms[].trackerUrls`.
   */
  private async trackerUrlsOf(videoId: string): Promise<string[]> {
    if (!this.trackers.sharded) return this.trackers.allAnnounceUrls();
    const rows = (await this.torrents.ofVideos([videoId])).get(videoId) ?? [];
    if (rows.length === 0) return this.trackers.allAnnounceUrls();
    const urls = [...new Set(rows.flatMap((t) => this.trackers.announceUrls(t.infoHash)))];
    return [...urls.filter((u) => /^wss?:/.test(u)), ...urls.filter((u) => !/^wss?:/.test(u))];
  }
}

function decodeKey(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text ?? '')) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.length === 32 ? new Uint8Array(bytes) : null;
}
