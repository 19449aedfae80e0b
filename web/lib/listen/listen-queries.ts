/**
 * What the listening provider asks the API: a track's details to play it, and a playlist's items to
 * queue them (web/components/listen/ListenProvider.tsx).
 */
import { graphql } from '../gql';
import type { ListenListQuery, ListenTrackQuery } from '../gql/graphql';

export type ListenTrack = NonNullable<ListenTrackQuery['video']>;
export type ListenList = NonNullable<ListenListQuery['playlist']>;

export const LISTEN_TRACK = graphql(`
  query ListenTrack($id: ID!) {
    video(id: $id) {
      id
      title
      kind
      status
      masterUrl
      posterUrl
      durationSec
      owner {
        id
        displayName
      }
      audio {
        tagTitle
        artist
        album
        peaksUrl
      }
      viewerProgress {
        resumeAtSec
      }
      chapters {
        startSec
        title
      }
    }
  }
`);

export const LISTEN_LIST = graphql(`
  query ListenList($id: ID!, $first: Int) {
    playlist(id: $id) {
      id
      title
      items(first: $first) {
        edges {
          node {
            position
            available
            video {
              id
              title
              kind
              status
              posterUrl
            }
          }
        }
      }
    }
  }
`);
