import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '@wetube/catalog';
import { UserError } from '@wetube/platform';
import type { ChannelRecord } from '../channels.repository';

export enum ChannelVideoOrderBy {
  NEWEST = 'NEWEST',
  OLDEST = 'OLDEST',
  /** Most views first (then newest first). */
  MOST_VIEWED = 'MOST_VIEWED',
}
registerEnumType(ChannelVideoOrderBy, { name: 'ChannelVideoOrder', description: 'How a channel lists its videos' });

@ObjectType('ChannelLink')
export class ChannelLinkType {
  @Field()
  title: string;
  @Field({ description: 'An http(s) URL' })
  url: string;
}

@ObjectType('Channel', { description: "A creator's channel: one per account; its name is the account's display name" })
export class ChannelType {
  @Field(() => ID, { description: "The owner's user id" })
  id: string;
  @Field({ description: 'Without the @, lowercase' })
  handle: string;
  @Field()
  displayName: string;
  @Field()
  description: string;
  @Field(() => [ChannelLinkType])
  links: ChannelLinkType[];
  @Field(() => String, { nullable: true, description: '176×176 WebP' })
  avatarUrl: string | null;
  @Field(() => String, { nullable: true, description: '48×48 WebP' })
  avatarSmallUrl: string | null;
  @Field(() => String, { nullable: true, description: '2048×1152 WebP' })
  bannerUrl: string | null;
  @Field({ description: 'When the channel (its account) started' })
  createdAt: Date;
  @Field({ description: 'Whether the caller owns it (and may edit it)' })
  viewerIsOwner: boolean;

  /** Not exposed: the stored record. */
  record: ChannelRecord;
}

@ObjectType()
export class ChannelEdge {
  @Field()
  cursor: string;
  @Field(() => ChannelType)
  node: ChannelType;
}

@ObjectType()
export class ChannelConnection {
  @Field(() => [ChannelEdge])
  edges: ChannelEdge[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
  @Field(() => Int)
  totalCount: number;
}

@InputType()
export class ChannelLinkInput {
  @Field(() => String, { nullable: true, description: 'Defaults to the host name' })
  title?: string | null;
  @Field()
  url: string;
}

@InputType()
export class UpdateChannelInput {
  @Field(() => String, { nullable: true, description: '3-30 of a-z 0-9 . _ - (an @ in front and capitals are fine)' })
  handle?: string | null;
  @Field(() => String, { nullable: true, description: "The channel's name (the account's display name), 1-80 characters" })
  displayName?: string | null;
  @Field(() => String, { nullable: true, description: 'At most 1,000 characters' })
  description?: string | null;
  @Field(() => [ChannelLinkInput], { nullable: true, description: 'Replaces the links; at most 5' })
  links?: ChannelLinkInput[] | null;
}

@ObjectType()
export class ChannelPayload {
  @Field(() => ChannelType, { nullable: true })
  channel: ChannelType | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class SubscriptionPayload {
  @Field(() => ChannelType, { nullable: true })
  channel: ChannelType | null;
  @Field({ description: 'Whether the caller follows the channel now' })
  subscribed: boolean;
  @Field(() => [UserError])
  userErrors: UserError[];
}
