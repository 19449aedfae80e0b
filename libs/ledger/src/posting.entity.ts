import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint.transformer';
import type { Posting } from './ledger.types';

/** One account's signed share of an entry (at most one per account and entry). */
@Entity('ledger_postings')
export class PostingEntity implements Posting {
  @PrimaryColumn({ name: 'entry_id', type: 'varchar', length: 36 })
  entryId: string;

  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @Column({ type: 'bigint', transformer: bigintColumn })
  amount: bigint;
}
