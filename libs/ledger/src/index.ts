/** @wetube/ledger: the double-entry Cloudcoin ledger. */
export { LedgerModule } from './ledger.module';
export { LedgerService, type MintHooks } from './ledger.service';
export type { LedgerAudit, HistoryCursor, HistoryRow } from './ledger.rows';
export { LedgerBatch, type BatchSettle, type BatchEntry, type BatchFundHold } from './ledger.batch';
export { LedgerError, type LedgerErrorCode } from './ledger.errors';
export { MAX_AMOUNT, parseAmount, formatAmount, type ParseAmountOptions } from './amount';
export { splitByLargestRemainder } from './split';
export { AccountKind, CURRENCY, SYSTEM_ACCOUNT_IDS, isGuarded, isHoldKind, type HoldKind, type SystemAccountKind } from './account-kind';
export type { Account, EntryResult, Hold, HoldRecord, HoldResult, PostCommand, Posting } from './ledger.types';
export { CLIENT_IDEMPOTENCY_KEY_MAX, IDEMPOTENCY_KEY_MAX, idempotencyKeyRule, isIdempotencyKey } from './idempotency-key';
export type { HoldStatus } from './ledger.types';
export { AccountEntity } from './account.entity';
export { JournalEntryEntity } from './journal-entry.entity';
export { PostingEntity } from './posting.entity';
export { HoldEntity } from './hold.entity';
export { LEDGER_ENTITIES } from './ledger.entities';
