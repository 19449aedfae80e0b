import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccountKind, CLIENT_IDEMPOTENCY_KEY_MAX, idempotencyKeyRule, isIdempotencyKey, LedgerError, LedgerService } from '@wetube/ledger';
import { AppConfig, decodeCursor, encodeCursor, isUniqueViolation } from '@wetube/platform';
import { CampaignsRepository } from './campaigns.repository';
import { checkName, LineItemDraft, normalizeCaps, normalizeTargeting, validateLineItem } from './line-item.validator';
import { Campaign, CampaignStatus, LineItem, Outcome, Outcomes, Page, refuse } from './campaigns.model';

/** The ledger key of a line item's escrow hold: one per line item, so a retry never holds twice. */
export const escrowKey = (lineItemId: string) => `ads:line-item:${lineItemId}:escrow`;
export const releaseKey = (lineItemId: string) => `ads:line-item:${lineItemId}:release`;

export interface Escrow {
  /** What the escrow still holds (0 once released). */
  balance: bigint;
  /** Paid out of escrow for impressions. */
  spent: bigint;
  /** Returned to the advertiser's wallet when the line item closed. */
  returned: bigint;
}

/**
 * Campaigns and line items of one advertiser. A line item's budget is a ledger hold placed on the
 * advertiser's wallet (two-phase: impressions settle out of it, cancelling releases the rest).
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly repo: CampaignsRepository,
    private readonly ledger: LedgerService,
    private readonly config: AppConfig,
  ) {}

  // ---- campaigns ----

  async createCampaign(advertiserId: string, name: string): Promise<Outcome<Campaign>> {
    const bad = checkName('name', name);
    if (bad) return refuse(bad.field, bad.message, bad.code);
    const c: Campaign = { id: randomUUID(), advertiserId, name: name.trim(), status: 'ACTIVE', createdAt: new Date() };
    await this.repo.insertCampaign(c);
    return { ok: true, value: c };
  }

  /** The advertiser's campaign, or null (also for another advertiser's id). */
  campaign(advertiserId: string, id: string): Promise<Campaign | null> {
    return this.repo.campaign(advertiserId, id);
  }

  /** Newest first; `after` is an endCursor of an earlier page. */
  async campaigns(
    advertiserId: string,
    first: number,
    after: string | null,
    status: CampaignStatus | null,
  ): Promise<Page<Campaign> | null> {
    const cursor = after ? decodeCursor(after) : null;
    if (after && !cursor) return null;
    const rows = await this.repo.campaigns(advertiserId, first + 1, cursor, status);
    return { items: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  async setCampaignStatus(advertiserId: string, id: string, status: CampaignStatus): Promise<Outcome<Campaign>> {
    await this.repo.setCampaignStatus(advertiserId, id, status);
    const c = await this.campaign(advertiserId, id);
    return c ? { ok: true, value: c } : refuse('id', 'No such campaign.', 'NOT_FOUND');
  }

  // ---- line items ----

  lineItem(advertiserId: string, id: string): Promise<LineItem | null> {
    return this.repo.lineItem(advertiserId, id);
  }

  async lineItems(campaignId: string, first: number, after: string | null): Promise<Page<LineItem> | null> {
    const cursor = after ? decodeCursor(after) : null;
    if (after && !cursor) return null;
    const rows = await this.repo.lineItems(campaignId, first + 1, cursor);
    return { items: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  /**
   * Validates, writes the line item as DRAFT, moves its budget from the advertiser's wallet into
   * its escrow hold (ledger key derived from the line item id), then makes it ACTIVE. A refused
   * hold (INSUFFICIENT_FUNDS, …) moved nothing and the DRAFT row is deleted: nothing is left. With
   * `idempotencyKey`, a retry answers the first line item (and finishes its funding if the first
   * call stopped half-way); the same key for another campaign or budget is IDEMPOTENCY_CONFLICT.
   */
  async createLineItem(
    advertiserId: string,
    input: LineItemDraft & { campaignId: string; idempotencyKey?: string | null },
  ): Promise<Outcomes<LineItem>> {
    const campaign = await this.campaign(advertiserId, input.campaignId);
    if (!campaign) return { ok: false, errors: [{ field: 'campaignId', message: 'No such campaign.', code: 'NOT_FOUND' }] };
    const errors = validateLineItem(input, this.config.ads.floorCpm, new Date());
    const key = input.idempotencyKey ?? null;
    if (key !== null && !isIdempotencyKey(key, CLIENT_IDEMPOTENCY_KEY_MAX))
      errors.push({
        field: 'idempotencyKey',
        message: `The idempotency key is ${idempotencyKeyRule(CLIENT_IDEMPOTENCY_KEY_MAX)}.`,
        code: 'INVALID_IDEMPOTENCY_KEY',
      });
    if (errors.length) return { ok: false, errors };
    if (key !== null) {
      const existing = await this.byKey(advertiserId, key);
      if (existing) return this.replay(existing, input);
    }
    const item: LineItem = {
      id: randomUUID(),
      campaignId: campaign.id,
      advertiserId,
      name: input.name.trim(),
      status: 'DRAFT',
      flightStart: input.flightStart,
      flightEnd: input.flightEnd,
      budget: input.budget,
      dailyCap: input.dailyCap ?? null,
      cpmBid: input.cpmBid,
      pacing: input.pacing,
      targeting: normalizeTargeting(input.targeting),
      frequencyCaps: normalizeCaps(input.frequencyCaps),
      holdId: null,
      idempotencyKey: key,
      createdAt: new Date(),
      closedAt: null,
    };
    try {
      await this.repo.insertLineItem(item);
    } catch (err) {
      // A concurrent call with the same key won the unique index: answer from its line item.
      if (!isUniqueViolation(err) || key === null) throw err;
      const existing = await this.byKey(advertiserId, key);
      if (!existing) throw err;
      return this.replay(existing, input);
    }
    return this.fund(item);
  }

  /** Places the escrow hold of a DRAFT line item and activates it (idempotent per line item). */
  private async fund(item: LineItem): Promise<Outcomes<LineItem>> {
    const wallet = await this.ledger.openAccount(AccountKind.USER_WALLET, item.advertiserId);
    let holdId: string;
    try {
      holdId = (
        await this.ledger.placeHold(
          wallet.id,
          item.budget,
          escrowKey(item.id),
          `Escrow of line item "${item.name}"`.slice(0, 500),
          AccountKind.CAMPAIGN_ESCROW,
        )
      ).hold.id;
    } catch (err) {
      if (!(err instanceof LedgerError)) throw err;
      // The ledger wrote nothing; remove the draft so the refusal leaves nothing behind.
      await this.repo.deleteDraft(item.id);
      const message =
        err.code === 'INSUFFICIENT_FUNDS' ? `Your wallet has less than the budget (${item.budget} minor units).` : err.message;
      return { ok: false, errors: [{ field: 'budget', message, code: err.code }] };
    }
    await this.repo.activate(item.id, holdId);
    return { ok: true, value: (await this.lineItem(item.advertiserId, item.id))! };
  }

  private byKey(advertiserId: string, key: string): Promise<LineItem | null> {
    return this.repo.lineItemByKey(advertiserId, key);
  }

  private async replay(existing: LineItem, input: { campaignId: string; budget: bigint }): Promise<Outcomes<LineItem>> {
    if (existing.campaignId !== input.campaignId || existing.budget !== input.budget) {
      return {
        ok: false,
        errors: [
          {
            field: 'idempotencyKey',
            message: 'This idempotency key was already used for another line item.',
            code: 'IDEMPOTENCY_CONFLICT',
          },
        ],
      };
    }
    if (existing.status === 'DRAFT') return this.fund(existing);
    return { ok: true, value: existing };
  }

  async pause(advertiserId: string, id: string): Promise<Outcome<LineItem>> {
    return this.move(advertiserId, id, 'ACTIVE', 'PAUSED');
  }

  async resume(advertiserId: string, id: string): Promise<Outcome<LineItem>> {
    return this.move(advertiserId, id, 'PAUSED', 'ACTIVE');
  }

  private async move(advertiserId: string, id: string, from: string, to: string): Promise<Outcome<LineItem>> {
    const item = await this.lineItem(advertiserId, id);
    if (!item) return refuse('id', 'No such line item.', 'NOT_FOUND');
    if (item.status === to) return { ok: true, value: item };
    await this.repo.moveStatus(id, from, to);
    const now = (await this.lineItem(advertiserId, id))!;
    if (now.status !== to)
      return refuse(
        'id',
        `The line item is ${now.status.toLowerCase()}; only ${from.toLowerCase()} ones can be ${to === 'PAUSED' ? 'paused' : 'resumed'}.`,
        'INVALID_STATUS',
      );
    return { ok: true, value: now };
  }

  /**
   * Closes the line item: releases its escrow hold (what is left goes back to the wallet, and no
   * impression can be settled from it afterwards) and marks it CANCELLED. Cancelling again answers
   * the cancelled line item.
   */
  async cancel(advertiserId: string, id: string): Promise<Outcome<LineItem>> {
    const item = await this.lineItem(advertiserId, id);
    if (!item) return refuse('id', 'No such line item.', 'NOT_FOUND');
    if (item.status === 'CANCELLED' || item.status === 'ENDED') return { ok: true, value: item };
    if (!item.holdId) return refuse('id', 'The line item is still being funded; try again.', 'INVALID_STATUS');
    const hold = await this.ledger.getHold(item.holdId);
    if (hold?.status === 'OPEN') {
      try {
        await this.ledger.releaseHold(item.holdId, releaseKey(id), `Line item "${item.name}" cancelled`.slice(0, 500));
      } catch (err) {
        // Closed by a concurrent cancel in between: what was left went back once, by that call.
        if (!(err instanceof LedgerError && err.code === 'HOLD_CLOSED')) throw err;
      }
    }
    await this.repo.close(id, 'CANCELLED', new Date());
    return { ok: true, value: (await this.lineItem(advertiserId, id))! };
  }

  /**
   * Ends the line items whose flight ended at least `graceSec` ago (the reservation time: ads served
   * before the end can still be charged): releases each escrow hold (what is left goes back to the
   * advertiser's wallet, once: the release is keyed by the line item, as a cancel's is) and marks
   * the line item ENDED. Idempotent and safe in several processes. Returns how many ended.
   */
  async endFinished(now: Date, graceSec: number, limit = 200): Promise<number> {
    const before = new Date(now.getTime() - graceSec * 1000);
    const due = await this.repo.flightsEndedBefore(before, limit);
    let ended = 0;
    for (const r of due) {
      if (r.holdId != null) {
        try {
          await this.ledger.releaseHold(r.holdId, releaseKey(r.id), `Line item "${r.name}" ended`.slice(0, 500));
        } catch (err) {
          if (!(err instanceof LedgerError && err.code === 'HOLD_CLOSED')) throw err;
        }
      }
      if (await this.repo.close(r.id, 'ENDED', now)) ended++;
    }
    return ended;
  }

  /** The escrow of a line item, from its hold (all zero while DRAFT). */
  async escrow(holdId: string | null): Promise<Escrow> {
    if (!holdId) return { balance: 0n, spent: 0n, returned: 0n };
    const hold = await this.ledger.getHold(holdId);
    if (!hold) return { balance: 0n, spent: 0n, returned: 0n };
    const balance = await this.ledger.balanceOf(hold.accountId);
    const returned = hold.status === 'OPEN' ? 0n : hold.amount - hold.paidOut;
    return { balance, spent: hold.paidOut, returned };
  }

  /** Encodes a keyset cursor for the connections. */
  cursorOf(x: { createdAt: Date; id: string }): string {
    return encodeCursor(x);
  }
}
