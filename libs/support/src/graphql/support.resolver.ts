import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, AuthUser, CurrentUser, UsersService } from '@wetube/identity';
import { UserError } from '@wetube/platform';
import { SupportReceivedService } from '../sessions/support-received.service';
import { SupportSettingsService, SupportView } from '../settings/support-settings.service';
import { SplitRecipient, SupportSplitsService } from '../splits/support-splits.service';
import {
  CreatorSupportType,
  SetCreatorSupportInput,
  SetCreatorSupportPayload,
  SetSupportSplitInput,
  SetSupportSplitPayload,
  SupportReceivedType,
  SupportRecipientType,
} from './support.types';

function supportType(v: SupportView): CreatorSupportType {
  return Object.assign(new CreatorSupportType(), {
    creatorId: v.creatorId,
    enabled: v.enabled,
    amountPerMinute: v.perMinute,
    dailyCeiling: v.dailyCeiling,
    paidToday: v.paidToday,
  });
}

function recipientType(r: SplitRecipient): SupportRecipientType {
  return Object.assign(new SupportRecipientType(), r);
}

/** Pay as you listen: a listener's support per creator, a creator's split and supporters. */
@Resolver()
export class SupportResolver {
  constructor(
    private readonly settings: SupportSettingsService,
    private readonly splits: SupportSplitsService,
    private readonly received: SupportReceivedService,
    private readonly users: UsersService,
  ) {}

  @Query(() => CreatorSupportType, {
    description: 'Your support of this creator (off with the default amounts when never set) and what you paid today',
  })
  @UseGuards(AuthenticatedGuard)
  async creatorSupport(
    @CurrentUser() user: AuthUser,
    @Args('creatorId', { type: () => ID }) creatorId: string,
  ): Promise<CreatorSupportType> {
    return supportType(await this.settings.view(user.id, creatorId));
  }

  @Mutation(() => SetCreatorSupportPayload, {
    description: 'Turns your per-minute support of a creator on or off, with its amount and daily ceiling',
  })
  @UseGuards(AuthenticatedGuard)
  async setCreatorSupport(@CurrentUser() user: AuthUser, @Args('input') input: SetCreatorSupportInput): Promise<SetCreatorSupportPayload> {
    if (!(await this.users.findById(input.creatorId)))
      return { support: null, userErrors: [UserError.of('creatorId', 'No such creator.', 'NOT_FOUND')] };
    const r = await this.settings.set(user.id, {
      creatorId: input.creatorId,
      enabled: input.enabled,
      perMinute: input.amountPerMinute,
      dailyCeiling: input.dailyCeiling,
    });
    return r.ok ? { support: supportType(r.support), userErrors: [] } : { support: null, userErrors: r.errors };
  }

  @Query(() => [SupportRecipientType], {
    description: "Who gets what share of what a creator's supporters pay (you, when creatorId is left out)",
  })
  @UseGuards(AuthenticatedGuard)
  async supportSplit(
    @CurrentUser() user: AuthUser,
    @Args('creatorId', { type: () => ID, nullable: true }) creatorId?: string | null,
  ): Promise<SupportRecipientType[]> {
    return (await this.splits.of(creatorId ?? user.id)).map(recipientType);
  }

  @Mutation(() => SetSupportSplitPayload, {
    description: 'Sets your split of what supporters pay: recipients by handle or email, whole percent summing to 100',
  })
  @UseGuards(AuthenticatedGuard)
  async setSupportSplit(@CurrentUser() user: AuthUser, @Args('input') input: SetSupportSplitInput): Promise<SetSupportSplitPayload> {
    const r = await this.splits.set(user.id, input.recipients);
    return r.ok ? { recipients: r.recipients.map(recipientType), userErrors: [] } : { recipients: null, userErrors: r.errors };
  }

  @Query(() => SupportReceivedType, { description: 'What your supporters paid you per minute played' })
  @UseGuards(AuthenticatedGuard)
  async supportReceived(@CurrentUser() user: AuthUser): Promise<SupportReceivedType> {
    const r = await this.received.of(user.id);
    return Object.assign(new SupportReceivedType(), {
      total: r.total,
      last30Days: r.last30Days,
      supporters: r.supporters.map((s) => ({ userId: s.listenerId, displayName: s.displayName, paid: s.paid })),
    });
  }
}
