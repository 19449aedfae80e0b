/**
 * A video as the studio lists and edits it: the shared video fields plus what only the owner sees
 * (category, mid-rolls, Retry). Its type is generated from the fragment (`npm run codegen`).
 */
import { graphql } from '@/lib/gql';
import type { StudioVideoFragment } from '@/lib/gql/graphql';

export const STUDIO_VIDEO_FIELDS = graphql(`
  fragment StudioVideo on Video {
    ...VideoFields
    category
    midrolls
    midrollsAreDefault
    canRetry
    coverUploaded
  }
`);

export type StudioVideo = StudioVideoFragment;

/** What a mutation or a progress event changed in a studio row. */
export type StudioVideoPatch = Partial<StudioVideo> & { id: string };
