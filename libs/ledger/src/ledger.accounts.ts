import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '@wetube/platform';
import { AccountKind, isHoldKind, isSystemKind, SYSTEM_ACCOUNT_IDS, SystemAccountKind } from './account-kind';
import { LedgerError } from './ledger.errors';
import { LedgerRepository } from './ledger.repository';
import { Account } from './ledger.types';

/** Accounts: opened on first use (one per kind and owner; the platform's at fixed ids), read, balances. */
export class LedgerAccounts {
  constructor(private readonly repo: LedgerRepository) {}

  /** The account of `kind` owned by `ownerId`, opened on first use. Platform kinds ignore the owner. */
  async open(kind: AccountKind, ownerId?: string | null): Promise<Account> {
    if (isSystemKind(kind)) return this.system(kind);
    if (isHoldKind(kind)) throw new LedgerError('ACCOUNT_NOT_ALLOWED', 'hold accounts are opened by placeHold');
    if (!ownerId) throw new LedgerError('INVALID_COMMAND', `a ${kind} account needs an owner`);
    const found = await this.repo.read((tx) => tx.findAccountByOwner(kind, ownerId));
    if (found) return found;
    try {
      return await this.repo.transaction((tx) => tx.insertAccount({ id: randomUUID(), kind, ownerId }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return (await this.repo.read((tx) => tx.findAccountByOwner(kind, ownerId)))!;
    }
  }

  /** The one mint, platform-fees or bandwidth-pool account (fixed id), created on first use. */
  async system(kind: SystemAccountKind): Promise<Account> {
    const id = SYSTEM_ACCOUNT_IDS[kind];
    const found = await this.repo.read((tx) => tx.findAccount(id));
    if (found) return found;
    try {
      return await this.repo.transaction((tx) => tx.insertAccount({ id, kind, ownerId: null }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return (await this.repo.read((tx) => tx.findAccount(id)))!;
    }
  }

  get(id: string): Promise<Account | null> {
    return this.repo.read((tx) => tx.findAccount(id));
  }

  async balanceOf(accountId: string): Promise<bigint> {
    const a = await this.get(accountId);
    if (!a) throw new LedgerError('ACCOUNT_NOT_FOUND', `no account ${accountId}`);
    return a.balance;
  }

  /** Coins in circulation: everything ever minted minus everything burnt (= −balance of the mint). */
  async totalSupply(): Promise<bigint> {
    const mint = await this.get(SYSTEM_ACCOUNT_IDS[AccountKind.MINT]);
    return mint ? -mint.balance : 0n;
  }

  /** Accounts of `kind` whose balance is above zero, in id order after `afterId`, at most `limit`. */
  withBalance(kind: AccountKind, afterId: string, limit: number): Promise<Account[]> {
    return this.repo.read(async (tx) => {
      const out: Account[] = [];
      for (const id of await tx.accountIdsWithBalance(kind, afterId, limit)) out.push((await tx.findAccount(id))!);
      return out;
    });
  }
}
