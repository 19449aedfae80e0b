import { VideoStatus } from '../videos/video.enums';

/** The public URL of an uploaded cover by its key (served by CoversController). */
export function coverUrl(apiUrl: string, key: string): string {
  return `${apiUrl}/api/covers/${key}.jpg`;
}

/**
 * The picture shown for a video or audio item: the creator's uploaded thumbnail or cover, else the
 * one its transcode made (`poster.jpg`: a frame, or the file's own or a generated cover), else
 * null (not READY and nothing uploaded).
 */
export function posterUrlOf(apiUrl: string, v: { id: string; status: VideoStatus | string; coverKey?: string | null }): string | null {
  if (v.coverKey) return coverUrl(apiUrl, v.coverKey);
  return v.status === VideoStatus.READY ? `${apiUrl}/hls/${v.id}/poster.jpg` : null;
}
