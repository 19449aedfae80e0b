import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MediaKind, PageInfo } from '@wetube/catalog';
import { UserError } from '@wetube/platform';
import { AmountScalar } from '@wetube/payments';

export enum CampaignStatusEnum {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
}
registerEnumType(CampaignStatusEnum, { name: 'CampaignStatus' });

export enum LineItemStatusEnum {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  ENDED = 'ENDED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(LineItemStatusEnum, {
  name: 'LineItemStatus',
  description: 'DRAFT only while the budget moves into escrow; only ACTIVE serves',
});

export enum PacingEnum {
  EVEN = 'EVEN',
  ASAP = 'ASAP',
}
registerEnumType(PacingEnum, {
  name: 'Pacing',
  description: 'EVEN: spread over the flight (and the day, with a daily cap); ASAP: no throttling',
});

export enum AdDeviceEnum {
  DESKTOP = 'desktop',
  MOBILE = 'mobile',
  TABLET = 'tablet',
  TV = 'tv',
}
registerEnumType(AdDeviceEnum, { name: 'AdDevice' });

export enum AdPositionEnum {
  PREROLL = 'PREROLL',
  MIDROLL = 'MIDROLL',
}
registerEnumType(AdPositionEnum, { name: 'AdPosition' });

export enum CreativeApprovalEnum {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(CreativeApprovalEnum, { name: 'CreativeApproval' });

@ObjectType('DayPart')
@InputType('DayPartInput')
export class DayPartType {
  @Field(() => [Int], { description: '0 = Sunday … 6 = Saturday' })
  days: number[];
  @Field(() => Int, { description: 'Local minute of the day the window opens (0–1439)' })
  startMinute: number;
  @Field(() => Int, { description: 'Local minute it closes, exclusive (0–1440); below startMinute: runs past midnight' })
  endMinute: number;
}

@ObjectType('Targeting')
export class TargetingType {
  @Field(() => [String])
  categories: string[];
  @Field(() => [String])
  tags: string[];
  @Field(() => [AdDeviceEnum])
  devices: AdDeviceEnum[];
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2' })
  countries: string[];
  @Field(() => [DayPartType])
  dayParts: DayPartType[];
  @Field({ description: 'IANA time zone of the day parts and of the line item day' })
  timeZone: string;
  @Field(() => [AdPositionEnum])
  positions: AdPositionEnum[];
  @Field(() => [MediaKind], { description: 'VIDEO, AUDIO (songs, podcasts); empty: both' })
  mediaKinds: MediaKind[];
}

@InputType()
export class TargetingInput {
  @Field(() => [String], { nullable: true, description: 'Video categories; empty or left out: any' })
  categories?: string[] | null;
  @Field(() => [String], { nullable: true })
  tags?: string[] | null;
  @Field(() => [AdDeviceEnum], { nullable: true })
  devices?: AdDeviceEnum[] | null;
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes (from the deployment country header)' })
  countries?: string[] | null;
  @Field(() => [DayPartType], { nullable: true })
  dayParts?: DayPartType[] | null;
  @Field(() => String, { nullable: true, description: 'IANA time zone, default UTC' })
  timeZone?: string | null;
  @Field(() => [AdPositionEnum], { nullable: true })
  positions?: AdPositionEnum[] | null;
  @Field(() => [MediaKind], {
    nullable: true,
    description:
      'Serve only in VIDEO items or only in AUDIO ones (songs, podcasts); empty or left out: both. A creative serves only in items of its own kind: an audio upload is an audio creative.',
  })
  mediaKinds?: MediaKind[] | null;
}

@ObjectType('FrequencyCaps')
@InputType('FrequencyCapsInput')
export class FrequencyCapsType {
  @Field(() => Int, { nullable: true, description: 'Per viewer, rolling hour; null = no cap, 0 = never' })
  perHour?: number | null;
  @Field(() => Int, { nullable: true, description: 'Per viewer, rolling 24 hours' })
  perDay?: number | null;
  @Field(() => Int, { nullable: true })
  lifetime?: number | null;
  @Field(() => Int, { nullable: true, description: 'Per playback session' })
  perStream?: number | null;
  @Field(() => Int, { nullable: true, description: 'Per ad break (default 1)' })
  perPod?: number | null;
}

@ObjectType('Creative')
export class CreativeType {
  @Field(() => ID)
  id: string;
  @Field(() => ID)
  lineItemId: string;
  @Field(() => ID)
  videoId: string;
  @Field()
  clickThroughUrl: string;
  @Field(() => CreativeApprovalEnum)
  approval: CreativeApprovalEnum;
  @Field(() => Date, { nullable: true })
  approvedAt: Date | null;
  @Field()
  createdAt: Date;
}

@ObjectType('LineItem')
export class LineItemType {
  @Field(() => ID)
  id: string;
  @Field(() => ID)
  campaignId: string;
  @Field()
  name: string;
  @Field(() => LineItemStatusEnum)
  status: LineItemStatusEnum;
  @Field()
  flightStart: Date;
  @Field()
  flightEnd: Date;
  @Field(() => AmountScalar, { description: 'Moved from the wallet into escrow when the line item was created' })
  budget: bigint;
  @Field(() => AmountScalar, { nullable: true })
  dailyCap: bigint | null;
  @Field(() => AmountScalar, { description: 'Price of 1,000 impressions (first price): one impression costs cpmBid / 1000' })
  cpmBid: bigint;
  @Field(() => PacingEnum)
  pacing: PacingEnum;
  @Field(() => TargetingType)
  targeting: TargetingType;
  @Field(() => FrequencyCapsType)
  frequencyCaps: FrequencyCapsType;
  @Field()
  createdAt: Date;
  @Field(() => Date, { nullable: true })
  closedAt: Date | null;
  /** Not in the schema: the escrow hold, for the escrow fields. */
  holdId: string | null;
}

@ObjectType()
export class LineItemEdge {
  @Field()
  cursor: string;
  @Field(() => LineItemType)
  node: LineItemType;
}

@ObjectType()
export class LineItemConnection {
  @Field(() => [LineItemEdge])
  edges: LineItemEdge[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType('Campaign')
export class CampaignType {
  @Field(() => ID)
  id: string;
  @Field()
  name: string;
  @Field(() => CampaignStatusEnum)
  status: CampaignStatusEnum;
  @Field()
  createdAt: Date;
}

@ObjectType()
export class CampaignEdge {
  @Field()
  cursor: string;
  @Field(() => CampaignType)
  node: CampaignType;
}

@ObjectType()
export class CampaignConnection {
  @Field(() => [CampaignEdge])
  edges: CampaignEdge[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType()
export class CampaignFilter {
  @Field(() => CampaignStatusEnum, { nullable: true })
  status?: CampaignStatusEnum | null;
}

@InputType()
export class CreateCampaignInput {
  @Field()
  name: string;
}

@ObjectType()
export class CampaignPayload {
  @Field(() => CampaignType, { nullable: true })
  campaign: CampaignType | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@InputType()
export class CreateLineItemInput {
  @Field(() => ID)
  campaignId: string;
  @Field()
  name: string;
  @Field()
  flightStart: Date;
  @Field({ description: 'Exclusive; after flightStart and after now' })
  flightEnd: Date;
  @Field(() => AmountScalar, { description: 'Moved from your wallet into the line item escrow now (INSUFFICIENT_FUNDS when it has less)' })
  budget: bigint;
  @Field(() => AmountScalar, { nullable: true, description: 'Most spent per local day (targeting.timeZone); at most the budget' })
  dailyCap?: bigint | null;
  @Field(() => AmountScalar, { description: 'At least the platform floor (ADS_FLOOR_CPM), a whole multiple of 1000 minor units' })
  cpmBid: bigint;
  @Field(() => PacingEnum, { defaultValue: PacingEnum.EVEN })
  pacing: PacingEnum;
  @Field(() => TargetingInput, { nullable: true })
  targeting?: TargetingInput | null;
  @Field(() => FrequencyCapsType, { nullable: true })
  frequencyCaps?: FrequencyCapsType | null;
  @Field(() => String, {
    nullable: true,
    description: 'Your key for this line item (e.g. a UUID per click): a retry with it never creates or funds a second one',
  })
  idempotencyKey?: string | null;
}

@ObjectType()
export class LineItemPayload {
  @Field(() => LineItemType, { nullable: true })
  lineItem: LineItemType | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@InputType()
export class CreateCreativeInput {
  @Field(() => ID)
  lineItemId: string;
  @Field(() => ID, { description: 'One of your own uploads' })
  videoId: string;
  @Field({ description: 'Absolute http:// or https:// URL' })
  clickThroughUrl: string;
}

@ObjectType()
export class CreativePayload {
  @Field(() => CreativeType, { nullable: true })
  creative: CreativeType | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}
