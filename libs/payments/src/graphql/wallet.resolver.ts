import { UseGuards } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UserError, checkFirst } from '@wetube/platform';
import { AuthenticatedGuard, AuthUser, CurrentUser, Role, Roles, UsersService } from '@wetube/identity';
import { LedgerError, LedgerService } from '@wetube/ledger';
import { GraphQLError } from 'graphql';
import { WalletService, WalletView, WalletTransaction } from '../wallet/wallet.service';
import {
  EarningsPointType,
  FaucetPayload,
  LedgerTransactionConnection,
  LedgerTransactionType,
  MintInput,
  MintPayload,
  MintRecordType,
  TransferInput,
  TransferPayload,
  WalletAccountEnum,
  WalletType,
} from './payments.types';

export function walletType(v: WalletView): WalletType {
  return Object.assign(new WalletType(), { currency: 'CLC', decimals: 6, ...v });
}

function txType(t: WalletTransaction): LedgerTransactionType {
  return Object.assign(new LedgerTransactionType(), {
    id: t.id,
    kind: t.kind,
    account: t.account as WalletAccountEnum,
    amount: t.amount,
    memo: t.memo,
    createdAt: t.createdAt,
  });
}

/** The signed-in user's wallet, history and earnings; transfers; the admin mint and the dev faucet. */
@Resolver()
export class WalletResolver {
  constructor(
    private readonly wallets: WalletService,
    private readonly ledger: LedgerService,
    private readonly users: UsersService,
  ) {}

  @Query(() => WalletType, { description: "The signed-in user's Cloudcoin wallet" })
  @UseGuards(AuthenticatedGuard)
  async wallet(@CurrentUser() user: AuthUser): Promise<WalletType> {
    return walletType(await this.wallets.view(user.id));
  }

  @Query(() => LedgerTransactionConnection, { description: "The signed-in user's ledger history, newest first" })
  @UseGuards(AuthenticatedGuard)
  async transactions(
    @CurrentUser() user: AuthUser,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<LedgerTransactionConnection> {
    checkFirst(first);
    try {
      const page = await this.wallets.transactions(user.id, first, after);
      return {
        edges: page.items.map((t) => ({ cursor: t.cursor, node: txType(t) })),
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: !!after,
          startCursor: page.items[0]?.cursor ?? null,
          endCursor: page.items.at(-1)?.cursor ?? null,
        },
      };
    } catch (err) {
      if (err instanceof LedgerError) throw new GraphQLError(err.message, { extensions: { code: 'BAD_USER_INPUT' } });
      throw err;
    }
  }

  @Query(() => [EarningsPointType], { description: 'Seeding earnings (browser and seeder nodes) per UTC day, oldest first' })
  @UseGuards(AuthenticatedGuard)
  async seedingEarnings(
    @CurrentUser() user: AuthUser,
    @Args('days', { type: () => Int, defaultValue: 30 }) days: number,
  ): Promise<EarningsPointType[]> {
    return (await this.wallets.seedingEarnings(user.id, days)).map((p) => ({ day: p.day, amount: p.amount, segments: p.entries }));
  }

  @Query(() => [EarningsPointType], { description: 'Creator revenue per UTC day, oldest first' })
  @UseGuards(AuthenticatedGuard)
  async creatorEarnings(
    @CurrentUser() user: AuthUser,
    @Args('days', { type: () => Int, defaultValue: 30 }) days: number,
  ): Promise<EarningsPointType[]> {
    return (await this.wallets.creatorEarnings(user.id, days)).map((p) => ({ day: p.day, amount: p.amount, segments: 0 }));
  }

  @Mutation(() => TransferPayload, { description: 'Sends coins from your wallet to another account' })
  @UseGuards(AuthenticatedGuard)
  async transfer(@CurrentUser() user: AuthUser, @Args('input') input: TransferInput): Promise<TransferPayload> {
    const r = await this.wallets.transfer(user.id, input.toEmail, input.amount, input.idempotencyKey, input.memo);
    if (!r.ok) return { transaction: null, wallet: null, userErrors: [UserError.of(r.field, r.message, r.code)] };
    const mine = r.entry.postings.find((p) => p.amount < 0n)!;
    return {
      transaction: Object.assign(new LedgerTransactionType(), {
        id: `${r.entry.entryId}:WALLET`,
        kind: r.entry.kind,
        account: WalletAccountEnum.WALLET,
        amount: mine.amount,
        memo: r.entry.memo,
        createdAt: r.entry.createdAt,
      }),
      wallet: walletType(await this.wallets.view(user.id)),
      userErrors: [],
    };
  }

  @Mutation(() => MintPayload, { description: 'Admin: creates coins in an account (or the bandwidth pool). The only source of supply.' })
  @UseGuards(AuthenticatedGuard)
  @Roles(Role.ADMIN)
  async mint(@CurrentUser() admin: AuthUser, @Args('input') input: MintInput): Promise<MintPayload> {
    const r = input.toEmail
      ? await this.wallets.mint(admin.id, input.toEmail, input.amount, input.idempotencyKey, input.memo)
      : await this.wallets.mintToPool(admin.id, input.amount, input.idempotencyKey);
    const totalSupply = await this.ledger.totalSupply();
    if (!r.ok) return { entryId: null, totalSupply, userErrors: [UserError.of(r.field, r.message, r.code)] };
    return { entryId: r.entry.entryId, totalSupply, userErrors: [] };
  }

  @Query(() => [MintRecordType], {
    description: 'Admin: every mint, newest first (who, to whom, how much, when, key); `before` is an entryId from an earlier page',
  })
  @UseGuards(AuthenticatedGuard)
  @Roles(Role.ADMIN)
  async mints(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('before', { type: () => String, nullable: true }) before?: string | null,
  ): Promise<MintRecordType[]> {
    checkFirst(first, 200);
    const records = await this.wallets.mintLog(first, before);
    const ids = [...new Set(records.flatMap((r) => [r.adminUserId, r.toUserId]).filter((id): id is string => !!id))];
    const emails = new Map<string, string>();
    for (const id of ids) {
      const u = await this.users.findById(id);
      if (u) emails.set(id, u.email);
    }
    return records.map((r) =>
      Object.assign(new MintRecordType(), {
        ...r,
        adminEmail: emails.get(r.adminUserId) ?? null,
        toEmail: r.toUserId ? (emails.get(r.toUserId) ?? null) : null,
      }),
    );
  }

  @Mutation(() => FaucetPayload, { description: 'Development only: 100 test CLC (FAUCET_DISABLED in production)' })
  @UseGuards(AuthenticatedGuard)
  async faucet(@CurrentUser() user: AuthUser): Promise<FaucetPayload> {
    const r = await this.wallets.faucet(user.id);
    if (!r.ok) return { wallet: null, userErrors: [UserError.of(r.field, r.message, r.code)] };
    return { wallet: walletType(await this.wallets.view(user.id)), userErrors: [] };
  }
}
