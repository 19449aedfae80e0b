export type VideoStatus = 'UPLOADED' | 'PROCESSING' | 'READY' | 'FAILED';
export type Visibility = 'PUBLIC' | 'UNLISTED' | 'PRIVATE';

export interface Me {
  id: string;
  displayName: string;
  email: string;
  roles: string[];
}

export interface Rendition {
  name: string;
  width: number;
  height: number;
  bandwidth: number;
  codecs: string;
}

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
  renditions: Rendition[] | null;
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

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

export interface ProgressEvent {
  id: string;
  status: VideoStatus;
  progress: number;
  failureReason: string | null;
}

export const CARD_FIELDS = `id title durationSec createdAt posterUrl status progress owner { id displayName }`;
export const VIDEO_FIELDS = `id title description tags visibility status progress failureReason durationSec width height createdAt posterUrl masterUrl storyboardUrl renditions { name width height bandwidth codecs } viewerCanEdit owner { id displayName }`;
