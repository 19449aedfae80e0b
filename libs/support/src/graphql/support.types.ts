import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { AmountScalar } from '@wetube/payments';
import { UserError } from '@wetube/platform';

@ObjectType('CreatorSupport', { description: "The signed-in listener's pay-as-you-listen support of one creator" })
export class CreatorSupportType {
  @Field(() => ID)
  creatorId: string;
  @Field({ description: 'On: each playback session of this creator holds and pays per minute played' })
  enabled: boolean;
  @Field(() => AmountScalar, {
    description: 'Paid per minute actually played (visible or audible; not paused, seeking, or muted in a background tab)',
  })
  amountPerMinute: bigint;
  @Field(() => AmountScalar, { description: 'At most this much to this creator per UTC day' })
  dailyCeiling: bigint;
  @Field(() => AmountScalar, { description: 'What your sessions paid this creator today (UTC)' })
  paidToday: bigint;
}

@InputType()
export class SetCreatorSupportInput {
  @Field(() => ID)
  creatorId: string;
  @Field()
  enabled: boolean;
  @Field(() => AmountScalar)
  amountPerMinute: bigint;
  @Field(() => AmountScalar)
  dailyCeiling: bigint;
}

@ObjectType()
export class SetCreatorSupportPayload {
  @Field(() => CreatorSupportType, { nullable: true })
  support: CreatorSupportType | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType('SupportRecipient', { description: 'One recipient of a creator’s split of what supporters pay' })
export class SupportRecipientType {
  @Field(() => ID)
  userId: string;
  @Field()
  displayName: string;
  @Field(() => String, { nullable: true })
  handle: string | null;
  @Field(() => Int, { description: 'Whole percent; the shares sum to 100' })
  percent: number;
}

@InputType()
export class SupportRecipientInput {
  @Field({ description: 'A channel handle (@name) or an account email' })
  recipient: string;
  @Field(() => Int)
  percent: number;
}

@InputType()
export class SetSupportSplitInput {
  @Field(() => [SupportRecipientInput], { description: 'Shares summing to 100 (include yourself); empty: all to you' })
  recipients: SupportRecipientInput[];
}

@ObjectType()
export class SetSupportSplitPayload {
  @Field(() => [SupportRecipientType], { nullable: true })
  recipients: SupportRecipientType[] | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType('Supporter')
export class SupporterType {
  @Field(() => ID)
  userId: string;
  @Field()
  displayName: string;
  @Field(() => AmountScalar)
  paid: bigint;
}

@ObjectType('SupportReceived', { description: 'What supporters paid you per minute played (before your split)' })
export class SupportReceivedType {
  @Field(() => AmountScalar)
  total: bigint;
  @Field(() => AmountScalar)
  last30Days: bigint;
  @Field(() => [SupporterType])
  supporters: SupporterType[];
}
