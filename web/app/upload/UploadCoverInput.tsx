'use client';

import { useEffect, useId, useMemo } from 'react';

/**
 * The upload form's optional picture: an audio file's cover or a video's thumbnail. Only chosen
 * here; the page sends it once the file is uploaded (the API checks it then, as in the studio).
 */
export function UploadCoverInput({
  audio,
  cover,
  onCover,
  busy,
}: {
  audio: boolean;
  cover: File | null;
  onCover: (file: File | null) => void;
  busy: boolean;
}) {
  const id = useId();
  const preview = useMemo(() => (cover ? URL.createObjectURL(cover) : null), [cover]);
  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview);
    },
    [preview],
  );

  return (
    <div className="field" data-testid="upload-cover">
      <label htmlFor={id}>{audio ? 'Cover (optional)' : 'Thumbnail (optional)'}</label>
      {preview && (
        <div className={`picture-preview ${audio ? 'picture-preview--square' : 'picture-preview--wide'}`}>
          {/* eslint-disable-next-line @next/next/no-img-element -- a local preview */}
          <img src={preview} alt="Chosen picture" />
        </div>
      )}
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
        onChange={(e) => onCover(e.currentTarget.files?.[0] ?? null)}
        disabled={busy}
        data-testid="upload-cover-input"
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="field__hint muted small">
        {audio
          ? "A square picture, at least 500×500. Without one, the file's own cover is used, else one is made for it."
          : 'A 16:9 picture, at least 640×360. Without one, a frame of the video is used.'}
      </p>
    </div>
  );
}
