import { Injectable } from '@nestjs/common';
import { UserError } from '@wetube/platform';
import { checkShares } from '../support.rules';
import { Recipient, RecipientDirectory } from './recipient-directory';
import { SplitShare, SupportSplitsRepository } from './support-splits.repository';

/** A recipient of the split, as the studio shows it. */
export interface SplitRecipient extends Recipient {
  percent: number;
}

export type SplitResult = { ok: true; recipients: SplitRecipient[] } | { ok: false; errors: UserError[] };

/** The creator's split of what supporters pay: who gets which whole percent (no split: all to the creator). */
@Injectable()
export class SupportSplitsService {
  constructor(
    private readonly splits: SupportSplitsRepository,
    private readonly directory: RecipientDirectory,
  ) {}

  /** The split as it pays: the creator alone at 100 % when none was set. */
  async of(creatorId: string): Promise<SplitRecipient[]> {
    const rows = await this.splits.of(creatorId);
    const shares: SplitShare[] = rows.length > 0 ? rows : [{ recipientId: creatorId, percent: 100 }];
    const people = await this.directory.describe(shares.map((s) => s.recipientId));
    return shares.map((s) => ({
      ...(people.get(s.recipientId) ?? { userId: s.recipientId, displayName: '(deleted account)', handle: null }),
      percent: s.percent,
    }));
  }

  /** Sets the split from what the creator typed (handle or email, percent); empty: all to the creator. */
  async set(creatorId: string, input: Array<{ recipient: string; percent: number }>): Promise<SplitResult> {
    if (input.length > 20) return { ok: false, errors: [UserError.of('recipients', 'At most 20 recipients.', 'TOO_MANY_RECIPIENTS')] };
    const problems = checkShares(input.map((r) => r.percent));
    if (problems.length > 0) return { ok: false, errors: problems.map((p) => UserError.of(p.field, p.message, p.code)) };
    const shares: SplitShare[] = [];
    for (const r of input) {
      const id = await this.directory.find(r.recipient);
      if (!id)
        return {
          ok: false,
          errors: [
            UserError.of(
              'recipients',
              `No account is named ${JSON.stringify(r.recipient)} (give a channel handle or an email).`,
              'UNKNOWN_RECIPIENT',
            ),
          ],
        };
      if (shares.some((s) => s.recipientId === id))
        return {
          ok: false,
          errors: [UserError.of('recipients', `${r.recipient} is named twice; give each person one share.`, 'DUPLICATE_RECIPIENT')],
        };
      shares.push({ recipientId: id, percent: r.percent });
    }
    // The creator alone at 100 % is the same as no split.
    await this.splits.replace(creatorId, shares.length === 1 && shares[0].recipientId === creatorId ? [] : shares);
    return { ok: true, recipients: await this.of(creatorId) };
  }
}
