import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UserError } from '@wetube/platform';
import { AuthenticatedGuard, AuthUser, CurrentUser, Role, Roles } from '@wetube/identity';
import { AccountKind, LedgerService } from '@wetube/ledger';
import { AdvertiserCaller, AdvertiserGuard, CurrentAdvertiser } from './advertiser.guard';
import {
  AdvertiserType,
  ApiKeyType,
  CreateAdvertiserApiKeyInput,
  CreateAdvertiserApiKeyPayload,
  RevokeAdvertiserApiKeyPayload,
} from './advertiser.types';
import { ApiKey, ApiKeysService } from './api-keys.service';

const MAX_KEYS = 20;

function keyType(k: ApiKey): ApiKeyType {
  return Object.assign(new ApiKeyType(), {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: k.createdAt,
    lastUsedAt: k.lastUsedAt,
    revokedAt: k.revokedAt,
  });
}

/** The advertiser account: who I am, and API keys (managed only by the signed-in user, never with a key). */
@Resolver()
export class AdvertiserResolver {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly ledger: LedgerService,
  ) {}

  @Query(() => AdvertiserType, { description: 'The calling advertiser (API key or signed-in advertiser)' })
  @UseGuards(AdvertiserGuard)
  async advertiser(@CurrentAdvertiser() me: AdvertiserCaller): Promise<AdvertiserType> {
    const wallet = await this.ledger.openAccount(AccountKind.USER_WALLET, me.advertiserId);
    return Object.assign(new AdvertiserType(), { id: me.advertiserId, authenticatedBy: me.via, walletBalance: wallet.balance });
  }

  @Query(() => [ApiKeyType], { description: "The signed-in advertiser's API keys, newest first (revoked ones too)" })
  @UseGuards(AuthenticatedGuard)
  @Roles(Role.ADVERTISER)
  async advertiserApiKeys(@CurrentUser() user: AuthUser): Promise<ApiKeyType[]> {
    return (await this.keys.list(user.id)).map(keyType);
  }

  @Mutation(() => CreateAdvertiserApiKeyPayload, { description: 'A new API key for the advertiser API; the secret is in this answer only' })
  @UseGuards(AuthenticatedGuard)
  @Roles(Role.ADVERTISER)
  async createAdvertiserApiKey(
    @CurrentUser() user: AuthUser,
    @Args('input') input: CreateAdvertiserApiKeyInput,
  ): Promise<CreateAdvertiserApiKeyPayload> {
    const name = input.name?.trim() ?? '';
    if (!name || name.length > 80)
      return { apiKey: null, secret: null, userErrors: [UserError.of('name', 'Name the key (1–80 characters).', 'INVALID_NAME')] };
    const live = (await this.keys.list(user.id)).filter((k) => !k.revokedAt).length;
    if (live >= MAX_KEYS)
      return {
        apiKey: null,
        secret: null,
        userErrors: [UserError.of('name', `At most ${MAX_KEYS} live keys; revoke one first.`, 'TOO_MANY_KEYS')],
      };
    const { key, secret } = await this.keys.create(user.id, name);
    return { apiKey: keyType(key), secret, userErrors: [] };
  }

  @Mutation(() => RevokeAdvertiserApiKeyPayload, {
    description: 'Revokes one of your API keys at once (calls with it get UNAUTHENTICATED)',
  })
  @UseGuards(AuthenticatedGuard)
  @Roles(Role.ADVERTISER)
  async revokeAdvertiserApiKey(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<RevokeAdvertiserApiKeyPayload> {
    const key = await this.keys.revoke(user.id, id);
    if (!key)
      return {
        apiKey: null,
        userErrors: [Object.assign(new UserError(), { field: ['id'], message: 'No such API key.', code: 'NOT_FOUND' })],
      };
    return { apiKey: keyType(key), userErrors: [] };
  }
}
