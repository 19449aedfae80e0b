import { registerEnumType } from '@nestjs/graphql';

export enum VideoStatus {
  /** The upload is complete and waits for a transcoder. */
  UPLOADED = 'UPLOADED',
  PROCESSING = 'PROCESSING',
  READY = 'READY',
  /** Bad input or an exhausted transcode; `failureReason` says why. Visible to the owner only. */
  FAILED = 'FAILED',
}

export enum Visibility {
  PUBLIC = 'PUBLIC',
  /** Anyone with the link; not listed. */
  UNLISTED = 'UNLISTED',
  /** The owner (and admins) only. */
  PRIVATE = 'PRIVATE',
}

registerEnumType(VideoStatus, { name: 'VideoStatus' });
registerEnumType(Visibility, { name: 'Visibility' });
