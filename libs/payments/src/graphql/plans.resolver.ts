import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UserError } from '@wetube/platform';
import { AuthenticatedGuard, AuthUser, CurrentUser } from '@wetube/identity';
import { Entitlement, EntitlementsService } from '../plans/entitlements.service';
import { WalletService } from '../wallet/wallet.service';
import { BuyPlanInput, BuyPlanPayload, EntitlementType, PlanType } from './payments.types';
import { walletType } from './wallet.resolver';

function entitlementType(e: Entitlement): EntitlementType {
  return { planId: e.planId, planName: e.planName, startsAt: e.startsAt, expiresAt: e.expiresAt };
}

/** Ad-free plans: the catalog, buying one, and the plan that holds now. */
@Resolver()
export class PlansResolver {
  constructor(
    private readonly entitlements: EntitlementsService,
    private readonly wallets: WalletService,
  ) {}

  @Query(() => [PlanType], { description: 'Ad-free plans on sale, priced in Cloudcoin' })
  async plans(): Promise<PlanType[]> {
    return this.entitlements.plans();
  }

  @Query(() => EntitlementType, {
    nullable: true,
    description: 'The ad-free plan that holds now (its expiry covers back-to-back purchases)',
  })
  @UseGuards(AuthenticatedGuard)
  async myEntitlement(@CurrentUser() user: AuthUser): Promise<EntitlementType | null> {
    const e = await this.entitlements.activeOf(user.id);
    return e ? entitlementType(e) : null;
  }

  @Mutation(() => BuyPlanPayload, { description: 'Buys an ad-free plan with wallet coins; while a plan holds, buying extends it' })
  @UseGuards(AuthenticatedGuard)
  async buyPlan(@CurrentUser() user: AuthUser, @Args('input') input: BuyPlanInput): Promise<BuyPlanPayload> {
    const r = await this.entitlements.buy(user.id, input.planId, input.idempotencyKey);
    if (!r.ok)
      return {
        entitlement: null,
        wallet: null,
        userErrors: [
          UserError.of(
            r.code === 'PLAN_NOT_FOUND' ? 'planId' : r.code === 'INSUFFICIENT_FUNDS' ? 'planId' : 'idempotencyKey',
            r.message,
            r.code,
          ),
        ],
      };
    const active = await this.entitlements.activeOf(user.id);
    return { entitlement: entitlementType(active ?? r.entitlement), wallet: walletType(await this.wallets.view(user.id)), userErrors: [] };
  }
}
