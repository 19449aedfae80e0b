import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { UserError } from '@wetube/platform';
import { AmountScalar } from '@wetube/payments';

@ObjectType('AdvertiserApiKey')
export class ApiKeyType {
  @Field(() => ID)
  id: string;
  @Field()
  name: string;
  @Field({ description: 'The first characters of the secret (wtak_…), to tell keys apart' })
  prefix: string;
  @Field()
  createdAt: Date;
  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Set once revoked: the key is refused from then on' })
  revokedAt: Date | null;
}

@ObjectType('Advertiser')
export class AdvertiserType {
  @Field(() => ID, { description: "The advertiser's user id" })
  id: string;
  @Field({ description: 'How this call was authenticated: API_KEY or SESSION' })
  authenticatedBy: string;
  @Field(() => AmountScalar, { description: 'Spendable wallet balance (line item budgets come out of it)' })
  walletBalance: bigint;
}

@InputType()
export class CreateAdvertiserApiKeyInput {
  @Field({ description: 'A label for you, e.g. "reporting server"' })
  name: string;
}

@ObjectType()
export class CreateAdvertiserApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true })
  apiKey: ApiKeyType | null;
  @Field(() => String, {
    nullable: true,
    description: 'The key itself, shown only now (only its sha256 is stored). Send it as "Authorization: Bearer wtak_…"',
  })
  secret: string | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class RevokeAdvertiserApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true })
  apiKey: ApiKeyType | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}
