import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AccountKind } from './account-kind';
import { bigintColumn } from './bigint.transformer';
import type { Account } from './ledger.types';

/** A ledger account. `balance` caches the sum of its postings and moves only with them. */
@Entity('ledger_accounts')
export class AccountEntity implements Account {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  kind: AccountKind;

  /** The user, campaign or creator it belongs to; null for platform accounts and holds. */
  @Column({ name: 'owner_id', type: 'varchar', length: 36, nullable: true })
  ownerId: string | null;

  @Column({ type: 'varchar', length: 8 })
  currency: string;

  @Column({ type: 'bigint', transformer: bigintColumn })
  balance: bigint;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;
}
