/**
 * The library's shared GraphQL documents (watch history and playlists; libs/library on the api).
 * Pages with a document of their own keep it next to them.
 */
import { graphql } from './gql';
import type { MyPlaylistsQuery, PlaylistPageQuery } from './gql/graphql';

export type MyPlaylist = MyPlaylistsQuery['myPlaylists'][number];
export type PlaylistDetails = NonNullable<PlaylistPageQuery['playlist']>;
export type PlaylistEntry = PlaylistDetails['items']['edges'][number]['node'];

export const RECORD_WATCH_PROGRESS = graphql(`
  mutation RecordWatchProgress($videoId: ID!, $positionSeconds: Float!) {
    recordWatchProgress(videoId: $videoId, positionSeconds: $positionSeconds) {
      recorded
      userErrors {
        code
        message
      }
    }
  }
`);

export const MY_PLAYLISTS = graphql(`
  query MyPlaylists {
    myPlaylists {
      id
      title
      visibility
      itemCount
      isWatchLater
      thumbnailUrl
      updatedAt
    }
  }
`);

export const PLAYLIST_PAGE = graphql(`
  query PlaylistPage($id: ID!, $first: Int, $after: String) {
    playlist(id: $id) {
      id
      title
      description
      visibility
      itemCount
      isWatchLater
      viewerIsOwner
      updatedAt
      kind
      thumbnailUrl
      coverUploaded
      show {
        author
        language
        category
        subcategory
        explicit
        locked
        feedUrl
      }
      owner {
        id
        displayName
      }
      items(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            position
            available
            videoId
            video {
              ...VideoCard
            }
          }
        }
      }
    }
  }
`);

export const ADD_TO_PLAYLIST = graphql(`
  mutation AddToPlaylist($playlistId: ID!, $videoId: ID!) {
    addToPlaylist(playlistId: $playlistId, videoId: $videoId) {
      playlist {
        id
        itemCount
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const REMOVE_FROM_PLAYLIST = graphql(`
  mutation RemoveFromPlaylist($playlistId: ID!, $videoId: ID!) {
    removeFromPlaylist(playlistId: $playlistId, videoId: $videoId) {
      playlist {
        id
        itemCount
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const MOVE_PLAYLIST_ITEM = graphql(`
  mutation MovePlaylistItem($playlistId: ID!, $videoId: ID!, $position: Int!) {
    movePlaylistItem(playlistId: $playlistId, videoId: $videoId, position: $position) {
      playlist {
        id
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const CREATE_PLAYLIST = graphql(`
  mutation CreatePlaylist($input: CreatePlaylistInput!) {
    createPlaylist(input: $input) {
      playlist {
        id
        title
        visibility
        itemCount
        isWatchLater
        thumbnailUrl
        updatedAt
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** The first user error's message of a payload, or null. */
export function firstProblem(p: { userErrors: { message: string }[] }): string | null {
  return p.userErrors[0]?.message ?? null;
}

/** Where a watch link of a playlist item goes. */
export function watchInList(videoId: string, listId: string): string {
  return `/watch/${encodeURIComponent(videoId)}?list=${encodeURIComponent(listId)}`;
}
