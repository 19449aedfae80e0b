/**
 * What is not a generated GraphQL type. GraphQL results are typed from their documents (web/lib/gql,
 * `npm run codegen`; video fragments in ./video-fragments).
 */
export type { VideoStatus, Visibility } from './video-fragments';
import type { VideoStatus, Visibility } from './video-fragments';

/** The api's transcode progress events (server-sent events, GET /api/videos/:id/events): not GraphQL. */
export interface ProgressEvent {
  id: string;
  status: VideoStatus;
  progress: number;
  failureReason: string | null;
}

// Left for web/app/studio/StudioVideoRow.tsx until its documents move to `graphql(`…`)`: the
// hand-written video type, field list and user error it still sends and reads.

export interface Video {
  id: string;
  title: string;
  description: string | null;
  tags: string[];
  visibility: Visibility;
  status: VideoStatus;
  progress: number;
  failureReason: string | null;
  durationSec: number | null;
  width: number | null;
  height: number | null;
  createdAt: string;
  posterUrl: string | null;
  masterUrl: string | null;
  storyboardUrl: string | null;
  renditions: { name: string; width: number; height: number; bandwidth: number; codecs: string }[] | null;
  viewerCanEdit: boolean;
  owner: { id: string; displayName: string } | null;
  /** Mid-roll ad breaks as served (seconds; the pre-roll at 0 is not listed). */
  midrolls?: number[];
  midrollsAreDefault?: boolean;
  /** One of the platform's video categories, or null. */
  category?: string | null;
  /** FAILED with its upload kept: the studio offers Retry (owner only). */
  canRetry?: boolean;
}

export type { UserError } from './payments';

export const VIDEO_FIELDS = `id title description tags visibility status progress failureReason durationSec width height createdAt posterUrl masterUrl storyboardUrl renditions { name width height bandwidth codecs } viewerCanEdit owner { id displayName }`;
