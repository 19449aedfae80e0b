import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@wetube/identity';
import { canEdit } from '../videos/video.access';
import { MediaKind } from '../videos/audio-meta';
import { VideoStatus } from '../videos/video.enums';
import { VideoEntity } from '../videos/video.entity';
import { VideosService } from '../videos/videos.service';
import { CoverStore } from './cover-store';
import type { CoverKind } from './cover.specs';

/** Why a cover change was refused: the video is not there for this caller (404) or not theirs (403). */
export class VideoCoverRefused extends Error {
  constructor(
    readonly status: 403 | 404,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A video's uploaded thumbnail or an audio item's uploaded cover (`videos.cover_key`): it replaces
 * the picture the transcode made (poster.jpg: a frame, or the file's own or a generated cover)
 * wherever the item is shown, feeds included; removing it brings that one back.
 *
 * The shape follows the item's kind (16:9 for a video, square for audio). Before the transcode
 * has told the kind (the upload page sends the picture while the file is processed), the caller's
 * `shape` says which it is for.
 */
@Injectable()
export class VideoCoversService {
  constructor(
    private readonly videos: VideosService,
    private readonly store: CoverStore,
  ) {}

  /** Stores the picture as the video's cover; answers the updated video. Throws PictureError (bad picture) or VideoCoverRefused. */
  async set(user: AuthUser, videoId: string, input: Buffer, shape?: 'AUDIO' | 'VIDEO'): Promise<VideoEntity> {
    const video = await this.editable(user, videoId);
    const key = await this.store.save(video.id, coverKind(video, shape), input);
    const updated = await this.videos.setCover(video.id, key).catch(async (err) => {
      await this.store.remove(key);
      throw err;
    });
    await this.store.remove(video.coverKey);
    return updated;
  }

  /** Removes the uploaded cover (nothing to do when there is none); answers the updated video. */
  async clear(user: AuthUser, videoId: string): Promise<VideoEntity> {
    const video = await this.editable(user, videoId);
    if (!video.coverKey) return video;
    const updated = await this.videos.setCover(video.id, null);
    await this.store.remove(video.coverKey);
    return updated;
  }

  private async editable(user: AuthUser, videoId: string): Promise<VideoEntity> {
    const video = await this.videos.findById(videoId);
    if (!video) throw new VideoCoverRefused(404, `No video ${videoId}.`);
    if (!canEdit(video, user)) throw new VideoCoverRefused(403, 'Only the creator can change this cover.');
    return video;
  }
}

/** The picture's kind: the item's own once READY, else what the uploader said it is for (a video by default). */
function coverKind(video: VideoEntity, shape: 'AUDIO' | 'VIDEO' | undefined): CoverKind {
  if (video.status === VideoStatus.READY) return video.kind === MediaKind.AUDIO ? 'AUDIO' : 'VIDEO';
  return shape ?? (video.kind === MediaKind.AUDIO ? 'AUDIO' : 'VIDEO');
}
