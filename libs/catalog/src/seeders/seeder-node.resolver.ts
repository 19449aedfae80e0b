import { UseGuards } from '@nestjs/common';
import { Args, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { UserError } from '@wetube/platform';
import { AuthenticatedGuard, AuthUser, CurrentUser } from '@wetube/identity';
import { SeederNodeEntity } from './seeder-node.entity';
import { SeederNodesService } from './seeder-nodes.service';

@InputType()
export class RegisterSeederInput {
  @Field({ description: "The seeder's Ed25519 public key: 32 raw bytes, base64url (its platform peer id in receipts)" })
  publicKey: string;

  @Field(() => String, { nullable: true, description: 'Shown in mySeeders (at most 80 characters); absent keeps the current name' })
  name?: string | null;

  @Field({ description: 'When the seeder signed; refused when older than 10 minutes or more than 1 minute ahead' })
  signedAt: Date;

  @Field({
    description:
      'base64url Ed25519 signature, by the seeder key, over str("wetube-seeder-registration-v1") str(your user id) bytes(publicKey) u64(signedAt in ms) (u32/u64 big-endian lengths and integers; libs/swarm seeder-registration.ts)',
  })
  signature: string;
}

@ObjectType('SeederNode')
export class SeederNodeType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'base64url Ed25519 public key: the platform peer id receipts name' })
  publicKey: string;

  @Field()
  createdAt: Date;

  @Field({ description: 'When the node last registered' })
  lastSeenAt: Date;

  static from(row: SeederNodeEntity): SeederNodeType {
    return Object.assign(new SeederNodeType(), {
      id: row.id,
      name: row.name,
      publicKey: row.publicKey,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
    });
  }
}

@ObjectType()
export class RegisterSeederPayload {
  @Field(() => SeederNodeType, { nullable: true })
  seeder: SeederNodeType | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@Resolver(() => SeederNodeType)
export class SeederNodeResolver {
  constructor(private readonly seeders: SeederNodesService) {}

  @Mutation(() => RegisterSeederPayload, {
    description:
      "Registers a seeder node's key with the signed-in account (proof of possession); again from the same account refreshes name and lastSeenAt",
  })
  @UseGuards(AuthenticatedGuard)
  async registerSeeder(@CurrentUser() user: AuthUser, @Args('input') input: RegisterSeederInput): Promise<RegisterSeederPayload> {
    const result = await this.seeders.register(user, input);
    if (!result.ok) return { seeder: null, userErrors: [result.error] };
    return { seeder: SeederNodeType.from(result.seeder), userErrors: [] };
  }

  @Query(() => [SeederNodeType], { description: "The signed-in account's seeder nodes, first registered first" })
  @UseGuards(AuthenticatedGuard)
  async mySeeders(@CurrentUser() user: AuthUser): Promise<SeederNodeType[]> {
    return (await this.seeders.listOf(user.id)).map((row) => SeederNodeType.from(row));
  }
}
