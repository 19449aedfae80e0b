import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UserError, checkFirst } from '@wetube/platform';
import { AuthenticatedGuard, AuthUser, CurrentUser, Role, Roles } from '@wetube/identity';
import { AmountScalar } from '@wetube/payments';
import { GraphQLError } from 'graphql';
import { AdvertiserCaller, AdvertiserGuard, CurrentAdvertiser } from '../advertisers/advertiser.guard';
import type { AdPosition, Device, MediaKind as DecisionMediaKind } from '../decision/decision.types';
import { AdDecisionService } from '../server/ad-decision.service';
import { Campaign, CampaignStatus, Creative, LineItem, Page } from './campaigns.model';
import { CampaignsService } from './campaigns.service';
import {
  CampaignConnection,
  CampaignFilter,
  CampaignPayload,
  CampaignStatusEnum,
  CampaignType,
  CreateCampaignInput,
  CreateCreativeInput,
  CreateLineItemInput,
  CreativeApprovalEnum,
  CreativePayload,
  CreativeType,
  LineItemConnection,
  LineItemPayload,
  LineItemStatusEnum,
  LineItemType,
  PacingEnum,
  TargetingType,
} from './campaigns.types';
import { CreativesService } from './creatives.service';

const badCursor = () => new GraphQLError('after is not a cursor from this connection', { extensions: { code: 'BAD_USER_INPUT' } });
const notFound = (what: string) => new GraphQLError(`No such ${what}.`, { extensions: { code: 'NOT_FOUND' } });

function userError(field: string, message: string, code: string): UserError {
  return UserError.of(field, message, code);
}

export function campaignType(c: Campaign): CampaignType {
  return Object.assign(new CampaignType(), { id: c.id, name: c.name, status: c.status as CampaignStatusEnum, createdAt: c.createdAt });
}

export function lineItemType(l: LineItem): LineItemType {
  const t = l.targeting;
  const targeting = Object.assign(new TargetingType(), {
    categories: [...(t.categories ?? [])],
    tags: [...(t.tags ?? [])],
    devices: [...(t.devices ?? [])],
    countries: [...(t.countries ?? [])],
    dayParts: (t.dayParts ?? []).map((p) => ({ days: [...p.days], startMinute: p.startMinute, endMinute: p.endMinute })),
    timeZone: t.timeZone ?? 'UTC',
    positions: [...(t.positions ?? [])],
    mediaKinds: [...(t.mediaKinds ?? [])],
  });
  return Object.assign(new LineItemType(), {
    id: l.id,
    campaignId: l.campaignId,
    name: l.name,
    status: l.status as LineItemStatusEnum,
    flightStart: l.flightStart,
    flightEnd: l.flightEnd,
    budget: l.budget,
    dailyCap: l.dailyCap,
    cpmBid: l.cpmBid,
    pacing: l.pacing as PacingEnum,
    targeting,
    frequencyCaps: { ...l.frequencyCaps },
    createdAt: l.createdAt,
    closedAt: l.closedAt,
    holdId: l.holdId,
  });
}

function creativeType(c: Creative): CreativeType {
  return Object.assign(new CreativeType(), {
    id: c.id,
    lineItemId: c.lineItemId,
    videoId: c.videoId,
    clickThroughUrl: c.clickThroughUrl,
    approval: c.approval as CreativeApprovalEnum,
    approvedAt: c.approvedAt,
    createdAt: c.createdAt,
  });
}

function connection<T extends { id: string; createdAt: Date }, N>(
  page: Page<T>,
  after: string | null | undefined,
  cursorOf: (x: T) => string,
  node: (x: T) => N,
) {
  const edges = page.items.map((x) => ({ cursor: cursorOf(x), node: node(x) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: !!after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** The advertiser API: campaigns, line items (budgets in escrow), creatives. An advertiser sees only its own. */
@Resolver()
export class CampaignsResolver {
  constructor(
    private readonly svc: CampaignsService,
    private readonly creativeSvc: CreativesService,
    private readonly decisions: AdDecisionService,
  ) {}

  @Query(() => CampaignConnection, { description: "The calling advertiser's campaigns, newest first" })
  @UseGuards(AdvertiserGuard)
  async campaigns(
    @CurrentAdvertiser() me: AdvertiserCaller,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('filter', { type: () => CampaignFilter, nullable: true }) filter?: CampaignFilter | null,
  ): Promise<CampaignConnection> {
    checkFirst(first);
    const page = await this.svc.campaigns(me.advertiserId, first, after ?? null, (filter?.status as CampaignStatus | undefined) ?? null);
    if (!page) throw badCursor();
    return connection(page, after, (c) => this.svc.cursorOf(c), campaignType);
  }

  @Query(() => CampaignType, { description: 'One of your campaigns (NOT_FOUND for anything else)' })
  @UseGuards(AdvertiserGuard)
  async campaign(@CurrentAdvertiser() me: AdvertiserCaller, @Args('id', { type: () => ID }) id: string): Promise<CampaignType> {
    const c = await this.svc.campaign(me.advertiserId, id);
    if (!c) throw notFound('campaign');
    return campaignType(c);
  }

  @Query(() => LineItemType, { description: 'One of your line items (NOT_FOUND for anything else)' })
  @UseGuards(AdvertiserGuard)
  async lineItem(@CurrentAdvertiser() me: AdvertiserCaller, @Args('id', { type: () => ID }) id: string): Promise<LineItemType> {
    const l = await this.svc.lineItem(me.advertiserId, id);
    if (!l) throw notFound('line item');
    return lineItemType(l);
  }

  @Mutation(() => CampaignPayload)
  @UseGuards(AdvertiserGuard)
  async createCampaign(@CurrentAdvertiser() me: AdvertiserCaller, @Args('input') input: CreateCampaignInput): Promise<CampaignPayload> {
    const r = await this.svc.createCampaign(me.advertiserId, input.name);
    return r.ok
      ? { campaign: campaignType(r.value), userErrors: [] }
      : { campaign: null, userErrors: [userError(r.field, r.message, r.code)] };
  }

  @Mutation(() => CampaignPayload, {
    description: 'A paused campaign serves none of its line items (every ad server sees it within seconds); they keep their own status',
  })
  @UseGuards(AdvertiserGuard)
  async setCampaignStatus(
    @CurrentAdvertiser() me: AdvertiserCaller,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => CampaignStatusEnum }) status: CampaignStatusEnum,
  ): Promise<CampaignPayload> {
    const r = await this.svc.setCampaignStatus(me.advertiserId, id, status as CampaignStatus);
    this.decisions.invalidate(); // this process decides on the new status at once
    return r.ok
      ? { campaign: campaignType(r.value), userErrors: [] }
      : { campaign: null, userErrors: [userError(r.field, r.message, r.code)] };
  }

  @Mutation(() => LineItemPayload, {
    description: 'Moves the budget from your wallet into the line item escrow, then the line item is ACTIVE',
  })
  @UseGuards(AdvertiserGuard)
  async createLineItem(@CurrentAdvertiser() me: AdvertiserCaller, @Args('input') input: CreateLineItemInput): Promise<LineItemPayload> {
    const t = input.targeting;
    const r = await this.svc.createLineItem(me.advertiserId, {
      ...input,
      targeting: t
        ? {
            ...t,
            devices: t.devices as Device[] | null,
            positions: t.positions as AdPosition[] | null,
            mediaKinds: t.mediaKinds as DecisionMediaKind[] | null,
          }
        : null,
    });
    return r.ok
      ? { lineItem: lineItemType(r.value), userErrors: [] }
      : { lineItem: null, userErrors: r.errors.map((e) => userError(e.field, e.message, e.code)) };
  }

  @Mutation(() => LineItemPayload)
  @UseGuards(AdvertiserGuard)
  async pauseLineItem(@CurrentAdvertiser() me: AdvertiserCaller, @Args('id', { type: () => ID }) id: string): Promise<LineItemPayload> {
    const r = await this.svc.pause(me.advertiserId, id);
    this.decisions.invalidate();
    return this.lineItemPayload(r);
  }

  @Mutation(() => LineItemPayload)
  @UseGuards(AdvertiserGuard)
  async resumeLineItem(@CurrentAdvertiser() me: AdvertiserCaller, @Args('id', { type: () => ID }) id: string): Promise<LineItemPayload> {
    const r = await this.svc.resume(me.advertiserId, id);
    this.decisions.invalidate();
    return this.lineItemPayload(r);
  }

  @Mutation(() => LineItemPayload, { description: 'Closes the line item: what its escrow still holds goes back to your wallet' })
  @UseGuards(AdvertiserGuard)
  async cancelLineItem(@CurrentAdvertiser() me: AdvertiserCaller, @Args('id', { type: () => ID }) id: string): Promise<LineItemPayload> {
    const r = await this.svc.cancel(me.advertiserId, id);
    this.decisions.invalidate();
    return this.lineItemPayload(r);
  }

  @Mutation(() => CreativePayload, {
    description: 'One of your uploaded videos as an ad of the line item (auto-approved when ADS_AUTO_APPROVE is on)',
  })
  @UseGuards(AdvertiserGuard)
  async createCreative(@CurrentAdvertiser() me: AdvertiserCaller, @Args('input') input: CreateCreativeInput): Promise<CreativePayload> {
    const r = await this.creativeSvc.create(me.advertiserId, input);
    return r.ok
      ? { creative: creativeType(r.value), userErrors: [] }
      : { creative: null, userErrors: [userError(r.field, r.message, r.code)] };
  }

  @Mutation(() => CreativePayload, { description: 'Admin: approves a creative (it serves once its video is READY)' })
  @UseGuards(AuthenticatedGuard)
  @Roles(Role.ADMIN)
  async approveCreative(@CurrentUser() admin: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<CreativePayload> {
    const r = await this.creativeSvc.review(admin.id, id, true);
    return r.ok
      ? { creative: creativeType(r.value), userErrors: [] }
      : { creative: null, userErrors: [Object.assign(new UserError(), { field: ['id'], message: r.message, code: r.code })] };
  }

  private lineItemPayload(r: { ok: true; value: LineItem } | { ok: false; field: string; message: string; code: string }): LineItemPayload {
    if (r.ok) return { lineItem: lineItemType(r.value), userErrors: [] };
    return { lineItem: null, userErrors: [Object.assign(new UserError(), { field: [r.field], message: r.message, code: r.code })] };
  }
}

@Resolver(() => CampaignType)
export class CampaignFieldsResolver {
  constructor(private readonly svc: CampaignsService) {}

  @ResolveField(() => LineItemConnection, { description: 'Newest first' })
  async lineItems(
    @Parent() c: CampaignType,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<LineItemConnection> {
    checkFirst(first);
    const page = await this.svc.lineItems(c.id, first, after ?? null);
    if (!page) throw badCursor();
    return connection(page, after, (l) => this.svc.cursorOf(l), lineItemType);
  }
}

@Resolver(() => LineItemType)
export class LineItemFieldsResolver {
  constructor(
    private readonly svc: CampaignsService,
    private readonly creativeSvc: CreativesService,
  ) {}

  private escrow(l: LineItemType) {
    return this.svc.escrow(l.holdId);
  }

  @ResolveField(() => AmountScalar, { description: 'What the escrow still holds for impressions (0 once closed)' })
  async escrowBalance(@Parent() l: LineItemType): Promise<bigint> {
    return (await this.escrow(l)).balance;
  }

  @ResolveField(() => AmountScalar, { description: 'Paid out of escrow for impressions' })
  async spent(@Parent() l: LineItemType): Promise<bigint> {
    return (await this.escrow(l)).spent;
  }

  @ResolveField(() => AmountScalar, { description: 'Given back to the wallet when the line item closed' })
  async returned(@Parent() l: LineItemType): Promise<bigint> {
    return (await this.escrow(l)).returned;
  }

  @ResolveField(() => [CreativeType])
  async creatives(@Parent() l: LineItemType): Promise<CreativeType[]> {
    return (await this.creativeSvc.ofLineItem(l.id)).map(creativeType);
  }
}

@Resolver(() => CreativeType)
export class CreativeFieldsResolver {
  constructor(private readonly creativeSvc: CreativesService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'UPLOADED, PROCESSING, READY or FAILED: a creative serves only when READY and APPROVED',
  })
  async videoStatus(@Parent() c: CreativeType): Promise<string | null> {
    return this.creativeSvc.videoStatus(c.videoId);
  }
}
