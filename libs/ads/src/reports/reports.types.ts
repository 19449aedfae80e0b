import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@wetube/catalog';
import { AmountScalar } from '@wetube/payments';

@ObjectType({ description: "One line item's served ads on one UTC day (the day each ad was served); counts come from the beacons" })
export class AdReportRowType {
  @Field(() => ID)
  lineItemId: string;
  @Field()
  lineItemName: string;
  @Field(() => ID)
  campaignId: string;
  @Field({ description: 'UTC day, YYYY-MM-DD' })
  day: string;
  @Field(() => Int, { description: 'Impression beacons (each charged once)' })
  impressions: number;
  @Field(() => Int)
  starts: number;
  @Field(() => Int)
  firstQuartiles: number;
  @Field(() => Int)
  midpoints: number;
  @Field(() => Int)
  thirdQuartiles: number;
  @Field(() => Int)
  completes: number;
  @Field(() => Float, { description: 'completes / impressions; 0 without impressions' })
  completionRate: number;
  @Field(() => Int, { description: 'Click-throughs (each ad counted once)' })
  clicks: number;
  @Field(() => Float, { description: 'clicks / impressions; 0 without impressions' })
  clickThroughRate: number;
  @Field(() => AmountScalar, { description: "Sum of the charged impressions' prices" })
  spend: bigint;
  @Field(() => AmountScalar, { description: 'Effective CPM: floor(spend × 1000 / impressions); 0 without impressions' })
  eCpm: bigint;
}

@ObjectType()
export class AdReportEdge {
  @Field()
  cursor: string;
  @Field(() => AdReportRowType)
  node: AdReportRowType;
}

@ObjectType()
export class AdReportConnection {
  @Field(() => [AdReportEdge])
  edges: AdReportEdge[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType()
export class AdReportFilterInput {
  @Field(() => ID, { nullable: true })
  campaignId?: string | null;
  @Field(() => ID, { nullable: true })
  lineItemId?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Inclusive: ads served at or after' })
  from?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Exclusive: ads served before' })
  to?: Date | null;
}
