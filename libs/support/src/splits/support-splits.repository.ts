import { Injectable } from '@nestjs/common';
import { Database } from '@wetube/platform';

/** One recipient of a creator's support split. */
export interface SplitShare {
  recipientId: string;
  /** Whole percent; a creator's shares sum to 100. */
  percent: number;
}

/** `support_splits`: the creator's recipients in the order the creator gave them. */
@Injectable()
export class SupportSplitsRepository {
  constructor(private readonly db: Database) {}

  async of(creatorId: string): Promise<SplitShare[]> {
    const rows = await this.db.query(`SELECT recipient_id, percent FROM support_splits WHERE creator_id = ? ORDER BY position`, [
      creatorId,
    ]);
    return rows.map((r) => ({ recipientId: String(r.recipient_id), percent: Number(r.percent) }));
  }

  /** Replaces the creator's split with `shares` (empty: everything to the creator), in one transaction. */
  async replace(creatorId: string, shares: SplitShare[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM support_splits WHERE creator_id = ?`, [creatorId]);
      for (const [i, s] of shares.entries()) {
        await tx.query(`INSERT INTO support_splits (creator_id, recipient_id, percent, position) VALUES (?, ?, ?, ?)`, [
          creatorId,
          s.recipientId,
          s.percent,
          i,
        ]);
      }
    });
  }
}
