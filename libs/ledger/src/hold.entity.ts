import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint.transformer';
import type { HoldRecord, HoldStatus } from './ledger.types';

/** A two-phase hold: `amount` moved from the source into its own hold account (SESSION_HOLD or CAMPAIGN_ESCROW), paid out in parts. */
@Entity('ledger_holds')
export class HoldEntity implements HoldRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The hold's own account (SESSION_HOLD or CAMPAIGN_ESCROW) holding what is left. */
  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  /** Where the unspent rest goes back on release. */
  @Column({ name: 'source_account_id', type: 'varchar', length: 36 })
  sourceAccountId: string;

  @Column({ type: 'bigint', transformer: bigintColumn })
  amount: bigint;

  @Column({ name: 'paid_out', type: 'bigint', transformer: bigintColumn })
  paidOut: bigint;

  @Column({ type: 'varchar', length: 16 })
  status: HoldStatus;

  @Column({ name: 'place_entry_id', type: 'varchar', length: 36 })
  placeEntryId: string;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;

  @Column({ name: 'closed_at', type: Date, nullable: true })
  closedAt: Date | null;
}
