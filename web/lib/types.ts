/**
 * What is not a generated GraphQL type. GraphQL results are typed from their documents (web/lib/gql,
 * `npm run codegen`; video fragments in ./video-fragments).
 */
export type { VideoStatus, Visibility } from './video-fragments';
import type { VideoStatus } from './video-fragments';

/** The api's transcode progress events (server-sent events, GET /api/videos/:id/events): not GraphQL. */
export interface ProgressEvent {
  id: string;
  status: VideoStatus;
  progress: number;
  failureReason: string | null;
}
