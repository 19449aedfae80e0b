/** @wetube/support: pay as you listen — listeners pay creators per minute played, split by the creator (issue 14). */
export { SupportModule, SupportCoreModule } from './support.module';
export { SupportScheduler } from './support.scheduler';
export { SupportPaymentsService, type SettleOutcome } from './sessions/support-payments.service';
export {
  SupportSettingsService,
  DEFAULT_PER_MINUTE,
  DEFAULT_DAILY_CEILING,
  type SupportView,
  type SupportChange,
} from './settings/support-settings.service';
export { SupportSplitsService, type SplitRecipient } from './splits/support-splits.service';
export { SupportReceivedService, type SupportReceived, type Supporter } from './sessions/support-received.service';
export { owedFor, holdFor, checkSettings, checkShares, utcDay } from './support.rules';
