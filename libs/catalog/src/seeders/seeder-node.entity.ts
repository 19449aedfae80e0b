import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A seeder node registered with an account: its Ed25519 key is its platform peer id in receipts. */
@Entity('seeder_nodes')
export class SeederNodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'owner_id', type: 'varchar', length: 36 })
  ownerId: string;

  /** base64url of the raw 32-byte Ed25519 public key (43 characters); unique across accounts. */
  @Column({ name: 'public_key', type: 'varchar', length: 64 })
  publicKey: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;

  /** When the node last registered (every seeder start with a token). */
  @Column({ name: 'last_seen_at', type: Date })
  lastSeenAt: Date;
}
