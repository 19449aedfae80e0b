import { Global, Module } from '@nestjs/common';
import { CatalogModule, PlaybackSessionHooks } from '@wetube/catalog';
import { ContentModule } from '@wetube/content';
import { IdentityModule } from '@wetube/identity';
import { LedgerModule } from '@wetube/ledger';
import { AmountScalar } from './graphql/amount.scalar';
import { PlansResolver } from './graphql/plans.resolver';
import { RedeemResolver } from './graphql/redeem.resolver';
import { WalletResolver } from './graphql/wallet.resolver';
import { PaymentsScheduler } from './payments.scheduler';
import { EntitlementsRepository } from './plans/entitlements.repository';
import { EntitlementsService } from './plans/entitlements.service';
import { PlanRevenueSettlement } from './plans/plan-revenue.settlement';
import { SettlementsRepository } from './plans/settlements.repository';
import { ReceiptRedemptionService } from './redeem/receipt-redemption.service';
import { ReceiptVerifier } from './redeem/receipt.verifier';
import { ReceiptsRepository } from './redeem/receipts.repository';
import { VideoSegmentsCache } from './redeem/video-segments.cache';
import { PaymentPlaybackHooks } from './sessions/payment-playback.hooks';
import { PaymentSessionsRepository } from './sessions/payment-sessions.repository';
import { PaymentSessionsService } from './sessions/payment-sessions.service';
import { EarningsReleaseService } from './wallet/earnings-release.service';
import { MintsRepository } from './wallet/mints.repository';
import { WalletService } from './wallet/wallet.service';

const REPOSITORIES = [PaymentSessionsRepository, ReceiptsRepository, MintsRepository, EntitlementsRepository, SettlementsRepository];
const SERVICES = [
  VideoSegmentsCache,
  EntitlementsService,
  PaymentSessionsService,
  ReceiptVerifier,
  ReceiptRedemptionService,
  WalletService,
  EarningsReleaseService,
  PlanRevenueSettlement,
];

/** Services only (no GraphQL, no timers): for workers, tests and benches. */
@Global()
@Module({
  imports: [LedgerModule, CatalogModule, ContentModule, IdentityModule],
  providers: [...REPOSITORIES, ...SERVICES, PaymentPlaybackHooks, { provide: PlaybackSessionHooks, useExisting: PaymentPlaybackHooks }],
  exports: [...SERVICES, PlaybackSessionHooks, LedgerModule],
})
export class PaymentsCoreModule {}

/** The api's payments: GraphQL (wallet, plans, receipts, mint, faucet) and the periodic money jobs. */
@Module({
  imports: [PaymentsCoreModule, IdentityModule],
  providers: [AmountScalar, WalletResolver, PlansResolver, RedeemResolver, PaymentsScheduler],
  exports: [PaymentsScheduler],
})
export class PaymentsModule {}
