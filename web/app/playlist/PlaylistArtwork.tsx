'use client';

import { PictureField } from '@/components/PictureField';
import { COVER_MAX_BYTES, removePicture, sendPicture } from '@/lib/pictures';

/**
 * An album's or show's artwork at the head of its page: the uploaded one, else its first item's
 * picture. The owner uploads or removes it here (a show's is what podcast apps show, so it must be
 * at least 1400×1400); a plain playlist has none of its own.
 */
export function PlaylistArtwork({
  list,
  owner,
  onChanged,
}: {
  list: { id: string; kind: string; title: string; thumbnailUrl?: string | null; coverUploaded: boolean };
  owner: boolean;
  onChanged: () => void;
}) {
  if (list.kind === 'PLAYLIST') return null;
  const show = list.kind === 'SHOW';
  if (!owner) {
    return list.thumbnailUrl ? (
      <div className="picture-preview picture-preview--square pl-page__art">
        {/* eslint-disable-next-line @next/next/no-img-element -- the API's image */}
        <img src={list.thumbnailUrl} alt={`Artwork of ${list.title}`} data-testid="playlist-artwork" />
      </div>
    ) : null;
  }
  const path = `/api/playlists/${list.id}/cover`;
  return (
    <div className="pl-page__art">
      <PictureField
        testId="playlist-artwork"
        label={show ? 'Show artwork' : 'Album artwork'}
        hint={
          show
            ? 'Square, at least 1400×1400 (what podcast apps ask for). Without it, the first episode’s cover is used.'
            : 'Square, at least 500×500. Without it, the first track’s cover is used.'
        }
        currentUrl={list.thumbnailUrl ?? null}
        previewClassName="picture-preview picture-preview--square"
        maxBytes={COVER_MAX_BYTES}
        upload={async (file, onProgress) => {
          await sendPicture(path, file, onProgress);
          onChanged();
        }}
        onRemove={
          list.coverUploaded
            ? async () => {
                await removePicture(path);
                onChanged();
              }
            : undefined
        }
        removeLabel={show ? 'Use the first episode’s cover' : 'Use the first track’s cover'}
      />
    </div>
  );
}
