/** @wetube/payments: what the Cloudcoin ledger pays for (peers per receipt, ad-free plans, creators). */
export { PaymentsModule, PaymentsCoreModule } from './payments.module';
export { PaymentsScheduler } from './payments.scheduler';
export {
  PaymentSessionsService,
  MAX_POOL_SESSIONS_PER_VIEWER,
  type PaymentSession,
  type OpenSessionInput,
  type OpenedSession,
} from './sessions/payment-sessions.service';
export {
  ReceiptRedemptionService,
  MAX_RECEIPTS_PER_CALL,
  type Redemption,
  type RedeemCode,
  type RedeemStatus,
} from './redeem/receipt-redemption.service';
export { allowedSegments, decayedAmount } from './redeem/redeem.rules';
export { EntitlementsService, type Plan, type Entitlement, type BuyPlanResult } from './plans/entitlements.service';
export { PlanRevenueSettlement, type SettlementResult } from './plans/plan-revenue.settlement';
export { WalletService, type WalletView, type WalletTransaction } from './wallet/wallet.service';
export { EarningsReleaseService } from './wallet/earnings-release.service';
export { AmountScalar } from './graphql/amount.scalar';
