import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One command's effect: postings that sum to zero, recorded once per idempotency key. */
@Entity('ledger_entries')
export class JournalEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** TRANSFER, MINT, BURN, HOLD_PLACE, HOLD_SETTLE, HOLD_RELEASE or a caller's own kind. */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  /** sha256 of the command's canonical payload: a retry with other content is refused. */
  @Column({ name: 'payload_hash', type: 'varchar', length: 64 })
  payloadHash: string;

  @Column({ type: 'text', nullable: true })
  memo: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;
}
