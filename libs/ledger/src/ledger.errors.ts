/** Why the ledger refused a command. Every refusal moves nothing. */
export type LedgerErrorCode =
  | 'INVALID_AMOUNT'
  | 'NEGATIVE_AMOUNT'
  | 'ZERO_AMOUNT'
  | 'AMOUNT_TOO_LARGE'
  | 'UNSAFE_NUMBER'
  | 'UNBALANCED_ENTRY'
  | 'INVALID_COMMAND'
  | 'IDEMPOTENCY_CONFLICT'
  | 'ACCOUNT_NOT_FOUND'
  | 'ACCOUNT_NOT_ALLOWED'
  | 'INSUFFICIENT_FUNDS'
  | 'HOLD_NOT_FOUND'
  | 'HOLD_CLOSED'
  | 'HOLD_EXCEEDED'
  | 'MINT_LIMIT_EXCEEDED';

export class LedgerError extends Error {
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}
