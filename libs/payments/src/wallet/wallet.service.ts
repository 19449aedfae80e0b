import { Injectable } from '@nestjs/common';
import { UsersService } from '@wetube/identity';
import { AccountKind, EntryResult, HistoryCursor, HistoryRow, LedgerError, LedgerService, parseAmount } from '@wetube/ledger';
import { AppConfig, decodeKeyset, encodeKeyset } from '@wetube/platform';
import { EntitlementsService } from '../plans/entitlements.service';
import { mintCeiling } from './mint-ceiling';
import { MintRecord, MintsRepository } from './mints.repository';
import { ReceiptsRepository } from '../redeem/receipts.repository';

export type WalletAccount = 'WALLET' | 'PENDING' | 'CREATOR_REVENUE';

export interface WalletView {
  balance: bigint;
  pending: bigint;
  creatorRevenue: bigint;
  adFreeUntil: Date | null;
}

export interface WalletTransaction {
  id: string;
  kind: string;
  account: WalletAccount;
  amount: bigint;
  memo: string | null;
  createdAt: Date;
  cursor: string;
}

export interface DailyPoint {
  day: Date;
  amount: bigint;
  /** Segments paid that day (seeding); entries for other series. */
  entries: number;
}

export type MoveResult = { ok: true; entry: EntryResult } | { ok: false; code: string; field: string; message: string };

const ACCOUNT_OF: Record<string, WalletAccount> = {
  [AccountKind.USER_WALLET]: 'WALLET',
  [AccountKind.USER_PENDING]: 'PENDING',
  [AccountKind.CREATOR_REVENUE]: 'CREATOR_REVENUE',
};
const FAUCET_AMOUNT = 100_000_000n; // 100 CLC
const FAUCET_PER_DAY = 5;

/** A user's side of the ledger: wallet, pending earnings, creator revenue, history, transfers. */
@Injectable()
export class WalletService {
  constructor(
    private readonly config: AppConfig,
    private readonly ledger: LedgerService,
    private readonly users: UsersService,
    private readonly entitlements: EntitlementsService,
    private readonly mints: MintsRepository,
    private readonly receipts: ReceiptsRepository,
  ) {}

  private async accounts(userId: string) {
    return {
      wallet: await this.ledger.openAccount(AccountKind.USER_WALLET, userId),
      pending: await this.ledger.openAccount(AccountKind.USER_PENDING, userId),
      revenue: await this.ledger.openAccount(AccountKind.CREATOR_REVENUE, userId),
    };
  }

  async view(userId: string): Promise<WalletView> {
    const a = await this.accounts(userId);
    const plan = await this.entitlements.activeOf(userId);
    return {
      balance: a.wallet.balance,
      pending: a.pending.balance,
      creatorRevenue: a.revenue.balance,
      adFreeUntil: plan?.expiresAt ?? null,
    };
  }

  /** The user's postings, newest first; `after` is a cursor from an earlier page. */
  async transactions(userId: string, first: number, after?: string | null): Promise<{ items: WalletTransaction[]; hasNextPage: boolean }> {
    const a = await this.accounts(userId);
    const kindOf = new Map([a.wallet, a.pending, a.revenue].map((x) => [x.id, ACCOUNT_OF[x.kind]]));
    const rows = await this.ledger.history([...kindOf.keys()], first + 1, after ? decodeCursor(after) : undefined);
    const items = rows.slice(0, first).map((r) => ({
      id: `${r.entryId}:${kindOf.get(r.accountId)}`,
      kind: r.kind,
      account: kindOf.get(r.accountId)!,
      amount: r.amount,
      memo: r.memo,
      createdAt: r.createdAt,
      cursor: encodeCursor(r),
    }));
    return { items, hasNextPage: rows.length > first };
  }

  /** Peer rewards per UTC day over the last `days` days (days without any included). */
  async seedingEarnings(userId: string, days: number): Promise<DailyPoint[]> {
    const { n, since } = dayWindow(days);
    // Each reward row counts what its PEER_REWARD entry credited, and its segments once per credit (as the SQL join did).
    const rewards = await this.receipts.rewardsOf(userId, since);
    const credits = await this.ledger.entryCredits(rewards.map((r) => r.entryId));
    const totals = new Map<string, { amount: bigint; entries: number }>();
    for (const r of rewards) {
      const c = credits.get(r.entryId);
      if (!c) continue;
      const t = totals.get(r.day) ?? { amount: 0n, entries: 0 };
      totals.set(r.day, { amount: t.amount + c.amount, entries: t.entries + r.segments * c.postings });
    }
    return fill(n, since, totals);
  }

  /** Creator revenue per UTC day over the last `days` days. */
  async creatorEarnings(userId: string, days: number): Promise<DailyPoint[]> {
    const revenue = await this.ledger.openAccount(AccountKind.CREATOR_REVENUE, userId);
    return this.daily(revenue.id, ['CREATOR_SHARE', 'AD_REVENUE'], days);
  }

  private async daily(accountId: string, kinds: string[], days: number): Promise<DailyPoint[]> {
    const { n, since } = dayWindow(days);
    const totals = new Map((await this.ledger.dailyTotals(accountId, kinds, since)).map((t) => [t.day, t]));
    return fill(n, since, totals);
  }

  /** User to user, wallet to wallet. The key is the sender's own (scoped to them). */
  async transfer(
    fromUserId: string,
    toEmail: string,
    amountInput: unknown,
    idempotencyKey: string,
    memo?: string | null,
  ): Promise<MoveResult> {
    const to = await this.users.findByEmail(
      String(toEmail ?? '')
        .trim()
        .toLowerCase(),
    );
    if (!to)
      return { ok: false, code: 'RECIPIENT_NOT_FOUND', field: 'toEmail', message: `No account has the email ${JSON.stringify(toEmail)}.` };
    if (to.id === fromUserId) return { ok: false, code: 'SELF_TRANSFER', field: 'toEmail', message: 'You cannot send coins to yourself.' };
    return this.move('amount', async () => {
      const amount = parseAmount(amountInput);
      const from = await this.ledger.openAccount(AccountKind.USER_WALLET, fromUserId);
      const dest = await this.ledger.openAccount(AccountKind.USER_WALLET, to.id);
      return this.ledger.transfer(from.id, dest.id, amount, `transfer:${fromUserId}:${idempotencyKey}`, memo ?? undefined);
    });
  }

  /** Admin: new coins into a user's wallet (the only way, with the dev faucet, that supply grows). */
  /** Within MINT_MAX_PER_CALL and MINT_MAX_PER_DAY (MINT_LIMIT_EXCEEDED otherwise, nothing moved); each mint lands in the audit list. */
  async mint(
    adminUserId: string,
    toEmail: string,
    amountInput: unknown,
    idempotencyKey: string,
    memo?: string | null,
  ): Promise<MoveResult> {
    const to = await this.users.findByEmail(
      String(toEmail ?? '')
        .trim()
        .toLowerCase(),
    );
    if (!to)
      return { ok: false, code: 'RECIPIENT_NOT_FOUND', field: 'toEmail', message: `No account has the email ${JSON.stringify(toEmail)}.` };
    return this.move('amount', async () => {
      const amount = parseAmount(amountInput);
      const dest = await this.ledger.openAccount(AccountKind.USER_WALLET, to.id);
      const key = `mint:${idempotencyKey}`;
      const text = memo ?? 'Minted by an admin';
      const hooks = mintCeiling(this.mints, this.config.mintLimits, {
        adminUserId,
        toUserId: to.id,
        toAccountKind: AccountKind.USER_WALLET,
        idempotencyKey: key,
        memo: text,
      });
      return this.ledger.mint(dest.id, amount, key, text, hooks);
    });
  }

  /** Admin: new coins into the platform bandwidth pool (pays peers of sessions without ad revenue); same ceilings and audit. */
  async mintToPool(adminUserId: string, amountInput: unknown, idempotencyKey: string): Promise<MoveResult> {
    return this.move('amount', async () => {
      const pool = await this.ledger.systemAccount(AccountKind.BANDWIDTH_POOL);
      const key = `mint:${idempotencyKey}`;
      const text = 'Bandwidth pool funding';
      const hooks = mintCeiling(this.mints, this.config.mintLimits, {
        adminUserId,
        toUserId: null,
        toAccountKind: AccountKind.BANDWIDTH_POOL,
        idempotencyKey: key,
        memo: text,
      });
      return this.ledger.mint(pool.id, parseAmount(amountInput), key, text, hooks);
    });
  }

  /** The admin mints, newest first (`before`: an entry id from an earlier page). */
  async mintLog(first: number, before?: string | null): Promise<MintRecord[]> {
    return this.mints.list(first, before);
  }

  /** Development only: 100 test CLC, at most five times a day per user. */
  async faucet(userId: string, now = new Date()): Promise<MoveResult> {
    if (!this.config.payments.faucet)
      return { ok: false, code: 'FAUCET_DISABLED', field: 'faucet', message: 'The test-coin faucet is off on this server.' };
    const day = now.toISOString().slice(0, 10);
    const wallet = await this.ledger.openAccount(AccountKind.USER_WALLET, userId);
    for (let i = 1; i <= FAUCET_PER_DAY; i++) {
      const key = `faucet:${userId}:${day}:${i}`;
      if (await this.ledger.entryByKey(key)) continue;
      const r = await this.move('faucet', () => this.ledger.mint(wallet.id, FAUCET_AMOUNT, key, 'Test coins from the development faucet'));
      if (r.ok && r.entry.replayed) continue; // a concurrent call took this slot
      return r;
    }
    return {
      ok: false,
      code: 'FAUCET_LIMIT',
      field: 'faucet',
      message: `The faucet gives ${FAUCET_PER_DAY} times a day; come back tomorrow.`,
    };
  }

  private async move(field: string, run: () => Promise<EntryResult>): Promise<MoveResult> {
    try {
      return { ok: true, entry: await run() };
    } catch (err) {
      if (!(err instanceof LedgerError)) throw err;
      const message = err.code === 'INSUFFICIENT_FUNDS' ? 'Your wallet does not hold that much.' : err.message;
      return {
        ok: false,
        code: err.code,
        field: [
          'MINT_LIMIT_EXCEEDED',
          'INVALID_AMOUNT',
          'NEGATIVE_AMOUNT',
          'ZERO_AMOUNT',
          'AMOUNT_TOO_LARGE',
          'UNSAFE_NUMBER',
          'INSUFFICIENT_FUNDS',
        ].includes(err.code)
          ? field
          : 'idempotencyKey',
        message,
      };
    }
  }
}

/** The last `days` UTC days (1–366), today included. */
function dayWindow(days: number): { n: number; since: Date } {
  const n = Math.min(Math.max(Math.trunc(days), 1), 366);
  const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
  return { n, since: new Date(today.getTime() - (n - 1) * 86_400_000) };
}

/** One point per day, days without totals at zero. */
function fill(n: number, since: Date, totals: Map<string, { amount: bigint; entries: number }>): DailyPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(since.getTime() + i * 86_400_000);
    const t = totals.get(day.toISOString().slice(0, 10));
    return { day, amount: t?.amount ?? 0n, entries: t?.entries ?? 0 };
  });
}

function encodeCursor(r: HistoryRow): string {
  return encodeKeyset([r.createdAt, r.entryId, r.accountId]);
}

function decodeCursor(text: string): HistoryCursor {
  const [t, entryId, accountId] = decodeKeyset(text, 3) ?? [];
  const createdAt = new Date(t as string);
  if (Number.isNaN(createdAt.getTime()) || typeof entryId !== 'string' || typeof accountId !== 'string')
    throw new LedgerError('INVALID_COMMAND', 'after: not a cursor from this connection');
  return { createdAt, entryId, accountId };
}
