'use client';

import { PictureField } from '@/components/PictureField';
import { COVER_MAX_BYTES, removePicture, sendPicture } from '@/lib/pictures';
import type { StudioVideo, StudioVideoPatch } from './studio-video';

interface CoverAnswer {
  posterUrl: string | null;
  coverUploaded: boolean;
}

/**
 * A READY item's picture, uploaded by its creator: an audio item's square cover (shown on the listen
 * page, in the mini-player, on the lock screen and in podcast apps) or a video's 16:9 thumbnail.
 * Saved on its own, at once; "Use the file's own" takes the upload away again.
 */
export function CoverField({ video, onChange }: { video: StudioVideo; onChange: (v: StudioVideoPatch) => void }) {
  const audio = video.kind === 'AUDIO';
  const path = `/api/videos/${video.id}/cover`;
  const apply = (a: CoverAnswer) => onChange({ id: video.id, posterUrl: a.posterUrl, coverUploaded: a.coverUploaded });
  return (
    <PictureField
      testId="cover"
      label={audio ? 'Cover' : 'Thumbnail'}
      hint={
        audio
          ? "A square picture, at least 500×500 (shown at 1400×1400). It replaces the file's own cover everywhere, podcast apps included."
          : 'A 16:9 picture, at least 640×360 (shown at 1280×720). It replaces the frame picked from the video.'
      }
      currentUrl={video.posterUrl ?? null}
      previewClassName={audio ? 'picture-preview picture-preview--square' : 'picture-preview picture-preview--wide'}
      maxBytes={COVER_MAX_BYTES}
      upload={async (file, onProgress) => apply(await sendPicture<CoverAnswer>(path, file, onProgress))}
      onRemove={video.coverUploaded ? async () => apply(await removePicture<CoverAnswer>(path)) : undefined}
      removeLabel={audio ? "Use the file's own cover" : 'Use a frame of the video'}
    />
  );
}
