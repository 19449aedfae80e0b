import { GraphQLError } from 'graphql';
import { decodeCursor, decodeKeyset, encodeKeyset, type Cursor } from '@wetube/platform';

function badAfter(): GraphQLError {
  return new GraphQLError('"after" is not a cursor from this list.', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } });
}

/** A (created_at, id) cursor, as the feed and the channel's videos use; BAD_USER_INPUT for anything else. */
export function parseAfter(after: string | null | undefined): Cursor | null {
  if (after == null) return null;
  const c = decodeCursor(after);
  if (!c) throw badAfter();
  return c;
}

/** A MOST_VIEWED cursor: (view_count, created_at, id), tagged so a date-order cursor is refused in its place. */
export function encodeMostViewedCursor(v: { viewCount: number; createdAt: Date; id: string }): string {
  return encodeKeyset(['views', Number(v.viewCount ?? 0), v.createdAt, v.id]);
}

export function parseMostViewedAfter(after: string | null | undefined): { viewCount: number; createdAt: Date; id: string } | null {
  if (after == null) return null;
  const v = decodeKeyset(after, 4);
  if (!v || v[0] !== 'views' || typeof v[1] !== 'number' || !Number.isSafeInteger(v[1]) || v[1] < 0) throw badAfter();
  if (typeof v[2] !== 'string' || typeof v[3] !== 'string') throw badAfter();
  const createdAt = new Date(v[2]);
  if (Number.isNaN(createdAt.getTime())) throw badAfter();
  return { viewCount: v[1], createdAt, id: v[3] };
}

/** mySubscriptions' cursor: the subscription's (created_at, channel id), tagged so other cursors are refused. */
export function encodeSubscriptionCursor(createdAt: Date, channelId: string): string {
  return encodeKeyset(['sub', createdAt, channelId]);
}

export function parseSubscriptionAfter(after: string | null | undefined): { createdAt: Date; channelId: string } | null {
  if (after == null) return null;
  const v = decodeKeyset(after, 3);
  if (!v || v[0] !== 'sub' || typeof v[1] !== 'string' || typeof v[2] !== 'string') throw badAfter();
  const createdAt = new Date(v[1]);
  if (Number.isNaN(createdAt.getTime())) throw badAfter();
  return { createdAt, channelId: v[2] };
}
