import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo, VideoType, Visibility } from '@wetube/catalog';
import { UserError } from '@wetube/platform';
import type { PlaylistRecord } from '../playlists/playlists.repository';

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

  /** Not exposed: the owner field resolver loads the user. */
  ownerId: string;

  static from(p: PlaylistRecord, viewerId: string | null | undefined): PlaylistType {
    return Object.assign(new PlaylistType(), {
      id: p.id,
      title: p.title,
      description: p.description,
      visibility: p.visibility as Visibility,
      itemCount: p.itemCount,
      isWatchLater: p.systemKind === 'WATCH_LATER',
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      viewerIsOwner: !!viewerId && viewerId === p.ownerId,
      ownerId: p.ownerId,
    });
  }
}

@ObjectType()
export class PlaylistItem {
  @Field(() => Int, { description: '0 = first' })
  position: number;
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
