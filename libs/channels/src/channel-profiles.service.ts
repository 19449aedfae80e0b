import { Injectable } from '@nestjs/common';
import { ChannelsService } from './channels.service';
import { ChannelImagesService } from './images/channel-images.service';

/** What another lib shows of someone's channel next to their name (a comment's author, a playlist's owner). */
export interface ChannelProfile {
  userId: string;
  /** Without the @, lowercase: the page is `/@handle`. */
  handle: string;
  displayName: string;
  /** 176×176 WebP, or null when the channel has no avatar. */
  avatarUrl: string | null;
  /** 48×48 WebP, or null. */
  avatarSmallUrl: string | null;
}

/**
 * The channels' public face for other libs: one query for a whole set of users (callers batch per
 * request, e.g. with a DataLoader). A user without a channel row yet gets one (first use), as
 * everywhere channels are read; an unknown user id is simply absent from the map.
 */
@Injectable()
export class ChannelProfilesService {
  constructor(
    private readonly channels: ChannelsService,
    private readonly images: ChannelImagesService,
  ) {}

  async byUserIds(userIds: readonly string[]): Promise<Map<string, ChannelProfile>> {
    const out = new Map<string, ChannelProfile>();
    if (userIds.length === 0) return out;
    for (const [id, c] of await this.channels.ensureForMany(userIds)) {
      const avatar = this.images.urls('avatar', c.avatarKey);
      out.set(id, {
        userId: id,
        handle: c.handle,
        displayName: c.displayName,
        avatarUrl: avatar.get(176) ?? null,
        avatarSmallUrl: avatar.get(48) ?? null,
      });
    }
    return out;
  }
}
