import { GraphQLError } from 'graphql';
import { decodeKeyset, encodeKeyset } from '@wetube/platform';

function badCursor(): GraphQLError {
  return new GraphQLError('"after" is not a cursor from this list.', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } });
}

/** A history entry's place: (watched_at, video_id). */
export function historyCursor(watchedAt: Date, videoId: string): string {
  return encodeKeyset(['h', watchedAt, videoId]);
}

export function decodeHistoryCursor(after: string | null | undefined): { watchedAt: Date; videoId: string } | null {
  if (after == null) return null;
  const v = decodeKeyset(after, 3);
  const at = v && v[0] === 'h' && typeof v[1] === 'string' ? new Date(v[1]) : null;
  if (!v || !at || Number.isNaN(at.getTime()) || typeof v[2] !== 'string') throw badCursor();
  return { watchedAt: at, videoId: v[2] };
}

/** A playlist item's place: its position. */
export function itemCursor(position: number): string {
  return encodeKeyset(['p', position]);
}

/** The position after which the page starts (-1: the start). */
export function decodeItemCursor(after: string | null | undefined): number {
  if (after == null) return -1;
  const v = decodeKeyset(after, 2);
  if (!v || v[0] !== 'p' || !Number.isInteger(v[1]) || (v[1] as number) < 0) throw badCursor();
  return v[1] as number;
}
