'use client';

import { PictureField } from '@/components/PictureField';
import { uploadChannelImage } from '@/lib/channels';
import styles from './studio-channel.module.css';

const MAX_BYTES = 6_000_000;

/** The channel's avatar or banner: picked, shown at once, uploaded with progress (see PictureField). */
export function ChannelImageField({
  kind,
  label,
  hint,
  currentUrl,
  onUploaded,
}: {
  kind: 'avatar' | 'banner';
  label: string;
  hint: string;
  currentUrl: string | null;
  onUploaded: (urls: Record<string, string | null>) => void;
}) {
  return (
    <PictureField
      testId={kind}
      label={label}
      hint={hint}
      currentUrl={currentUrl}
      previewClassName={kind === 'banner' ? styles.bannerPreview : styles.avatarPreview}
      maxBytes={MAX_BYTES}
      upload={async (file, onProgress) => onUploaded(await uploadChannelImage(kind, file, onProgress))}
    />
  );
}
