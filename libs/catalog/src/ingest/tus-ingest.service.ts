import { basename, extname } from 'node:path';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { FileStore } from '@tus/file-store';
import { Server, Upload } from '@tus/server';
import { StorageRepository } from '@wetube/content';
import { AuthUser, Role, SessionTokenService, tokenFromRequest } from '@wetube/identity';
import { AppConfig, formatBytes } from '@wetube/platform';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InjectTranscodeQueue, TranscodeQueue } from '../videos/transcode-queue';
import { VideosService } from '../videos/videos.service';
import { parseUploadDetails } from './upload-metadata';

export const UPLOADS_PATH = '/api/uploads';

interface TusError {
  status_code: number;
  body: string;
}

/**
 * Resumable uploads (tus 1.0) into storage/uploads. Only creators upload; only the uploader may
 * continue an upload. When the last byte lands, the video is recorded and a transcode is queued,
 * and the response carries `Wetube-Video-Id`.
 */
@Injectable()
export class TusIngestService implements OnModuleInit {
  private readonly log = new Logger('Ingest');
  private server!: Server;
  private store!: FileStore;

  constructor(
    private readonly config: AppConfig,
    private readonly storage: StorageRepository,
    private readonly tokens: SessionTokenService,
    private readonly videos: VideosService,
    @InjectTranscodeQueue() private readonly queue: TranscodeQueue,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.storage.ensureLayout();
    this.store = new FileStore({ directory: this.storage.uploadsDir });
    this.server = new Server({
      path: UPLOADS_PATH,
      datastore: this.store,
      // No `maxSize` here: @tus/server checks it before onIncomingRequest, so an anonymous caller got
      // 413 instead of 401 and everyone got "Maximum size exceeded" without the limit. The limit is
      // checked in onCreate instead (every upload must declare its length there, so PATCH bodies are
      // capped at that declared length by @tus/server).
      respectForwardedHeaders: true,
      allowedOrigins: this.config.webOrigins,
      allowedCredentials: true,
      exposedHeaders: ['Wetube-Video-Id'],
      onIncomingRequest: async (req, uploadId) => this.checkCaller(req, uploadId),
      onUploadCreate: async (req, upload) => this.onCreate(req, upload),
      onUploadFinish: async (req, upload) => this.onFinish(req, upload),
    });
  }

  /** Node-style handler for the api's HTTP server. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return this.server.handle(req, res);
  }

  private caller(req: Request): AuthUser | null {
    const headers = Object.fromEntries(req.headers.entries());
    return this.tokens.verify(tokenFromRequest({ headers } as never));
  }

  private async checkCaller(req: Request, uploadId: string): Promise<void> {
    if (req.method === 'OPTIONS') return;
    const user = this.caller(req);
    if (!user) throw fail(401, 'Sign in to upload videos.');
    if (![Role.CREATOR, Role.ADVERTISER, Role.ADMIN].some((r) => user.roles.includes(r)))
      throw fail(403, 'This account cannot upload videos (creator or advertiser role needed).');
    if (req.method === 'POST' || !uploadId) return;
    const upload = await this.store.getUpload(uploadId).catch(() => null);
    if (upload && upload.metadata?.ownerId !== user.id) throw fail(403, 'This upload belongs to another account.');
  }

  private async onCreate(req: Request, upload: Upload): Promise<{ metadata: Upload['metadata'] }> {
    const user = this.caller(req)!;
    if (upload.size === undefined) throw fail(400, 'The upload must declare its size (Upload-Length).');
    if (upload.size > this.config.maxUploadBytes) {
      throw fail(413, `The file is ${formatBytes(upload.size)}; the limit is ${formatBytes(this.config.maxUploadBytes)}.`);
    }
    // Description, tags, visibility and category are checked before any byte is sent, with
    // updateVideo's messages; the body names the field so the upload form shows it there.
    const details = parseUploadDetails(upload.metadata);
    if (!details.ok) throw fail(400, details.error.message, { field: details.error.field.at(-1), code: details.error.code });
    const filename = basename(String(upload.metadata?.filename ?? 'video')).slice(0, 255);
    return { metadata: { ...upload.metadata, filename, ownerId: user.id } };
  }

  private async onFinish(_req: Request, upload: Upload): Promise<{ headers: Record<string, string> }> {
    const meta = upload.metadata ?? {};
    const filename = String(meta.filename ?? 'video');
    const title = String(meta.title ?? '').trim() || basename(filename, extname(filename)) || 'Untitled video';
    const details = parseUploadDetails(meta); // checked in onCreate already
    const video = await this.videos.createFromUpload({
      ownerId: String(meta.ownerId),
      uploadId: upload.id,
      title: title.slice(0, 200),
      ...(details.ok ? details.value : {}),
      sourceName: filename,
      sourceBytes: upload.offset,
    });
    await this.queue.add(video.id, { videoId: video.id });
    this.log.log(`upload ${upload.id} complete (${formatBytes(upload.offset)}): video ${video.id} queued`);
    return { headers: { 'Wetube-Video-Id': video.id } };
  }
}

function fail(status: number, message: string, extra: Record<string, unknown> = {}): TusError {
  return { status_code: status, body: JSON.stringify({ message, ...extra }) };
}
