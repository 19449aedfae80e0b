/**
 * The video fields pages ask for, as GraphQL fragments (their types are generated into web/lib/gql:
 * `VideoCardFragment`, `VideoFieldsFragment`). Spread them in a document (`...VideoCard`).
 */
import { graphql } from './gql';
import type { VideoCardFragment, VideoFieldsFragment } from './gql/graphql';

export type { VideoStatus, Visibility } from './gql/graphql';

/** A video in a list of cards (home feed). */
export type VideoCardData = VideoCardFragment;
/** A video as the watch page and the studio show it. */
export type VideoDetails = VideoFieldsFragment;

export const VIDEO_CARD_FIELDS = graphql(`
  fragment VideoCard on Video {
    id
    title
    kind
    durationSec
    createdAt
    posterUrl
    status
    progress
    viewCount
    owner {
      id
      displayName
    }
    channel {
      handle
    }
    viewerProgress {
      positionSec
      finished
    }
  }
`);

export const VIDEO_FIELDS = graphql(`
  fragment VideoFields on Video {
    id
    title
    description
    tags
    visibility
    status
    progress
    failureReason
    durationSec
    width
    height
    createdAt
    posterUrl
    masterUrl
    storyboardUrl
    kind
    renditions {
      name
      width
      height
      bandwidth
      codecs
    }
    viewerCanEdit
    owner {
      id
      displayName
    }
  }
`);
