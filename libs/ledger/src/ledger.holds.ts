import { randomUUID } from 'node:crypto';
import { AccountKind, HoldKind, isHoldKind } from './account-kind';
import { parseAmount } from './amount';
import { LedgerError } from './ledger.errors';
import { LedgerJournal, ordinary, toResult } from './ledger.journal';
import { LedgerRepository } from './ledger.repository';
import { Hold, HoldRecord, HoldResult } from './ledger.types';

/** Two-phase holds: place (into a new hold account), settle parts out, release the rest. */
export class LedgerHolds {
  constructor(
    private readonly repo: LedgerRepository,
    private readonly journal: LedgerJournal,
  ) {}

  async get(holdId: string): Promise<Hold | null> {
    const h = await this.repo.read((tx) => tx.findHold(holdId));
    return h ? toHold(h) : null;
  }

  /**
   * Phase one: moves `amount` from `fromId` into a new hold account of `kind` (SESSION_HOLD for a
   * playback session's budget, CAMPAIGN_ESCROW for an ad line item's).
   */
  async place(
    fromId: string,
    amount: bigint,
    idempotencyKey: string,
    memo?: string,
    kind: HoldKind = AccountKind.SESSION_HOLD,
  ): Promise<HoldResult> {
    const a = parseAmount(amount);
    if (!isHoldKind(kind)) throw new LedgerError('INVALID_COMMAND', `${kind} is not a hold account kind`);
    return this.journal.execute({
      kind: 'HOLD_PLACE',
      key: idempotencyKey,
      payload: { from: fromId, amount: a, ...(kind === AccountKind.SESSION_HOLD ? {} : { holdKind: kind }) },
      memo,
      lock: [fromId],
      plan: async (tx, accounts) => {
        ordinary(accounts.get(fromId)!);
        const account = await tx.insertAccount({ id: randomUUID(), kind, ownerId: null });
        accounts.set(account.id, account);
        return {
          postings: [
            { accountId: fromId, amount: -a },
            { accountId: account.id, amount: a },
          ],
          after: (t, entryId) =>
            t.insertHold({
              id: randomUUID(),
              accountId: account.id,
              sourceAccountId: fromId,
              amount: a,
              paidOut: 0n,
              status: 'OPEN',
              placeEntryId: entryId,
              createdAt: new Date(),
              closedAt: null,
            }),
        };
      },
      result: async (tx, e, replayed) => ({ entry: toResult(e, replayed), hold: toHold((await tx.findHoldByPlaceEntry(e.id))!) }),
    });
  }

  /** Phase two, any number of times: pays `amount` of what the hold still has to `toId`. */
  async settle(holdId: string, toId: string, amount: bigint, idempotencyKey: string, memo?: string): Promise<HoldResult> {
    const a = parseAmount(amount);
    const h = await this.require(holdId);
    return this.journal.execute({
      kind: 'HOLD_SETTLE',
      key: idempotencyKey,
      payload: { hold: holdId, to: toId, amount: a },
      memo,
      lock: [h.accountId, toId],
      plan: async (tx, accounts) => {
        ordinary(accounts.get(toId)!);
        const current = (await tx.findHold(holdId))!;
        if (current.status !== 'OPEN') throw new LedgerError('HOLD_CLOSED', `hold ${holdId} is ${current.status.toLowerCase()}`);
        const left = accounts.get(h.accountId)!.balance;
        if (a > left) throw new LedgerError('HOLD_EXCEEDED', `hold ${holdId} has ${left} left, cannot pay ${a}`);
        return {
          postings: [
            { accountId: h.accountId, amount: -a },
            { accountId: toId, amount: a },
          ],
          after: (t) => t.updateHold(holdId, current.paidOut + a, 'OPEN', null),
        };
      },
      result: async (tx, e, replayed) => ({ entry: toResult(e, replayed), hold: toHold((await tx.findHold(holdId))!) }),
    });
  }

  /** Closes the hold and returns what it still has to the account it came from. */
  async release(holdId: string, idempotencyKey: string, memo?: string): Promise<HoldResult> {
    const h = await this.require(holdId);
    return this.journal.execute({
      kind: 'HOLD_RELEASE',
      key: idempotencyKey,
      payload: { hold: holdId },
      memo,
      lock: [h.accountId, h.sourceAccountId],
      plan: async (tx, accounts) => {
        const current = (await tx.findHold(holdId))!;
        if (current.status !== 'OPEN') throw new LedgerError('HOLD_CLOSED', `hold ${holdId} is ${current.status.toLowerCase()}`);
        const rest = accounts.get(h.accountId)!.balance;
        return {
          postings:
            rest > 0n
              ? [
                  { accountId: h.accountId, amount: -rest },
                  { accountId: h.sourceAccountId, amount: rest },
                ]
              : [],
          after: (t) => t.updateHold(holdId, current.paidOut, 'RELEASED', new Date()),
        };
      },
      result: async (tx, e, replayed) => ({ entry: toResult(e, replayed), hold: toHold((await tx.findHold(holdId))!) }),
    });
  }

  private async require(holdId: string): Promise<HoldRecord> {
    const h = await this.repo.read((tx) => tx.findHold(holdId));
    if (!h) throw new LedgerError('HOLD_NOT_FOUND', `no hold ${holdId}`);
    return h;
  }
}

/** A hold as callers see it (without the entry that placed it). */
function toHold(h: HoldRecord): Hold {
  return {
    id: h.id,
    accountId: h.accountId,
    sourceAccountId: h.sourceAccountId,
    amount: h.amount,
    paidOut: h.paidOut,
    status: h.status,
    createdAt: h.createdAt,
    closedAt: h.closedAt,
  };
}
