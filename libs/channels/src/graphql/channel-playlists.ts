import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { PageInfo } from '@wetube/catalog';
import { PlaylistType, type PlaylistRecord } from '@wetube/library';
import { decodeKeyset, encodeKeyset } from '@wetube/platform';

@ObjectType()
export class ChannelPlaylistEdge {
  @Field()
  cursor: string;
  @Field(() => PlaylistType)
  node: PlaylistType;
}

@ObjectType({ description: "A channel's public playlists, newest first" })
export class ChannelPlaylistConnection {
  @Field(() => [ChannelPlaylistEdge])
  edges: ChannelPlaylistEdge[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
  @Field(() => Int, { description: 'All of its public playlists' })
  totalCount: number;
}

/** A cursor over (created_at, id), tagged so a video cursor is refused here. */
export function playlistCursor(p: Pick<PlaylistRecord, 'createdAt' | 'id'>): string {
  return encodeKeyset(['pl', p.createdAt, p.id]);
}

export function parsePlaylistAfter(after: string | null | undefined): { createdAt: Date; id: string } | null {
  if (after == null) return null;
  const v = decodeKeyset(after, 3);
  const createdAt = v && typeof v[1] === 'string' ? new Date(v[1]) : null;
  if (!v || v[0] !== 'pl' || !createdAt || Number.isNaN(createdAt.getTime()) || typeof v[2] !== 'string') {
    throw new GraphQLError('"after" is not a cursor from this list.', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } });
  }
  return { createdAt, id: v[2] };
}

/**
 * One page of a channel's playlists, newest first (created_at DESC, id DESC). `listed` is what
 * PlaylistsService.playlistsOf gives (at most 200 per account, so the page is cut from it in memory
 * by the keyset); anything not PUBLIC is dropped again here, whoever asks.
 */
export function playlistPage(
  listed: PlaylistRecord[],
  first: number,
  after: { createdAt: Date; id: string } | null,
  toNode: (p: PlaylistRecord) => PlaylistType,
): ChannelPlaylistConnection {
  const sorted = listed
    .filter((p) => p.visibility === 'PUBLIC')
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const rest = after
    ? sorted.filter((p) => {
        const t = p.createdAt.getTime() - after.createdAt.getTime();
        return t < 0 || (t === 0 && p.id < after.id);
      })
    : sorted;
  const page = rest.slice(0, first);
  const edges = page.map((p) => ({ cursor: playlistCursor(p), node: toNode(p) }));
  return {
    edges,
    totalCount: sorted.length,
    pageInfo: {
      hasNextPage: rest.length > first,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
