import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo, VideoType, Visibility } from '@wetube/catalog';
import { UserError } from '@wetube/platform';
import type { PlaylistRecord } from '../playlists/playlists.repository';
import { podcastGuid, ShowMeta } from '../playlists/show.rules';

export enum PlaylistKind {
  PLAYLIST = 'PLAYLIST',
  /** Songs in order (track = position). */
  ALBUM = 'ALBUM',
  /** A podcast: episodes in order, an RSS feed. */
  SHOW = 'SHOW',
}
registerEnumType(PlaylistKind, { name: 'PlaylistKind' });

/** The feed URL of a show: stable, from the playlist id. */
export function showFeedUrl(publicApiUrl: string, playlistId: string): string {
  return `${publicApiUrl.replace(/\/+$/, '')}/feeds/shows/${playlistId}.xml`;
}

@ObjectType('Show', { description: "A SHOW playlist's podcast fields" })
export class ShowType {
  @Field()
  author: string;
  @Field({ description: 'BCP 47 language tag' })
  language: string;
  @Field({ description: 'Apple Podcasts category' })
  category: string;
  @Field(() => String, { nullable: true })
  subcategory: string | null;
  @Field()
  explicit: boolean;
  @Field({ description: 'podcast:locked: other platforms may not import the show' })
  locked: boolean;
  @Field({ description: 'The RSS feed (podcast apps subscribe to it)' })
  feedUrl: string;
  @Field({ description: 'podcast:guid: UUIDv5 of the feed URL without its scheme (Podcasting 2.0)' })
  podcastGuid: string;

  static from(meta: ShowMeta, feedUrl: string): ShowType {
    return Object.assign(new ShowType(), { ...meta, feedUrl, podcastGuid: podcastGuid(feedUrl) });
  }
}

@InputType('ShowInput', { description: 'Podcast fields of a SHOW; omitted ones stay as they are' })
export class ShowInput {
  @Field(() => String, { nullable: true })
  author?: string | null;
  @Field(() => String, { nullable: true, description: 'BCP 47 (en, en-US, de-CH…)' })
  language?: string | null;
  @Field(() => String, { nullable: true, description: 'One of the Apple Podcasts categories (e.g. "Technology", "Society & Culture")' })
  category?: string | null;
  @Field(() => String, { nullable: true, description: 'A subcategory of the category (empty: none)' })
  subcategory?: string | null;
  @Field(() => Boolean, { nullable: true })
  explicit?: boolean | null;
  @Field(() => Boolean, { nullable: true })
  locked?: boolean | null;
}

@ObjectType('Playlist')
export class PlaylistType {
  @Field(() => ID)
  id: string;
  @Field()
  title: string;
  @Field()
  description: string;
  @Field(() => Visibility, { description: 'PUBLIC: listed on the channel; UNLISTED: anyone with the link; PRIVATE: the owner only' })
  visibility: Visibility;
  @Field(() => PlaylistKind, { description: 'PLAYLIST, ALBUM or SHOW (a podcast with an RSS feed)' })
  kind: PlaylistKind;
  @Field(() => ShowType, { nullable: true, description: 'The podcast fields and feed; null unless kind is SHOW' })
  show: ShowType | null;
  @Field(() => Int, { description: 'Items, unavailable ones included' })
  itemCount: number;
  @Field({ description: 'The built-in "Watch later" (cannot be renamed, shared or deleted)' })
  isWatchLater: boolean;
  @Field()
  createdAt: Date;
  @Field()
  updatedAt: Date;
  @Field({ description: 'Whether the caller owns it (may edit it)' })
  viewerIsOwner: boolean;
  @Field({ description: "Whether thumbnailUrl is artwork the owner uploaded (albums and shows); else it is the first item's picture" })
  coverUploaded: boolean;

  /** Not exposed: the owner field resolver loads the user. */
  ownerId: string;

  static from(p: PlaylistRecord, viewerId: string | null | undefined, publicApiUrl: string): PlaylistType {
    return Object.assign(new PlaylistType(), {
      id: p.id,
      title: p.title,
      description: p.description,
      visibility: p.visibility as Visibility,
      kind: p.kind as PlaylistKind,
      show: p.kind === 'SHOW' && p.show ? ShowType.from(p.show, showFeedUrl(publicApiUrl, p.id)) : null,
      itemCount: p.itemCount,
      isWatchLater: p.systemKind === 'WATCH_LATER',
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      viewerIsOwner: !!viewerId && viewerId === p.ownerId,
      coverUploaded: !!p.coverKey,
      ownerId: p.ownerId,
    });
  }
}

@ObjectType()
export class PlaylistItem {
  @Field(() => Int, { description: '0 = first' })
  position: number;
  @Field(() => Int, {
    nullable: true,
    description: "A SHOW's episode number, an ALBUM's track number: the owner's explicit one, else position + 1; null for a plain playlist",
  })
  number: number | null;
  @Field()
  addedAt: Date;
  @Field({ description: 'false: the video is private, deleted or not ready; it is shown as "unavailable"' })
  available: boolean;
  @Field(() => VideoType, { nullable: true, description: 'null when unavailable to the caller' })
  video: VideoType | null;
  @Field(() => ID, { nullable: true, description: "The video's id, for the playlist's owner only (so they can remove an unavailable one)" })
  videoId: string | null;
}

@ObjectType()
export class PlaylistItemEdge {
  @Field()
  cursor: string;
  @Field(() => PlaylistItem)
  node: PlaylistItem;
}

@ObjectType()
export class PlaylistItemConnection {
  @Field(() => [PlaylistItemEdge])
  edges: PlaylistItemEdge[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
  @Field(() => Int)
  totalCount: number;
}

@InputType()
export class CreatePlaylistInput {
  @Field()
  title: string;
  @Field(() => String, { nullable: true })
  description?: string | null;
  @Field(() => Visibility, { nullable: true, description: 'PRIVATE when omitted' })
  visibility?: Visibility | null;
  @Field(() => ID, { nullable: true, description: 'A first video to add' })
  videoId?: string | null;
  @Field(() => PlaylistKind, { nullable: true, description: 'PLAYLIST when omitted' })
  kind?: PlaylistKind | null;
  @Field(() => ShowInput, { nullable: true, description: 'Podcast fields (kind SHOW only)' })
  show?: ShowInput | null;
}

@InputType()
export class UpdatePlaylistInput {
  @Field(() => ID)
  id: string;
  @Field(() => String, { nullable: true })
  title?: string | null;
  @Field(() => String, { nullable: true })
  description?: string | null;
  @Field(() => Visibility, { nullable: true })
  visibility?: Visibility | null;
  @Field(() => PlaylistKind, { nullable: true })
  kind?: PlaylistKind | null;
  @Field(() => ShowInput, { nullable: true, description: 'Podcast fields (kind SHOW only)' })
  show?: ShowInput | null;
}

@ObjectType()
export class PlaylistPayload {
  @Field(() => PlaylistType, { nullable: true })
  playlist: PlaylistType | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class DeletePlaylistPayload {
  @Field(() => ID, { nullable: true })
  deletedPlaylistId: string | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}
