/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AdDevice = 'DESKTOP' | 'MOBILE' | 'TABLET' | 'TV';

export type AdPosition = 'MIDROLL' | 'PREROLL';

export type AdReportFilterInput = {
  campaignId?: string | number | null | undefined;
  /** Inclusive: ads served at or after */
  from?: string | null | undefined;
  lineItemId?: string | number | null | undefined;
  /** Exclusive: ads served before */
  to?: string | null | undefined;
};

/** An audio item's tags (read from the file at upload): a field left out stays, "" or null clears it */
export type AudioTagsInput = {
  album?: string | null | undefined;
  artist?: string | null | undefined;
  genre?: string | null | undefined;
  /** 1–9999 */
  trackNumber?: number | null | undefined;
  /** 1000–2100 */
  year?: number | null | undefined;
};

export type BuyPlanInput = {
  /** Your key for this purchase (e.g. a UUID made per click): a retry with it never buys twice */
  idempotencyKey: string;
  planId: string | number;
};

export type CampaignStatus = 'ACTIVE' | 'PAUSED';

export type ChannelLinkInput = {
  /** Defaults to the host name */
  title?: string | null | undefined;
  url: string;
};

/** How a channel lists its videos */
export type ChannelVideoOrder = 'MOST_VIEWED' | 'NEWEST' | 'OLDEST';

/** NEWEST first, or TOP: most liked first, then most replies, then newest */
export type CommentOrder = 'NEWEST' | 'TOP';

export type CreateAdvertiserApiKeyInput = {
  /** A label for you, e.g. "reporting server" */
  name: string;
};

export type CreateCampaignInput = {
  name: string;
};

export type CreateCreativeInput = {
  /** Absolute http:// or https:// URL */
  clickThroughUrl: string;
  lineItemId: string | number;
  /** One of your own uploads */
  videoId: string | number;
};

export type CreateLineItemInput = {
  /** Moved from your wallet into the line item escrow now (INSUFFICIENT_FUNDS when it has less) */
  budget: string;
  campaignId: string | number;
  /** At least the platform floor (ADS_FLOOR_CPM), a whole multiple of 1000 minor units */
  cpmBid: string;
  /** Most spent per local day (targeting.timeZone); at most the budget */
  dailyCap?: string | null | undefined;
  /** Exclusive; after flightStart and after now */
  flightEnd: string;
  flightStart: string;
  frequencyCaps?: FrequencyCapsInput | null | undefined;
  /** Your key for this line item (e.g. a UUID per click): a retry with it never creates or funds a second one */
  idempotencyKey?: string | null | undefined;
  name: string;
  pacing?: Pacing;
  targeting?: TargetingInput | null | undefined;
};

export type CreatePlaylistInput = {
  description?: string | null | undefined;
  /** PLAYLIST when omitted */
  kind?: PlaylistKind | null | undefined;
  /** Podcast fields (kind SHOW only) */
  show?: ShowInput | null | undefined;
  title: string;
  /** A first video to add */
  videoId?: string | number | null | undefined;
  /** PRIVATE when omitted */
  visibility?: Visibility | null | undefined;
};

export type CreativeApproval = 'APPROVED' | 'PENDING' | 'REJECTED';

export type DayPartInput = {
  /** 0 = Sunday … 6 = Saturday */
  days: Array<number>;
  /** Local minute it closes, exclusive (0–1440); below startMinute: runs past midnight */
  endMinute: number;
  /** Local minute of the day the window opens (0–1439) */
  startMinute: number;
};

export type FrequencyCapsInput = {
  lifetime?: number | null | undefined;
  /** Per viewer, rolling 24 hours */
  perDay?: number | null | undefined;
  /** Per viewer, rolling hour; null = no cap, 0 = never */
  perHour?: number | null | undefined;
  /** Per ad break (default 1) */
  perPod?: number | null | undefined;
  /** Per playback session */
  perStream?: number | null | undefined;
};

/** DRAFT only while the budget moves into escrow; only ACTIVE serves */
export type LineItemStatus = 'ACTIVE' | 'CANCELLED' | 'DRAFT' | 'ENDED' | 'PAUSED';

export type MediaKind = 'AUDIO' | 'VIDEO';

/** EVEN: spread over the flight (and the day, with a daily cap); ASAP: no throttling */
export type Pacing = 'ASAP' | 'EVEN';

export type PlaybackHeartbeatInput = {
  /** Of watchedSeconds, the seconds played while the page was visible or the sound on (a muted background tab is not); absent: all of them. What pay-as-you-listen support pays for */
  attendedSeconds?: number | null | undefined;
  /** True when the viewer left (the session is over); false for a heartbeat */
  ended?: boolean;
  sessionId: string | number;
  /** Seconds of the video played in this session so far */
  watchedSeconds: number;
};

export type PlaylistKind = 'ALBUM' | 'PLAYLIST' | 'SHOW';

/** What an account may do */
export type Role = 'ADMIN' | 'ADVERTISER' | 'CREATOR' | 'VIEWER';

/** SHORT < 4 min, MEDIUM 4–20 min, LONG > 20 min */
export type SearchDuration = 'LONG' | 'MEDIUM' | 'SHORT';

/** Narrows a search; every part is optional */
export type SearchFilter = {
  duration?: SearchDuration | null | undefined;
  /** VIDEO: items with a picture; AUDIO: audio-only items (songs, podcast episodes) */
  type?: SearchItemType | null | undefined;
  uploadDate?: SearchUploadDate | null | undefined;
};

/** VIDEO, or AUDIO (audio-only items: songs, podcast episodes) */
export type SearchItemType = 'AUDIO' | 'VIDEO';

/** RELEVANCE (default), DATE (newest first) or VIEWS (most viewed first, newest first among equals) */
export type SearchOrder = 'DATE' | 'RELEVANCE' | 'VIEWS';

/** Uploaded within the last HOUR, TODAY (24 h), WEEK (7 days), MONTH (30 days) or YEAR (365 days) */
export type SearchUploadDate = 'HOUR' | 'MONTH' | 'TODAY' | 'WEEK' | 'YEAR';

export type SetCreatorSupportInput = {
  amountPerMinute: string;
  creatorId: string | number;
  dailyCeiling: string;
  enabled: boolean;
};

export type SetSupportSplitInput = {
  /** Shares summing to 100 (include yourself); empty: all to you */
  recipients: Array<SupportRecipientInput>;
};

/** Podcast fields of a SHOW; omitted ones stay as they are */
export type ShowInput = {
  author?: string | null | undefined;
  /** One of the Apple Podcasts categories (e.g. "Technology", "Society & Culture") */
  category?: string | null | undefined;
  explicit?: boolean | null | undefined;
  /** BCP 47 (en, en-US, de-CH…) */
  language?: string | null | undefined;
  locked?: boolean | null | undefined;
  /** A subcategory of the category (empty: none) */
  subcategory?: string | null | undefined;
};

export type StartPlaybackInput = {
  /** The viewer's ephemeral Ed25519 session public key: 32 raw bytes, base64url */
  sessionPublicKey: string;
  videoId: string | number;
};

export type SupportRecipientInput = {
  percent: number;
  /** A channel handle (@name) or an account email */
  recipient: string;
};

export type TargetingInput = {
  /** Video categories; empty or left out: any */
  categories?: Array<string> | null | undefined;
  /** ISO 3166-1 alpha-2 codes (from the deployment country header) */
  countries?: Array<string> | null | undefined;
  dayParts?: Array<DayPartInput> | null | undefined;
  devices?: Array<AdDevice> | null | undefined;
  /** Serve only in VIDEO items or only in AUDIO ones (songs, podcasts); empty or left out: both. A creative serves only in items of its own kind: an audio upload is an audio creative. */
  mediaKinds?: Array<MediaKind> | null | undefined;
  positions?: Array<AdPosition> | null | undefined;
  tags?: Array<string> | null | undefined;
  /** IANA time zone, default UTC */
  timeZone?: string | null | undefined;
};

export type TransferInput = {
  amount: string;
  idempotencyKey: string;
  memo?: string | null | undefined;
  /** The recipient's account email */
  toEmail: string;
};

export type UpdateChannelInput = {
  /** At most 1,000 characters */
  description?: string | null | undefined;
  /** The channel's name (the account's display name), 1-80 characters */
  displayName?: string | null | undefined;
  /** 3-30 of a-z 0-9 . _ - (an @ in front and capitals are fine) */
  handle?: string | null | undefined;
  /** Replaces the links; at most 5 */
  links?: Array<ChannelLinkInput> | null | undefined;
};

export type UpdatePlaylistInput = {
  description?: string | null | undefined;
  id: string | number;
  kind?: PlaylistKind | null | undefined;
  /** Podcast fields (kind SHOW only) */
  show?: ShowInput | null | undefined;
  title?: string | null | undefined;
  visibility?: Visibility | null | undefined;
};

export type UpdateVideoInput = {
  /** AUDIO items only: artist, album, genre, track number, year */
  audioTags?: AudioTagsInput | null | undefined;
  /** One of videoCategories; "" for none. Omit to keep it. */
  category?: string | null | undefined;
  /** true: back to the platform's default mid-rolls (every 8 minutes for videos over 10 minutes) */
  defaultMidrolls?: boolean | null | undefined;
  description?: string | null | undefined;
  id: string | number;
  /** Mid-roll ad breaks, whole seconds from the start (snapped to the segment grid when served); [] for none. Omit to keep them. */
  midrolls?: Array<number> | null | undefined;
  tags?: Array<string> | null | undefined;
  title?: string | null | undefined;
  visibility?: Visibility | null | undefined;
};

/** An account's rating of a video: LIKE, DISLIKE, or NONE (no rating) */
export type VideoRating = 'DISLIKE' | 'LIKE' | 'NONE';

export type VideoStatus = 'FAILED' | 'PROCESSING' | 'READY' | 'UPLOADED';

export type Visibility = 'PRIVATE' | 'PUBLIC' | 'UNLISTED';

/** Which of the user's ledger accounts a transaction moved */
export type WalletAccount = 'CREATOR_REVENUE' | 'PENDING' | 'WALLET';

export type HomeQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type HomeQuery = {
  videos: {
    totalCount: number;
    edges: Array<{
      cursor: string;
      node: {
        id: string;
        title: string;
        kind: MediaKind;
        durationSec: number | null;
        createdAt: string;
        posterUrl: string | null;
        status: VideoStatus;
        progress: number;
        viewCount: number;
        owner: { id: string; displayName: string };
        channel: { handle: string } | null;
        viewerProgress: { positionSec: number; finished: boolean } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type ChannelPageQueryVariables = Exact<{
  handle: string;
}>;

export type ChannelPageQuery = {
  channel: {
    id: string;
    handle: string;
    displayName: string;
    description: string;
    avatarUrl: string | null;
    avatarSmallUrl: string | null;
    bannerUrl: string | null;
    createdAt: string;
    viewerIsOwner: boolean;
    viewerIsSubscribed: boolean;
    subscriberCount: number;
    videoCount: number;
    links: Array<{ title: string; url: string }>;
  } | null;
};

export type ChannelPlaylistsQueryVariables = Exact<{
  handle: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ChannelPlaylistsQuery = {
  channel: {
    id: string;
    playlists: {
      totalCount: number;
      edges: Array<{ node: { id: string; title: string; visibility: Visibility; itemCount: number; thumbnailUrl: string | null } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
};

export type ChannelVideosQueryVariables = Exact<{
  handle: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  orderBy?: ChannelVideoOrder | null | undefined;
}>;

export type ChannelVideosQuery = {
  channel: {
    id: string;
    videos: {
      totalCount: number;
      edges: Array<{
        node: {
          id: string;
          title: string;
          kind: MediaKind;
          durationSec: number | null;
          createdAt: string;
          posterUrl: string | null;
          status: VideoStatus;
          progress: number;
          viewCount: number;
          owner: { id: string; displayName: string };
          channel: { handle: string } | null;
          viewerProgress: { positionSec: number; finished: boolean } | null;
        };
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
};

export type LibraryHistoryQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type LibraryHistoryQuery = {
  historySettings: { paused: boolean };
  watchHistory: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: {
        video: {
          id: string;
          title: string;
          kind: MediaKind;
          durationSec: number | null;
          createdAt: string;
          posterUrl: string | null;
          status: VideoStatus;
          progress: number;
          viewCount: number;
          owner: { id: string; displayName: string };
          channel: { handle: string } | null;
          viewerProgress: { positionSec: number; finished: boolean } | null;
        };
        progress: { watchedAt: string };
      };
    }>;
  };
};

export type SetHistoryPausedMutationVariables = Exact<{
  paused: boolean;
}>;

export type SetHistoryPausedMutation = { setHistoryPaused: { paused: boolean } };

export type ClearWatchHistoryMutationVariables = Exact<{ [key: string]: never }>;

export type ClearWatchHistoryMutation = { clearWatchHistory: { removedCount: number } };

export type RemoveFromHistoryMutationVariables = Exact<{
  videoId: string | number;
}>;

export type RemoveFromHistoryMutation = { removeFromHistory: { removed: boolean } };

export type UpdatePlaylistMutationVariables = Exact<{
  input: UpdatePlaylistInput;
}>;

export type UpdatePlaylistMutation = {
  updatePlaylist: {
    playlist: { id: string; title: string; visibility: Visibility; kind: PlaylistKind } | null;
    userErrors: Array<{ code: string; message: string }>;
  };
};

export type DeletePlaylistMutationVariables = Exact<{
  id: string | number;
}>;

export type DeletePlaylistMutation = {
  deletePlaylist: { deletedPlaylistId: string | null; userErrors: Array<{ code: string; message: string }> };
};

export type SearchQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: SearchFilter | null | undefined;
  orderBy?: SearchOrder | null | undefined;
}>;

export type SearchQuery = {
  search: {
    totalCount: number;
    corrections: Array<{ word: string; matchedAs: Array<string> }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      cursor: string;
      channelName: string | null;
      channelHandle: string | null;
      node: {
        description: string;
        id: string;
        title: string;
        kind: MediaKind;
        durationSec: number | null;
        createdAt: string;
        posterUrl: string | null;
        status: VideoStatus;
        progress: number;
        viewCount: number;
        owner: { id: string; displayName: string };
        channel: { handle: string } | null;
        viewerProgress: { positionSec: number; finished: boolean } | null;
      };
    }>;
  };
};

export type StudioQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type StudioQuery = {
  myVideos: {
    totalCount: number;
    edges: Array<{
      cursor: string;
      node: {
        category: string | null;
        midrolls: Array<number>;
        midrollsAreDefault: boolean;
        canRetry: boolean;
        coverUploaded: boolean;
        id: string;
        title: string;
        description: string;
        tags: Array<string>;
        visibility: Visibility;
        status: VideoStatus;
        progress: number;
        failureReason: string | null;
        durationSec: number | null;
        width: number | null;
        height: number | null;
        createdAt: string;
        posterUrl: string | null;
        masterUrl: string | null;
        storyboardUrl: string | null;
        kind: MediaKind;
        viewerCanEdit: boolean;
        renditions: Array<{ name: string; width: number; height: number; bandwidth: number; codecs: string }>;
        owner: { id: string; displayName: string };
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type MyChannelQueryVariables = Exact<{ [key: string]: never }>;

export type MyChannelQuery = {
  myChannel: {
    id: string;
    handle: string;
    displayName: string;
    description: string;
    avatarUrl: string | null;
    avatarSmallUrl: string | null;
    bannerUrl: string | null;
    createdAt: string;
    viewerIsOwner: boolean;
    viewerIsSubscribed: boolean;
    subscriberCount: number;
    videoCount: number;
    links: Array<{ title: string; url: string }>;
  };
};

export type UpdateChannelMutationVariables = Exact<{
  input: UpdateChannelInput;
}>;

export type UpdateChannelMutation = {
  updateChannel: {
    channel: {
      id: string;
      handle: string;
      displayName: string;
      description: string;
      avatarUrl: string | null;
      avatarSmallUrl: string | null;
      bannerUrl: string | null;
      createdAt: string;
      viewerIsOwner: boolean;
      viewerIsSubscribed: boolean;
      subscriberCount: number;
      videoCount: number;
      links: Array<{ title: string; url: string }>;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type StudioVideoFragment = {
  category: string | null;
  midrolls: Array<number>;
  midrollsAreDefault: boolean;
  canRetry: boolean;
  coverUploaded: boolean;
  id: string;
  title: string;
  description: string;
  tags: Array<string>;
  visibility: Visibility;
  status: VideoStatus;
  progress: number;
  failureReason: string | null;
  durationSec: number | null;
  width: number | null;
  height: number | null;
  createdAt: string;
  posterUrl: string | null;
  masterUrl: string | null;
  storyboardUrl: string | null;
  kind: MediaKind;
  viewerCanEdit: boolean;
  renditions: Array<{ name: string; width: number; height: number; bandwidth: number; codecs: string }>;
  owner: { id: string; displayName: string };
};

export type StudioCaptionsQueryVariables = Exact<{
  id: string | number;
}>;

export type StudioCaptionsQuery = {
  video: {
    id: string;
    captions: Array<{ language: string; label: string; url: string; cueCount: number; sourceFormat: string; updatedAt: string }>;
  } | null;
};

export type DeleteCaptionMutationVariables = Exact<{
  videoId: string | number;
  language: string;
}>;

export type DeleteCaptionMutation = {
  deleteCaption: { deletedLanguage: string | null; userErrors: Array<{ field: Array<string>; message: string; code: string }> };
};

export type StudioVideoRefreshQueryVariables = Exact<{
  id: string | number;
}>;

export type StudioVideoRefreshQuery = {
  video: {
    category: string | null;
    midrolls: Array<number>;
    midrollsAreDefault: boolean;
    canRetry: boolean;
    coverUploaded: boolean;
    id: string;
    title: string;
    description: string;
    tags: Array<string>;
    visibility: Visibility;
    status: VideoStatus;
    progress: number;
    failureReason: string | null;
    durationSec: number | null;
    width: number | null;
    height: number | null;
    createdAt: string;
    posterUrl: string | null;
    masterUrl: string | null;
    storyboardUrl: string | null;
    kind: MediaKind;
    viewerCanEdit: boolean;
    renditions: Array<{ name: string; width: number; height: number; bandwidth: number; codecs: string }>;
    owner: { id: string; displayName: string };
  } | null;
};

export type StudioProgressQueryVariables = Exact<{
  id: string | number;
}>;

export type StudioProgressQuery = { video: { status: VideoStatus; progress: number; failureReason: string | null } | null };

export type DeleteVideoMutationVariables = Exact<{
  id: string | number;
}>;

export type DeleteVideoMutation = {
  deleteVideo: { deletedVideoId: string | null; userErrors: Array<{ field: Array<string>; message: string; code: string }> };
};

export type RetryVideoMutationVariables = Exact<{
  id: string | number;
}>;

export type RetryVideoMutation = {
  retryVideo: {
    video: { id: string; status: VideoStatus; progress: number; failureReason: string | null; canRetry: boolean } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type UpdateVideoMutationVariables = Exact<{
  input: UpdateVideoInput;
}>;

export type UpdateVideoMutation = {
  updateVideo: {
    video: {
      id: string;
      title: string;
      description: string;
      tags: Array<string>;
      visibility: Visibility;
      category: string | null;
      midrolls: Array<number>;
      midrollsAreDefault: boolean;
      kind: MediaKind;
      audio: { artist: string | null; album: string | null; genre: string | null; trackNumber: number | null; year: number | null } | null;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type StudioAudioTagsQueryVariables = Exact<{
  id: string | number;
}>;

export type StudioAudioTagsQuery = {
  video: {
    id: string;
    kind: MediaKind;
    audio: { artist: string | null; album: string | null; genre: string | null; trackNumber: number | null; year: number | null } | null;
  } | null;
};

export type SubscriptionsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  withChannels: boolean;
}>;

export type SubscriptionsPageQuery = {
  subscriptionFeed: {
    edges: Array<{
      node: {
        id: string;
        title: string;
        kind: MediaKind;
        durationSec: number | null;
        createdAt: string;
        posterUrl: string | null;
        status: VideoStatus;
        progress: number;
        viewCount: number;
        owner: { id: string; displayName: string };
        channel: { handle: string } | null;
        viewerProgress: { positionSec: number; finished: boolean } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  mySubscriptions?: {
    totalCount: number;
    edges: Array<{ node: { id: string; handle: string; displayName: string; avatarUrl: string | null } }>;
  };
};

export type UploadStatusQueryVariables = Exact<{
  id: string | number;
}>;

export type UploadStatusQuery = { video: { status: VideoStatus; progress: number; failureReason: string | null } | null };

export type MineQueryVariables = Exact<{ [key: string]: never }>;

export type MineQuery = { myVideos: { edges: Array<{ node: { id: string; title: string; createdAt: string } }> } };

export type WatchQueryVariables = Exact<{
  id: string | number;
}>;

export type WatchQuery = {
  video: {
    viewerPlaylistIds: Array<string>;
    id: string;
    title: string;
    description: string;
    tags: Array<string>;
    visibility: Visibility;
    status: VideoStatus;
    progress: number;
    failureReason: string | null;
    durationSec: number | null;
    width: number | null;
    height: number | null;
    createdAt: string;
    posterUrl: string | null;
    masterUrl: string | null;
    storyboardUrl: string | null;
    kind: MediaKind;
    viewerCanEdit: boolean;
    viewCount: number;
    likeCount: number;
    dislikeCount: number;
    viewerRating: VideoRating;
    viewerProgress: { positionSec: number; finished: boolean; resumeAtSec: number | null } | null;
    renditions: Array<{ name: string; width: number; height: number; bandwidth: number; codecs: string }>;
    owner: { id: string; displayName: string };
  } | null;
};

export type WatchChannelQueryVariables = Exact<{
  id: string | number;
}>;

export type WatchChannelQuery = {
  video: {
    id: string;
    channel: {
      id: string;
      handle: string;
      displayName: string;
      avatarSmallUrl: string | null;
      subscriberCount: number;
      viewerIsSubscribed: boolean;
      viewerIsOwner: boolean;
    } | null;
  } | null;
};

export type CommentFieldsFragment = {
  id: string;
  parentId: string | null;
  body: string;
  createdAt: string;
  editedAt: string | null;
  edited: boolean;
  deleted: boolean;
  hidden: boolean;
  replyCount: number;
  likeCount: number;
  viewerHasLiked: boolean;
  viewerIsAuthor: boolean;
  viewerCanEdit: boolean;
  viewerCanDelete: boolean;
  viewerCanHide: boolean;
  authorIsVideoOwner: boolean;
  author: { id: string; displayName: string; handle: string | null; avatarUrl: string | null } | null;
};

export type VideoCommentsQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
  orderBy: CommentOrder;
}>;

export type VideoCommentsQuery = {
  video: {
    id: string;
    commentCount: number;
    comments: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{
        node: {
          id: string;
          parentId: string | null;
          body: string;
          createdAt: string;
          editedAt: string | null;
          edited: boolean;
          deleted: boolean;
          hidden: boolean;
          replyCount: number;
          likeCount: number;
          viewerHasLiked: boolean;
          viewerIsAuthor: boolean;
          viewerCanEdit: boolean;
          viewerCanDelete: boolean;
          viewerCanHide: boolean;
          authorIsVideoOwner: boolean;
          author: { id: string; displayName: string; handle: string | null; avatarUrl: string | null } | null;
        };
      }>;
    };
  } | null;
};

export type CommentRepliesQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;

export type CommentRepliesQuery = {
  comment: {
    id: string;
    replies: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{
        node: {
          id: string;
          parentId: string | null;
          body: string;
          createdAt: string;
          editedAt: string | null;
          edited: boolean;
          deleted: boolean;
          hidden: boolean;
          replyCount: number;
          likeCount: number;
          viewerHasLiked: boolean;
          viewerIsAuthor: boolean;
          viewerCanEdit: boolean;
          viewerCanDelete: boolean;
          viewerCanHide: boolean;
          authorIsVideoOwner: boolean;
          author: { id: string; displayName: string; handle: string | null; avatarUrl: string | null } | null;
        };
      }>;
    };
  } | null;
};

export type AddCommentMutationVariables = Exact<{
  videoId: string | number;
  body: string;
}>;

export type AddCommentMutation = {
  addComment: {
    comment: {
      id: string;
      parentId: string | null;
      body: string;
      createdAt: string;
      editedAt: string | null;
      edited: boolean;
      deleted: boolean;
      hidden: boolean;
      replyCount: number;
      likeCount: number;
      viewerHasLiked: boolean;
      viewerIsAuthor: boolean;
      viewerCanEdit: boolean;
      viewerCanDelete: boolean;
      viewerCanHide: boolean;
      authorIsVideoOwner: boolean;
      author: { id: string; displayName: string; handle: string | null; avatarUrl: string | null } | null;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type ReplyToCommentMutationVariables = Exact<{
  commentId: string | number;
  body: string;
}>;

export type ReplyToCommentMutation = {
  replyToComment: {
    comment: {
      id: string;
      parentId: string | null;
      body: string;
      createdAt: string;
      editedAt: string | null;
      edited: boolean;
      deleted: boolean;
      hidden: boolean;
      replyCount: number;
      likeCount: number;
      viewerHasLiked: boolean;
      viewerIsAuthor: boolean;
      viewerCanEdit: boolean;
      viewerCanDelete: boolean;
      viewerCanHide: boolean;
      authorIsVideoOwner: boolean;
      author: { id: string; displayName: string; handle: string | null; avatarUrl: string | null } | null;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type EditCommentMutationVariables = Exact<{
  id: string | number;
  body: string;
}>;

export type EditCommentMutation = {
  editComment: {
    comment: {
      id: string;
      parentId: string | null;
      body: string;
      createdAt: string;
      editedAt: string | null;
      edited: boolean;
      deleted: boolean;
      hidden: boolean;
      replyCount: number;
      likeCount: number;
      viewerHasLiked: boolean;
      viewerIsAuthor: boolean;
      viewerCanEdit: boolean;
      viewerCanDelete: boolean;
      viewerCanHide: boolean;
      authorIsVideoOwner: boolean;
      author: { id: string; displayName: string; handle: string | null; avatarUrl: string | null } | null;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type DeleteCommentMutationVariables = Exact<{
  id: string | number;
}>;

export type DeleteCommentMutation = {
  deleteComment: { deletedCommentId: string | null; userErrors: Array<{ field: Array<string>; message: string; code: string }> };
};

export type SetCommentHiddenMutationVariables = Exact<{
  id: string | number;
  hidden: boolean;
}>;

export type SetCommentHiddenMutation = {
  setCommentHidden: {
    comment: {
      id: string;
      parentId: string | null;
      body: string;
      createdAt: string;
      editedAt: string | null;
      edited: boolean;
      deleted: boolean;
      hidden: boolean;
      replyCount: number;
      likeCount: number;
      viewerHasLiked: boolean;
      viewerIsAuthor: boolean;
      viewerCanEdit: boolean;
      viewerCanDelete: boolean;
      viewerCanHide: boolean;
      authorIsVideoOwner: boolean;
      author: { id: string; displayName: string; handle: string | null; avatarUrl: string | null } | null;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type SetCommentLikedMutationVariables = Exact<{
  id: string | number;
  liked: boolean;
}>;

export type SetCommentLikedMutation = {
  setCommentLiked: {
    comment: {
      id: string;
      parentId: string | null;
      body: string;
      createdAt: string;
      editedAt: string | null;
      edited: boolean;
      deleted: boolean;
      hidden: boolean;
      replyCount: number;
      likeCount: number;
      viewerHasLiked: boolean;
      viewerIsAuthor: boolean;
      viewerCanEdit: boolean;
      viewerCanDelete: boolean;
      viewerCanHide: boolean;
      authorIsVideoOwner: boolean;
      author: { id: string; displayName: string; handle: string | null; avatarUrl: string | null } | null;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type ContinueWatchingQueryVariables = Exact<{
  first?: number | null | undefined;
}>;

export type ContinueWatchingQuery = {
  continueWatching: Array<{
    video: {
      id: string;
      title: string;
      kind: MediaKind;
      durationSec: number | null;
      createdAt: string;
      posterUrl: string | null;
      status: VideoStatus;
      progress: number;
      viewCount: number;
      owner: { id: string; displayName: string };
      channel: { handle: string } | null;
      viewerProgress: { positionSec: number; finished: boolean } | null;
    };
  }>;
};

export type HomeSubscriptionsQueryVariables = Exact<{ [key: string]: never }>;

export type HomeSubscriptionsQuery = {
  subscriptionFeed: {
    edges: Array<{
      node: {
        id: string;
        title: string;
        kind: MediaKind;
        durationSec: number | null;
        createdAt: string;
        posterUrl: string | null;
        status: VideoStatus;
        progress: number;
        viewCount: number;
        owner: { id: string; displayName: string };
        channel: { handle: string } | null;
        viewerProgress: { positionSec: number; finished: boolean } | null;
      };
    }>;
  };
};

export type TrendingQueryVariables = Exact<{
  first?: number | null | undefined;
}>;

export type TrendingQuery = {
  trending: Array<{
    id: string;
    title: string;
    kind: MediaKind;
    durationSec: number | null;
    createdAt: string;
    posterUrl: string | null;
    status: VideoStatus;
    progress: number;
    viewCount: number;
    owner: { id: string; displayName: string };
    channel: { handle: string } | null;
    viewerProgress: { positionSec: number; finished: boolean } | null;
  }>;
};

export type SearchSuggestionsQueryVariables = Exact<{
  prefix: string;
  first?: number | null | undefined;
}>;

export type SearchSuggestionsQuery = { searchSuggestions: Array<string> };

export type CampaignFieldsFragment = { id: string; name: string; status: CampaignStatus; createdAt: string };

export type CreativeFieldsFragment = {
  id: string;
  videoId: string;
  clickThroughUrl: string;
  approval: CreativeApproval;
  videoStatus: string | null;
  createdAt: string;
};

export type LineItemFieldsFragment = {
  id: string;
  campaignId: string;
  name: string;
  status: LineItemStatus;
  flightStart: string;
  flightEnd: string;
  budget: string;
  dailyCap: string | null;
  cpmBid: string;
  pacing: Pacing;
  escrowBalance: string;
  spent: string;
  returned: string;
  createdAt: string;
  closedAt: string | null;
  targeting: {
    categories: Array<string>;
    tags: Array<string>;
    devices: Array<AdDevice>;
    countries: Array<string>;
    timeZone: string;
    positions: Array<AdPosition>;
    mediaKinds: Array<MediaKind>;
  };
  creatives: Array<{
    id: string;
    videoId: string;
    clickThroughUrl: string;
    approval: CreativeApproval;
    videoStatus: string | null;
    createdAt: string;
  }>;
};

export type ApiKeyFieldsFragment = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type AdvertiserQueryVariables = Exact<{ [key: string]: never }>;

export type AdvertiserQuery = { advertiser: { id: string; walletBalance: string } };

export type AdCampaignsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type AdCampaignsQuery = {
  campaigns: {
    edges: Array<{ cursor: string; node: { id: string; name: string; status: CampaignStatus; createdAt: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type AdCampaignLineItemsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type AdCampaignLineItemsQuery = {
  campaign: {
    id: string;
    lineItems: {
      edges: Array<{
        cursor: string;
        node: {
          id: string;
          campaignId: string;
          name: string;
          status: LineItemStatus;
          flightStart: string;
          flightEnd: string;
          budget: string;
          dailyCap: string | null;
          cpmBid: string;
          pacing: Pacing;
          escrowBalance: string;
          spent: string;
          returned: string;
          createdAt: string;
          closedAt: string | null;
          targeting: {
            categories: Array<string>;
            tags: Array<string>;
            devices: Array<AdDevice>;
            countries: Array<string>;
            timeZone: string;
            positions: Array<AdPosition>;
            mediaKinds: Array<MediaKind>;
          };
          creatives: Array<{
            id: string;
            videoId: string;
            clickThroughUrl: string;
            approval: CreativeApproval;
            videoStatus: string | null;
            createdAt: string;
          }>;
        };
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
};

export type CreateCampaignMutationVariables = Exact<{
  input: CreateCampaignInput;
}>;

export type CreateCampaignMutation = {
  createCampaign: {
    campaign: { id: string; name: string; status: CampaignStatus; createdAt: string } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type SetCampaignStatusMutationVariables = Exact<{
  id: string | number;
  status: CampaignStatus;
}>;

export type SetCampaignStatusMutation = {
  setCampaignStatus: {
    campaign: { id: string; name: string; status: CampaignStatus; createdAt: string } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type CreateLineItemMutationVariables = Exact<{
  input: CreateLineItemInput;
}>;

export type CreateLineItemMutation = {
  createLineItem: {
    lineItem: {
      id: string;
      campaignId: string;
      name: string;
      status: LineItemStatus;
      flightStart: string;
      flightEnd: string;
      budget: string;
      dailyCap: string | null;
      cpmBid: string;
      pacing: Pacing;
      escrowBalance: string;
      spent: string;
      returned: string;
      createdAt: string;
      closedAt: string | null;
      targeting: {
        categories: Array<string>;
        tags: Array<string>;
        devices: Array<AdDevice>;
        countries: Array<string>;
        timeZone: string;
        positions: Array<AdPosition>;
        mediaKinds: Array<MediaKind>;
      };
      creatives: Array<{
        id: string;
        videoId: string;
        clickThroughUrl: string;
        approval: CreativeApproval;
        videoStatus: string | null;
        createdAt: string;
      }>;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type PauseLineItemMutationVariables = Exact<{
  id: string | number;
}>;

export type PauseLineItemMutation = {
  pauseLineItem: {
    lineItem: {
      id: string;
      campaignId: string;
      name: string;
      status: LineItemStatus;
      flightStart: string;
      flightEnd: string;
      budget: string;
      dailyCap: string | null;
      cpmBid: string;
      pacing: Pacing;
      escrowBalance: string;
      spent: string;
      returned: string;
      createdAt: string;
      closedAt: string | null;
      targeting: {
        categories: Array<string>;
        tags: Array<string>;
        devices: Array<AdDevice>;
        countries: Array<string>;
        timeZone: string;
        positions: Array<AdPosition>;
        mediaKinds: Array<MediaKind>;
      };
      creatives: Array<{
        id: string;
        videoId: string;
        clickThroughUrl: string;
        approval: CreativeApproval;
        videoStatus: string | null;
        createdAt: string;
      }>;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type ResumeLineItemMutationVariables = Exact<{
  id: string | number;
}>;

export type ResumeLineItemMutation = {
  resumeLineItem: {
    lineItem: {
      id: string;
      campaignId: string;
      name: string;
      status: LineItemStatus;
      flightStart: string;
      flightEnd: string;
      budget: string;
      dailyCap: string | null;
      cpmBid: string;
      pacing: Pacing;
      escrowBalance: string;
      spent: string;
      returned: string;
      createdAt: string;
      closedAt: string | null;
      targeting: {
        categories: Array<string>;
        tags: Array<string>;
        devices: Array<AdDevice>;
        countries: Array<string>;
        timeZone: string;
        positions: Array<AdPosition>;
        mediaKinds: Array<MediaKind>;
      };
      creatives: Array<{
        id: string;
        videoId: string;
        clickThroughUrl: string;
        approval: CreativeApproval;
        videoStatus: string | null;
        createdAt: string;
      }>;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type CancelLineItemMutationVariables = Exact<{
  id: string | number;
}>;

export type CancelLineItemMutation = {
  cancelLineItem: {
    lineItem: {
      id: string;
      campaignId: string;
      name: string;
      status: LineItemStatus;
      flightStart: string;
      flightEnd: string;
      budget: string;
      dailyCap: string | null;
      cpmBid: string;
      pacing: Pacing;
      escrowBalance: string;
      spent: string;
      returned: string;
      createdAt: string;
      closedAt: string | null;
      targeting: {
        categories: Array<string>;
        tags: Array<string>;
        devices: Array<AdDevice>;
        countries: Array<string>;
        timeZone: string;
        positions: Array<AdPosition>;
        mediaKinds: Array<MediaKind>;
      };
      creatives: Array<{
        id: string;
        videoId: string;
        clickThroughUrl: string;
        approval: CreativeApproval;
        videoStatus: string | null;
        createdAt: string;
      }>;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type CreateCreativeMutationVariables = Exact<{
  input: CreateCreativeInput;
}>;

export type CreateCreativeMutation = {
  createCreative: {
    creative: {
      id: string;
      videoId: string;
      clickThroughUrl: string;
      approval: CreativeApproval;
      videoStatus: string | null;
      createdAt: string;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type MyAdVideosQueryVariables = Exact<{
  first?: number | null | undefined;
}>;

export type MyAdVideosQuery = {
  myVideos: { edges: Array<{ node: { id: string; title: string; status: VideoStatus; durationSec: number | null } }> };
};

export type AdvertiserApiKeysQueryVariables = Exact<{ [key: string]: never }>;

export type AdvertiserApiKeysQuery = {
  advertiserApiKeys: Array<{
    id: string;
    name: string;
    prefix: string;
    createdAt: string;
    lastUsedAt: string | null;
    revokedAt: string | null;
  }>;
};

export type CreateAdvertiserApiKeyMutationVariables = Exact<{
  input: CreateAdvertiserApiKeyInput;
}>;

export type CreateAdvertiserApiKeyMutation = {
  createAdvertiserApiKey: {
    secret: string | null;
    apiKey: { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type RevokeAdvertiserApiKeyMutationVariables = Exact<{
  id: string | number;
}>;

export type RevokeAdvertiserApiKeyMutation = {
  revokeAdvertiserApiKey: {
    apiKey: { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type AdReportQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: AdReportFilterInput | null | undefined;
}>;

export type AdReportQuery = {
  adReport: {
    edges: Array<{
      node: {
        lineItemId: string;
        lineItemName: string;
        campaignId: string;
        day: string;
        impressions: number;
        starts: number;
        completes: number;
        completionRate: number;
        clicks: number;
        clickThroughRate: number;
        spend: string;
        eCpm: string;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type ChannelHeaderFragment = {
  id: string;
  handle: string;
  displayName: string;
  description: string;
  avatarUrl: string | null;
  avatarSmallUrl: string | null;
  bannerUrl: string | null;
  createdAt: string;
  viewerIsOwner: boolean;
  viewerIsSubscribed: boolean;
  subscriberCount: number;
  videoCount: number;
  links: Array<{ title: string; url: string }>;
};

export type SubscribeMutationVariables = Exact<{
  handle: string;
}>;

export type SubscribeMutation = {
  subscribe: {
    subscribed: boolean;
    channel: { id: string; subscriberCount: number; viewerIsSubscribed: boolean } | null;
    userErrors: Array<{ message: string; code: string }>;
  };
};

export type UnsubscribeMutationVariables = Exact<{
  handle: string;
}>;

export type UnsubscribeMutation = {
  unsubscribe: {
    subscribed: boolean;
    channel: { id: string; subscriberCount: number; viewerIsSubscribed: boolean } | null;
    userErrors: Array<{ message: string; code: string }>;
  };
};

export type VideoEngagementFragment = { id: string; viewCount: number; likeCount: number; dislikeCount: number; viewerRating: VideoRating };

export type RateVideoMutationVariables = Exact<{
  videoId: string | number;
  rating: VideoRating;
}>;

export type RateVideoMutation = {
  rateVideo: {
    rating: VideoRating | null;
    video: { id: string; viewCount: number; likeCount: number; dislikeCount: number; viewerRating: VideoRating } | null;
    userErrors: Array<{ field: Array<string>; code: string; message: string }>;
  };
};

export type RecordWatchProgressMutationVariables = Exact<{
  videoId: string | number;
  positionSeconds: number;
}>;

export type RecordWatchProgressMutation = {
  recordWatchProgress: { recorded: boolean; userErrors: Array<{ code: string; message: string }> };
};

export type MyPlaylistsQueryVariables = Exact<{ [key: string]: never }>;

export type MyPlaylistsQuery = {
  myPlaylists: Array<{
    id: string;
    title: string;
    visibility: Visibility;
    itemCount: number;
    isWatchLater: boolean;
    thumbnailUrl: string | null;
    updatedAt: string;
  }>;
};

export type PlaylistPageQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type PlaylistPageQuery = {
  playlist: {
    id: string;
    title: string;
    description: string;
    visibility: Visibility;
    itemCount: number;
    isWatchLater: boolean;
    viewerIsOwner: boolean;
    updatedAt: string;
    kind: PlaylistKind;
    thumbnailUrl: string | null;
    coverUploaded: boolean;
    show: {
      author: string;
      language: string;
      category: string;
      subcategory: string | null;
      explicit: boolean;
      locked: boolean;
      feedUrl: string;
    } | null;
    owner: { id: string; displayName: string };
    items: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{
        node: {
          position: number;
          available: boolean;
          videoId: string | null;
          video: {
            id: string;
            title: string;
            kind: MediaKind;
            durationSec: number | null;
            createdAt: string;
            posterUrl: string | null;
            status: VideoStatus;
            progress: number;
            viewCount: number;
            owner: { id: string; displayName: string };
            channel: { handle: string } | null;
            viewerProgress: { positionSec: number; finished: boolean } | null;
          } | null;
        };
      }>;
    };
  } | null;
};

export type AddToPlaylistMutationVariables = Exact<{
  playlistId: string | number;
  videoId: string | number;
}>;

export type AddToPlaylistMutation = {
  addToPlaylist: { playlist: { id: string; itemCount: number } | null; userErrors: Array<{ code: string; message: string }> };
};

export type RemoveFromPlaylistMutationVariables = Exact<{
  playlistId: string | number;
  videoId: string | number;
}>;

export type RemoveFromPlaylistMutation = {
  removeFromPlaylist: { playlist: { id: string; itemCount: number } | null; userErrors: Array<{ code: string; message: string }> };
};

export type MovePlaylistItemMutationVariables = Exact<{
  playlistId: string | number;
  videoId: string | number;
  position: number;
}>;

export type MovePlaylistItemMutation = {
  movePlaylistItem: { playlist: { id: string } | null; userErrors: Array<{ code: string; message: string }> };
};

export type CreatePlaylistMutationVariables = Exact<{
  input: CreatePlaylistInput;
}>;

export type CreatePlaylistMutation = {
  createPlaylist: {
    playlist: {
      id: string;
      title: string;
      visibility: Visibility;
      itemCount: number;
      isWatchLater: boolean;
      thumbnailUrl: string | null;
      updatedAt: string;
    } | null;
    userErrors: Array<{ field: Array<string>; code: string; message: string }>;
  };
};

export type ListenTrackQueryVariables = Exact<{
  id: string | number;
}>;

export type ListenTrackQuery = {
  video: {
    id: string;
    title: string;
    kind: MediaKind;
    status: VideoStatus;
    masterUrl: string | null;
    posterUrl: string | null;
    durationSec: number | null;
    owner: { id: string; displayName: string };
    audio: { tagTitle: string | null; artist: string | null; album: string | null; peaksUrl: string | null } | null;
    viewerProgress: { resumeAtSec: number | null } | null;
    chapters: Array<{ startSec: number; title: string }>;
  } | null;
};

export type ListenListQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;

export type ListenListQuery = {
  playlist: {
    id: string;
    title: string;
    items: {
      edges: Array<{
        node: {
          position: number;
          available: boolean;
          video: { id: string; title: string; kind: MediaKind; status: VideoStatus; posterUrl: string | null } | null;
        };
      }>;
    };
  } | null;
};

export type SwarmsQueryVariables = Exact<{
  id: string | number;
}>;

export type SwarmsQuery = {
  video: {
    id: string;
    manifestUrl: string | null;
    swarms: Array<{ rendition: string; infoHash: string; magnetUri: string; torrentUrl: string; trackerUrls: Array<string> }>;
  } | null;
};

export type HeartbeatMutationVariables = Exact<{
  input: PlaybackHeartbeatInput;
}>;

export type HeartbeatMutation = { playbackHeartbeat: { ok: boolean } };

export type StartMutationVariables = Exact<{
  input: StartPlaybackInput;
}>;

export type StartMutation = {
  playbackSession: {
    session: {
      sessionId: string;
      certificate: string;
      expiresAt: string;
      masterUrl: string;
      trackerUrls: Array<string>;
      adFree: boolean;
      bandwidthBudget: string;
      iceServers: Array<{ urls: Array<string>; username: string | null; credential: string | null }>;
    } | null;
    userErrors: Array<{ code: string; message: string }>;
  };
};

export type WalletFieldsFragment = {
  currency: string;
  decimals: number;
  balance: string;
  pending: string;
  creatorRevenue: string;
  adFreeUntil: string | null;
};

export type EntitlementFieldsFragment = { planId: string; planName: string; startsAt: string; expiresAt: string };

export type LedgerTransactionFieldsFragment = {
  id: string;
  kind: string;
  account: WalletAccount;
  amount: string;
  memo: string | null;
  createdAt: string;
};

export type UserErrorFieldsFragment = { field: Array<string>; message: string; code: string };

export type WalletPageQueryVariables = Exact<{ [key: string]: never }>;

export type WalletPageQuery = {
  wallet: { currency: string; decimals: number; balance: string; pending: string; creatorRevenue: string; adFreeUntil: string | null };
  myEntitlement: { planId: string; planName: string; startsAt: string; expiresAt: string } | null;
  plans: Array<{ id: string; name: string; periodDays: number; price: string }>;
};

export type WalletBalanceQueryVariables = Exact<{ [key: string]: never }>;

export type WalletBalanceQuery = { wallet: { balance: string } };

export type TransactionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type TransactionsQuery = {
  transactions: {
    edges: Array<{
      cursor: string;
      node: { id: string; kind: string; account: WalletAccount; amount: string; memo: string | null; createdAt: string };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type SeedingEarningsQueryVariables = Exact<{
  days?: number | null | undefined;
}>;

export type SeedingEarningsQuery = { seedingEarnings: Array<{ day: string; amount: string; segments: number }> };

export type CreatorEarningsQueryVariables = Exact<{
  days?: number | null | undefined;
}>;

export type CreatorEarningsQuery = {
  wallet: { creatorRevenue: string };
  creatorEarnings: Array<{ day: string; amount: string; segments: number }>;
};

export type BuyPlanMutationVariables = Exact<{
  input: BuyPlanInput;
}>;

export type BuyPlanMutation = {
  buyPlan: {
    entitlement: { planId: string; planName: string; startsAt: string; expiresAt: string } | null;
    wallet: {
      currency: string;
      decimals: number;
      balance: string;
      pending: string;
      creatorRevenue: string;
      adFreeUntil: string | null;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type TransferMutationVariables = Exact<{
  input: TransferInput;
}>;

export type TransferMutation = {
  transfer: {
    transaction: { id: string; kind: string; account: WalletAccount; amount: string; memo: string | null; createdAt: string } | null;
    wallet: {
      currency: string;
      decimals: number;
      balance: string;
      pending: string;
      creatorRevenue: string;
      adFreeUntil: string | null;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type FaucetMutationVariables = Exact<{ [key: string]: never }>;

export type FaucetMutation = {
  faucet: {
    wallet: {
      currency: string;
      decimals: number;
      balance: string;
      pending: string;
      creatorRevenue: string;
      adFreeUntil: string | null;
    } | null;
    userErrors: Array<{ field: Array<string>; message: string; code: string }>;
  };
};

export type MeQueryVariables = Exact<{ [key: string]: never }>;

export type MeQuery = { me: { id: string; displayName: string; email: string | null; roles: Array<Role> } | null };

export type CreatorSupportQueryVariables = Exact<{
  creatorId: string | number;
}>;

export type CreatorSupportQuery = {
  creatorSupport: { creatorId: string; enabled: boolean; amountPerMinute: string; dailyCeiling: string; paidToday: string };
  wallet: { balance: string };
};

export type SetCreatorSupportMutationVariables = Exact<{
  input: SetCreatorSupportInput;
}>;

export type SetCreatorSupportMutation = {
  setCreatorSupport: {
    support: { creatorId: string; enabled: boolean; amountPerMinute: string; dailyCeiling: string; paidToday: string } | null;
    userErrors: Array<{ field: Array<string>; code: string; message: string }>;
  };
};

export type SupportStudioQueryVariables = Exact<{ [key: string]: never }>;

export type SupportStudioQuery = {
  supportSplit: Array<{ userId: string; displayName: string; handle: string | null; percent: number }>;
  supportReceived: { total: string; last30Days: string; supporters: Array<{ userId: string; displayName: string; paid: string }> };
};

export type SetSupportSplitMutationVariables = Exact<{
  input: SetSupportSplitInput;
}>;

export type SetSupportSplitMutation = {
  setSupportSplit: {
    recipients: Array<{ userId: string; displayName: string; handle: string | null; percent: number }> | null;
    userErrors: Array<{ field: Array<string>; code: string; message: string }>;
  };
};

export type VideoCategoriesQueryVariables = Exact<{ [key: string]: never }>;

export type VideoCategoriesQuery = { videoCategories: Array<string> };

export type VideoCardFragment = {
  id: string;
  title: string;
  kind: MediaKind;
  durationSec: number | null;
  createdAt: string;
  posterUrl: string | null;
  status: VideoStatus;
  progress: number;
  viewCount: number;
  owner: { id: string; displayName: string };
  channel: { handle: string } | null;
  viewerProgress: { positionSec: number; finished: boolean } | null;
};

export type VideoFieldsFragment = {
  id: string;
  title: string;
  description: string;
  tags: Array<string>;
  visibility: Visibility;
  status: VideoStatus;
  progress: number;
  failureReason: string | null;
  durationSec: number | null;
  width: number | null;
  height: number | null;
  createdAt: string;
  posterUrl: string | null;
  masterUrl: string | null;
  storyboardUrl: string | null;
  kind: MediaKind;
  viewerCanEdit: boolean;
  renditions: Array<{ name: string; width: number; height: number; bandwidth: number; codecs: string }>;
  owner: { id: string; displayName: string };
};

export class TypedDocumentString<TResult, TVariables> extends String implements DocumentTypeDecoration<TResult, TVariables> {
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const VideoFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment VideoFields on Video {
  id
  title
  description
  tags
  visibility
  status
  progress
  failureReason
  durationSec
  width
  height
  createdAt
  posterUrl
  masterUrl
  storyboardUrl
  kind
  renditions {
    name
    width
    height
    bandwidth
    codecs
  }
  viewerCanEdit
  owner {
    id
    displayName
  }
}
    `,
  { fragmentName: 'VideoFields' },
) as unknown as TypedDocumentString<VideoFieldsFragment, unknown>;
export const StudioVideoFragmentDoc = new TypedDocumentString(
  `
    fragment StudioVideo on Video {
  ...VideoFields
  category
  midrolls
  midrollsAreDefault
  canRetry
  coverUploaded
}
    fragment VideoFields on Video {
  id
  title
  description
  tags
  visibility
  status
  progress
  failureReason
  durationSec
  width
  height
  createdAt
  posterUrl
  masterUrl
  storyboardUrl
  kind
  renditions {
    name
    width
    height
    bandwidth
    codecs
  }
  viewerCanEdit
  owner {
    id
    displayName
  }
}`,
  { fragmentName: 'StudioVideo' },
) as unknown as TypedDocumentString<StudioVideoFragment, unknown>;
export const CommentFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment CommentFields on Comment {
  id
  parentId
  body
  createdAt
  editedAt
  edited
  deleted
  hidden
  replyCount
  likeCount
  viewerHasLiked
  viewerIsAuthor
  viewerCanEdit
  viewerCanDelete
  viewerCanHide
  authorIsVideoOwner
  author {
    id
    displayName
    handle
    avatarUrl
  }
}
    `,
  { fragmentName: 'CommentFields' },
) as unknown as TypedDocumentString<CommentFieldsFragment, unknown>;
export const CampaignFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment CampaignFields on Campaign {
  id
  name
  status
  createdAt
}
    `,
  { fragmentName: 'CampaignFields' },
) as unknown as TypedDocumentString<CampaignFieldsFragment, unknown>;
export const CreativeFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment CreativeFields on Creative {
  id
  videoId
  clickThroughUrl
  approval
  videoStatus
  createdAt
}
    `,
  { fragmentName: 'CreativeFields' },
) as unknown as TypedDocumentString<CreativeFieldsFragment, unknown>;
export const LineItemFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment LineItemFields on LineItem {
  id
  campaignId
  name
  status
  flightStart
  flightEnd
  budget
  dailyCap
  cpmBid
  pacing
  targeting {
    categories
    tags
    devices
    countries
    timeZone
    positions
    mediaKinds
  }
  escrowBalance
  spent
  returned
  createdAt
  closedAt
  creatives {
    ...CreativeFields
  }
}
    fragment CreativeFields on Creative {
  id
  videoId
  clickThroughUrl
  approval
  videoStatus
  createdAt
}`,
  { fragmentName: 'LineItemFields' },
) as unknown as TypedDocumentString<LineItemFieldsFragment, unknown>;
export const ApiKeyFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment ApiKeyFields on AdvertiserApiKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  revokedAt
}
    `,
  { fragmentName: 'ApiKeyFields' },
) as unknown as TypedDocumentString<ApiKeyFieldsFragment, unknown>;
export const ChannelHeaderFragmentDoc = new TypedDocumentString(
  `
    fragment ChannelHeader on Channel {
  id
  handle
  displayName
  description
  links {
    title
    url
  }
  avatarUrl
  avatarSmallUrl
  bannerUrl
  createdAt
  viewerIsOwner
  viewerIsSubscribed
  subscriberCount
  videoCount
}
    `,
  { fragmentName: 'ChannelHeader' },
) as unknown as TypedDocumentString<ChannelHeaderFragment, unknown>;
export const VideoEngagementFragmentDoc = new TypedDocumentString(
  `
    fragment VideoEngagement on Video {
  id
  viewCount
  likeCount
  dislikeCount
  viewerRating
}
    `,
  { fragmentName: 'VideoEngagement' },
) as unknown as TypedDocumentString<VideoEngagementFragment, unknown>;
export const WalletFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment WalletFields on Wallet {
  currency
  decimals
  balance
  pending
  creatorRevenue
  adFreeUntil
}
    `,
  { fragmentName: 'WalletFields' },
) as unknown as TypedDocumentString<WalletFieldsFragment, unknown>;
export const EntitlementFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment EntitlementFields on Entitlement {
  planId
  planName
  startsAt
  expiresAt
}
    `,
  { fragmentName: 'EntitlementFields' },
) as unknown as TypedDocumentString<EntitlementFieldsFragment, unknown>;
export const LedgerTransactionFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment LedgerTransactionFields on LedgerTransaction {
  id
  kind
  account
  amount
  memo
  createdAt
}
    `,
  { fragmentName: 'LedgerTransactionFields' },
) as unknown as TypedDocumentString<LedgerTransactionFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment UserErrorFields on UserError {
  field
  message
  code
}
    `,
  { fragmentName: 'UserErrorFields' },
) as unknown as TypedDocumentString<UserErrorFieldsFragment, unknown>;
export const VideoCardFragmentDoc = new TypedDocumentString(
  `
    fragment VideoCard on Video {
  id
  title
  kind
  durationSec
  createdAt
  posterUrl
  status
  progress
  viewCount
  owner {
    id
    displayName
  }
  channel {
    handle
  }
  viewerProgress {
    positionSec
    finished
  }
}
    `,
  { fragmentName: 'VideoCard' },
) as unknown as TypedDocumentString<VideoCardFragment, unknown>;
export const HomeDocument = new TypedDocumentString(`
    query Home($first: Int, $after: String) {
  videos(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...VideoCard
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment VideoCard on Video {
  id
  title
  kind
  durationSec
  createdAt
  posterUrl
  status
  progress
  viewCount
  owner {
    id
    displayName
  }
  channel {
    handle
  }
  viewerProgress {
    positionSec
    finished
  }
}`) as unknown as TypedDocumentString<HomeQuery, HomeQueryVariables>;
export const ChannelPageDocument = new TypedDocumentString(`
    query ChannelPage($handle: String!) {
  channel(handle: $handle) {
    ...ChannelHeader
  }
}
    fragment ChannelHeader on Channel {
  id
  handle
  displayName
  description
  links {
    title
    url
  }
  avatarUrl
  avatarSmallUrl
  bannerUrl
  createdAt
  viewerIsOwner
  viewerIsSubscribed
  subscriberCount
  videoCount
}`) as unknown as TypedDocumentString<ChannelPageQuery, ChannelPageQueryVariables>;
export const ChannelPlaylistsDocument = new TypedDocumentString(`
    query ChannelPlaylists($handle: String!, $first: Int, $after: String) {
  channel(handle: $handle) {
    id
    playlists(first: $first, after: $after) {
      edges {
        node {
          id
          title
          visibility
          itemCount
          thumbnailUrl
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<ChannelPlaylistsQuery, ChannelPlaylistsQueryVariables>;
export const ChannelVideosDocument = new TypedDocumentString(`
    query ChannelVideos($handle: String!, $first: Int, $after: String, $orderBy: ChannelVideoOrder) {
  channel(handle: $handle) {
    id
    videos(first: $first, after: $after, orderBy: $orderBy) {
      edges {
        node {
          ...VideoCard
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
}
    fragment VideoCard on Video {
  id
  title
  kind
  durationSec
  createdAt
  posterUrl
  status
  progress
  viewCount
  owner {
    id
    displayName
  }
  channel {
    handle
  }
  viewerProgress {
    positionSec
    finished
  }
}`) as unknown as TypedDocumentString<ChannelVideosQuery, ChannelVideosQueryVariables>;
export const LibraryHistoryDocument = new TypedDocumentString(`
    query LibraryHistory($first: Int, $after: String) {
  historySettings {
    paused
  }
  watchHistory(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        video {
          ...VideoCard
        }
        progress {
          watchedAt
        }
      }
    }
  }
}
    fragment VideoCard on Video {
  id
  title
  kind
  durationSec
  createdAt
  posterUrl
  status
  progress
  viewCount
  owner {
    id
    displayName
  }
  channel {
    handle
  }
  viewerProgress {
    positionSec
    finished
  }
}`) as unknown as TypedDocumentString<LibraryHistoryQuery, LibraryHistoryQueryVariables>;
export const SetHistoryPausedDocument = new TypedDocumentString(`
    mutation SetHistoryPaused($paused: Boolean!) {
  setHistoryPaused(paused: $paused) {
    paused
  }
}
    `) as unknown as TypedDocumentString<SetHistoryPausedMutation, SetHistoryPausedMutationVariables>;
export const ClearWatchHistoryDocument = new TypedDocumentString(`
    mutation ClearWatchHistory {
  clearWatchHistory {
    removedCount
  }
}
    `) as unknown as TypedDocumentString<ClearWatchHistoryMutation, ClearWatchHistoryMutationVariables>;
export const RemoveFromHistoryDocument = new TypedDocumentString(`
    mutation RemoveFromHistory($videoId: ID!) {
  removeFromHistory(videoId: $videoId) {
    removed
  }
}
    `) as unknown as TypedDocumentString<RemoveFromHistoryMutation, RemoveFromHistoryMutationVariables>;
export const UpdatePlaylistDocument = new TypedDocumentString(`
    mutation UpdatePlaylist($input: UpdatePlaylistInput!) {
  updatePlaylist(input: $input) {
    playlist {
      id
      title
      visibility
      kind
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UpdatePlaylistMutation, UpdatePlaylistMutationVariables>;
export const DeletePlaylistDocument = new TypedDocumentString(`
    mutation DeletePlaylist($id: ID!) {
  deletePlaylist(id: $id) {
    deletedPlaylistId
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DeletePlaylistMutation, DeletePlaylistMutationVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($query: String!, $first: Int, $after: String, $filter: SearchFilter, $orderBy: SearchOrder) {
  search(
    query: $query
    first: $first
    after: $after
    filter: $filter
    orderBy: $orderBy
  ) {
    totalCount
    corrections {
      word
      matchedAs
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      channelName
      channelHandle
      node {
        ...VideoCard
        description
      }
    }
  }
}
    fragment VideoCard on Video {
  id
  title
  kind
  durationSec
  createdAt
  posterUrl
  status
  progress
  viewCount
  owner {
    id
    displayName
  }
  channel {
    handle
  }
  viewerProgress {
    positionSec
    finished
  }
}`) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const StudioDocument = new TypedDocumentString(`
    query Studio($first: Int, $after: String) {
  myVideos(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...StudioVideo
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment StudioVideo on Video {
  ...VideoFields
  category
  midrolls
  midrollsAreDefault
  canRetry
  coverUploaded
}
fragment VideoFields on Video {
  id
  title
  description
  tags
  visibility
  status
  progress
  failureReason
  durationSec
  width
  height
  createdAt
  posterUrl
  masterUrl
  storyboardUrl
  kind
  renditions {
    name
    width
    height
    bandwidth
    codecs
  }
  viewerCanEdit
  owner {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<StudioQuery, StudioQueryVariables>;
export const MyChannelDocument = new TypedDocumentString(`
    query MyChannel {
  myChannel {
    ...ChannelHeader
  }
}
    fragment ChannelHeader on Channel {
  id
  handle
  displayName
  description
  links {
    title
    url
  }
  avatarUrl
  avatarSmallUrl
  bannerUrl
  createdAt
  viewerIsOwner
  viewerIsSubscribed
  subscriberCount
  videoCount
}`) as unknown as TypedDocumentString<MyChannelQuery, MyChannelQueryVariables>;
export const UpdateChannelDocument = new TypedDocumentString(`
    mutation UpdateChannel($input: UpdateChannelInput!) {
  updateChannel(input: $input) {
    channel {
      ...ChannelHeader
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment ChannelHeader on Channel {
  id
  handle
  displayName
  description
  links {
    title
    url
  }
  avatarUrl
  avatarSmallUrl
  bannerUrl
  createdAt
  viewerIsOwner
  viewerIsSubscribed
  subscriberCount
  videoCount
}`) as unknown as TypedDocumentString<UpdateChannelMutation, UpdateChannelMutationVariables>;
export const StudioCaptionsDocument = new TypedDocumentString(`
    query StudioCaptions($id: ID!) {
  video(id: $id) {
    id
    captions {
      language
      label
      url
      cueCount
      sourceFormat
      updatedAt
    }
  }
}
    `) as unknown as TypedDocumentString<StudioCaptionsQuery, StudioCaptionsQueryVariables>;
export const DeleteCaptionDocument = new TypedDocumentString(`
    mutation DeleteCaption($videoId: ID!, $language: String!) {
  deleteCaption(videoId: $videoId, language: $language) {
    deletedLanguage
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<DeleteCaptionMutation, DeleteCaptionMutationVariables>;
export const StudioVideoRefreshDocument = new TypedDocumentString(`
    query StudioVideoRefresh($id: ID!) {
  video(id: $id) {
    ...StudioVideo
  }
}
    fragment StudioVideo on Video {
  ...VideoFields
  category
  midrolls
  midrollsAreDefault
  canRetry
  coverUploaded
}
fragment VideoFields on Video {
  id
  title
  description
  tags
  visibility
  status
  progress
  failureReason
  durationSec
  width
  height
  createdAt
  posterUrl
  masterUrl
  storyboardUrl
  kind
  renditions {
    name
    width
    height
    bandwidth
    codecs
  }
  viewerCanEdit
  owner {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<StudioVideoRefreshQuery, StudioVideoRefreshQueryVariables>;
export const StudioProgressDocument = new TypedDocumentString(`
    query StudioProgress($id: ID!) {
  video(id: $id) {
    status
    progress
    failureReason
  }
}
    `) as unknown as TypedDocumentString<StudioProgressQuery, StudioProgressQueryVariables>;
export const DeleteVideoDocument = new TypedDocumentString(`
    mutation DeleteVideo($id: ID!) {
  deleteVideo(id: $id) {
    deletedVideoId
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<DeleteVideoMutation, DeleteVideoMutationVariables>;
export const RetryVideoDocument = new TypedDocumentString(`
    mutation RetryVideo($id: ID!) {
  retryVideo(id: $id) {
    video {
      id
      status
      progress
      failureReason
      canRetry
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<RetryVideoMutation, RetryVideoMutationVariables>;
export const UpdateVideoDocument = new TypedDocumentString(`
    mutation UpdateVideo($input: UpdateVideoInput!) {
  updateVideo(input: $input) {
    video {
      id
      title
      description
      tags
      visibility
      category
      midrolls
      midrollsAreDefault
      kind
      audio {
        artist
        album
        genre
        trackNumber
        year
      }
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<UpdateVideoMutation, UpdateVideoMutationVariables>;
export const StudioAudioTagsDocument = new TypedDocumentString(`
    query StudioAudioTags($id: ID!) {
  video(id: $id) {
    id
    kind
    audio {
      artist
      album
      genre
      trackNumber
      year
    }
  }
}
    `) as unknown as TypedDocumentString<StudioAudioTagsQuery, StudioAudioTagsQueryVariables>;
export const SubscriptionsPageDocument = new TypedDocumentString(`
    query SubscriptionsPage($first: Int, $after: String, $withChannels: Boolean!) {
  subscriptionFeed(first: $first, after: $after) {
    edges {
      node {
        ...VideoCard
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  mySubscriptions(first: 100) @include(if: $withChannels) {
    totalCount
    edges {
      node {
        id
        handle
        displayName
        avatarUrl
      }
    }
  }
}
    fragment VideoCard on Video {
  id
  title
  kind
  durationSec
  createdAt
  posterUrl
  status
  progress
  viewCount
  owner {
    id
    displayName
  }
  channel {
    handle
  }
  viewerProgress {
    positionSec
    finished
  }
}`) as unknown as TypedDocumentString<SubscriptionsPageQuery, SubscriptionsPageQueryVariables>;
export const UploadStatusDocument = new TypedDocumentString(`
    query UploadStatus($id: ID!) {
  video(id: $id) {
    status
    progress
    failureReason
  }
}
    `) as unknown as TypedDocumentString<UploadStatusQuery, UploadStatusQueryVariables>;
export const MineDocument = new TypedDocumentString(`
    query Mine {
  myVideos(first: 10) {
    edges {
      node {
        id
        title
        createdAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MineQuery, MineQueryVariables>;
export const WatchDocument = new TypedDocumentString(`
    query Watch($id: ID!) {
  video(id: $id) {
    ...VideoFields
    ...VideoEngagement
    viewerProgress {
      positionSec
      finished
      resumeAtSec
    }
    viewerPlaylistIds
  }
}
    fragment VideoEngagement on Video {
  id
  viewCount
  likeCount
  dislikeCount
  viewerRating
}
fragment VideoFields on Video {
  id
  title
  description
  tags
  visibility
  status
  progress
  failureReason
  durationSec
  width
  height
  createdAt
  posterUrl
  masterUrl
  storyboardUrl
  kind
  renditions {
    name
    width
    height
    bandwidth
    codecs
  }
  viewerCanEdit
  owner {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<WatchQuery, WatchQueryVariables>;
export const WatchChannelDocument = new TypedDocumentString(`
    query WatchChannel($id: ID!) {
  video(id: $id) {
    id
    channel {
      id
      handle
      displayName
      avatarSmallUrl
      subscriberCount
      viewerIsSubscribed
      viewerIsOwner
    }
  }
}
    `) as unknown as TypedDocumentString<WatchChannelQuery, WatchChannelQueryVariables>;
export const VideoCommentsDocument = new TypedDocumentString(`
    query VideoComments($id: ID!, $first: Int!, $after: String, $orderBy: CommentOrder!) {
  video(id: $id) {
    id
    commentCount
    comments(first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CommentFields
        }
      }
    }
  }
}
    fragment CommentFields on Comment {
  id
  parentId
  body
  createdAt
  editedAt
  edited
  deleted
  hidden
  replyCount
  likeCount
  viewerHasLiked
  viewerIsAuthor
  viewerCanEdit
  viewerCanDelete
  viewerCanHide
  authorIsVideoOwner
  author {
    id
    displayName
    handle
    avatarUrl
  }
}`) as unknown as TypedDocumentString<VideoCommentsQuery, VideoCommentsQueryVariables>;
export const CommentRepliesDocument = new TypedDocumentString(`
    query CommentReplies($id: ID!, $first: Int!, $after: String) {
  comment(id: $id) {
    id
    replies(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CommentFields
        }
      }
    }
  }
}
    fragment CommentFields on Comment {
  id
  parentId
  body
  createdAt
  editedAt
  edited
  deleted
  hidden
  replyCount
  likeCount
  viewerHasLiked
  viewerIsAuthor
  viewerCanEdit
  viewerCanDelete
  viewerCanHide
  authorIsVideoOwner
  author {
    id
    displayName
    handle
    avatarUrl
  }
}`) as unknown as TypedDocumentString<CommentRepliesQuery, CommentRepliesQueryVariables>;
export const AddCommentDocument = new TypedDocumentString(`
    mutation AddComment($videoId: ID!, $body: String!) {
  addComment(videoId: $videoId, body: $body) {
    comment {
      ...CommentFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment CommentFields on Comment {
  id
  parentId
  body
  createdAt
  editedAt
  edited
  deleted
  hidden
  replyCount
  likeCount
  viewerHasLiked
  viewerIsAuthor
  viewerCanEdit
  viewerCanDelete
  viewerCanHide
  authorIsVideoOwner
  author {
    id
    displayName
    handle
    avatarUrl
  }
}`) as unknown as TypedDocumentString<AddCommentMutation, AddCommentMutationVariables>;
export const ReplyToCommentDocument = new TypedDocumentString(`
    mutation ReplyToComment($commentId: ID!, $body: String!) {
  replyToComment(commentId: $commentId, body: $body) {
    comment {
      ...CommentFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment CommentFields on Comment {
  id
  parentId
  body
  createdAt
  editedAt
  edited
  deleted
  hidden
  replyCount
  likeCount
  viewerHasLiked
  viewerIsAuthor
  viewerCanEdit
  viewerCanDelete
  viewerCanHide
  authorIsVideoOwner
  author {
    id
    displayName
    handle
    avatarUrl
  }
}`) as unknown as TypedDocumentString<ReplyToCommentMutation, ReplyToCommentMutationVariables>;
export const EditCommentDocument = new TypedDocumentString(`
    mutation EditComment($id: ID!, $body: String!) {
  editComment(id: $id, body: $body) {
    comment {
      ...CommentFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment CommentFields on Comment {
  id
  parentId
  body
  createdAt
  editedAt
  edited
  deleted
  hidden
  replyCount
  likeCount
  viewerHasLiked
  viewerIsAuthor
  viewerCanEdit
  viewerCanDelete
  viewerCanHide
  authorIsVideoOwner
  author {
    id
    displayName
    handle
    avatarUrl
  }
}`) as unknown as TypedDocumentString<EditCommentMutation, EditCommentMutationVariables>;
export const DeleteCommentDocument = new TypedDocumentString(`
    mutation DeleteComment($id: ID!) {
  deleteComment(id: $id) {
    deletedCommentId
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteCommentMutation, DeleteCommentMutationVariables>;
export const SetCommentHiddenDocument = new TypedDocumentString(`
    mutation SetCommentHidden($id: ID!, $hidden: Boolean!) {
  setCommentHidden(id: $id, hidden: $hidden) {
    comment {
      ...CommentFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment CommentFields on Comment {
  id
  parentId
  body
  createdAt
  editedAt
  edited
  deleted
  hidden
  replyCount
  likeCount
  viewerHasLiked
  viewerIsAuthor
  viewerCanEdit
  viewerCanDelete
  viewerCanHide
  authorIsVideoOwner
  author {
    id
    displayName
    handle
    avatarUrl
  }
}`) as unknown as TypedDocumentString<SetCommentHiddenMutation, SetCommentHiddenMutationVariables>;
export const SetCommentLikedDocument = new TypedDocumentString(`
    mutation SetCommentLiked($id: ID!, $liked: Boolean!) {
  setCommentLiked(id: $id, liked: $liked) {
    comment {
      ...CommentFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment CommentFields on Comment {
  id
  parentId
  body
  createdAt
  editedAt
  edited
  deleted
  hidden
  replyCount
  likeCount
  viewerHasLiked
  viewerIsAuthor
  viewerCanEdit
  viewerCanDelete
  viewerCanHide
  authorIsVideoOwner
  author {
    id
    displayName
    handle
    avatarUrl
  }
}`) as unknown as TypedDocumentString<SetCommentLikedMutation, SetCommentLikedMutationVariables>;
export const ContinueWatchingDocument = new TypedDocumentString(`
    query ContinueWatching($first: Int) {
  continueWatching(first: $first) {
    video {
      ...VideoCard
    }
  }
}
    fragment VideoCard on Video {
  id
  title
  kind
  durationSec
  createdAt
  posterUrl
  status
  progress
  viewCount
  owner {
    id
    displayName
  }
  channel {
    handle
  }
  viewerProgress {
    positionSec
    finished
  }
}`) as unknown as TypedDocumentString<ContinueWatchingQuery, ContinueWatchingQueryVariables>;
export const HomeSubscriptionsDocument = new TypedDocumentString(`
    query HomeSubscriptions {
  subscriptionFeed(first: 8) {
    edges {
      node {
        ...VideoCard
      }
    }
  }
}
    fragment VideoCard on Video {
  id
  title
  kind
  durationSec
  createdAt
  posterUrl
  status
  progress
  viewCount
  owner {
    id
    displayName
  }
  channel {
    handle
  }
  viewerProgress {
    positionSec
    finished
  }
}`) as unknown as TypedDocumentString<HomeSubscriptionsQuery, HomeSubscriptionsQueryVariables>;
export const TrendingDocument = new TypedDocumentString(`
    query Trending($first: Int) {
  trending(first: $first) {
    ...VideoCard
  }
}
    fragment VideoCard on Video {
  id
  title
  kind
  durationSec
  createdAt
  posterUrl
  status
  progress
  viewCount
  owner {
    id
    displayName
  }
  channel {
    handle
  }
  viewerProgress {
    positionSec
    finished
  }
}`) as unknown as TypedDocumentString<TrendingQuery, TrendingQueryVariables>;
export const SearchSuggestionsDocument = new TypedDocumentString(`
    query SearchSuggestions($prefix: String!, $first: Int) {
  searchSuggestions(prefix: $prefix, first: $first)
}
    `) as unknown as TypedDocumentString<SearchSuggestionsQuery, SearchSuggestionsQueryVariables>;
export const AdvertiserDocument = new TypedDocumentString(`
    query Advertiser {
  advertiser {
    id
    walletBalance
  }
}
    `) as unknown as TypedDocumentString<AdvertiserQuery, AdvertiserQueryVariables>;
export const AdCampaignsDocument = new TypedDocumentString(`
    query AdCampaigns($first: Int, $after: String) {
  campaigns(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...CampaignFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment CampaignFields on Campaign {
  id
  name
  status
  createdAt
}`) as unknown as TypedDocumentString<AdCampaignsQuery, AdCampaignsQueryVariables>;
export const AdCampaignLineItemsDocument = new TypedDocumentString(`
    query AdCampaignLineItems($id: ID!, $first: Int, $after: String) {
  campaign(id: $id) {
    id
    lineItems(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...LineItemFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment CreativeFields on Creative {
  id
  videoId
  clickThroughUrl
  approval
  videoStatus
  createdAt
}
fragment LineItemFields on LineItem {
  id
  campaignId
  name
  status
  flightStart
  flightEnd
  budget
  dailyCap
  cpmBid
  pacing
  targeting {
    categories
    tags
    devices
    countries
    timeZone
    positions
    mediaKinds
  }
  escrowBalance
  spent
  returned
  createdAt
  closedAt
  creatives {
    ...CreativeFields
  }
}`) as unknown as TypedDocumentString<AdCampaignLineItemsQuery, AdCampaignLineItemsQueryVariables>;
export const CreateCampaignDocument = new TypedDocumentString(`
    mutation CreateCampaign($input: CreateCampaignInput!) {
  createCampaign(input: $input) {
    campaign {
      ...CampaignFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment CampaignFields on Campaign {
  id
  name
  status
  createdAt
}
fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<CreateCampaignMutation, CreateCampaignMutationVariables>;
export const SetCampaignStatusDocument = new TypedDocumentString(`
    mutation SetCampaignStatus($id: ID!, $status: CampaignStatus!) {
  setCampaignStatus(id: $id, status: $status) {
    campaign {
      ...CampaignFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment CampaignFields on Campaign {
  id
  name
  status
  createdAt
}
fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<SetCampaignStatusMutation, SetCampaignStatusMutationVariables>;
export const CreateLineItemDocument = new TypedDocumentString(`
    mutation CreateLineItem($input: CreateLineItemInput!) {
  createLineItem(input: $input) {
    lineItem {
      ...LineItemFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment CreativeFields on Creative {
  id
  videoId
  clickThroughUrl
  approval
  videoStatus
  createdAt
}
fragment LineItemFields on LineItem {
  id
  campaignId
  name
  status
  flightStart
  flightEnd
  budget
  dailyCap
  cpmBid
  pacing
  targeting {
    categories
    tags
    devices
    countries
    timeZone
    positions
    mediaKinds
  }
  escrowBalance
  spent
  returned
  createdAt
  closedAt
  creatives {
    ...CreativeFields
  }
}
fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<CreateLineItemMutation, CreateLineItemMutationVariables>;
export const PauseLineItemDocument = new TypedDocumentString(`
    mutation PauseLineItem($id: ID!) {
  pauseLineItem(id: $id) {
    lineItem {
      ...LineItemFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment CreativeFields on Creative {
  id
  videoId
  clickThroughUrl
  approval
  videoStatus
  createdAt
}
fragment LineItemFields on LineItem {
  id
  campaignId
  name
  status
  flightStart
  flightEnd
  budget
  dailyCap
  cpmBid
  pacing
  targeting {
    categories
    tags
    devices
    countries
    timeZone
    positions
    mediaKinds
  }
  escrowBalance
  spent
  returned
  createdAt
  closedAt
  creatives {
    ...CreativeFields
  }
}
fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<PauseLineItemMutation, PauseLineItemMutationVariables>;
export const ResumeLineItemDocument = new TypedDocumentString(`
    mutation ResumeLineItem($id: ID!) {
  resumeLineItem(id: $id) {
    lineItem {
      ...LineItemFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment CreativeFields on Creative {
  id
  videoId
  clickThroughUrl
  approval
  videoStatus
  createdAt
}
fragment LineItemFields on LineItem {
  id
  campaignId
  name
  status
  flightStart
  flightEnd
  budget
  dailyCap
  cpmBid
  pacing
  targeting {
    categories
    tags
    devices
    countries
    timeZone
    positions
    mediaKinds
  }
  escrowBalance
  spent
  returned
  createdAt
  closedAt
  creatives {
    ...CreativeFields
  }
}
fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<ResumeLineItemMutation, ResumeLineItemMutationVariables>;
export const CancelLineItemDocument = new TypedDocumentString(`
    mutation CancelLineItem($id: ID!) {
  cancelLineItem(id: $id) {
    lineItem {
      ...LineItemFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment CreativeFields on Creative {
  id
  videoId
  clickThroughUrl
  approval
  videoStatus
  createdAt
}
fragment LineItemFields on LineItem {
  id
  campaignId
  name
  status
  flightStart
  flightEnd
  budget
  dailyCap
  cpmBid
  pacing
  targeting {
    categories
    tags
    devices
    countries
    timeZone
    positions
    mediaKinds
  }
  escrowBalance
  spent
  returned
  createdAt
  closedAt
  creatives {
    ...CreativeFields
  }
}
fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<CancelLineItemMutation, CancelLineItemMutationVariables>;
export const CreateCreativeDocument = new TypedDocumentString(`
    mutation CreateCreative($input: CreateCreativeInput!) {
  createCreative(input: $input) {
    creative {
      ...CreativeFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment CreativeFields on Creative {
  id
  videoId
  clickThroughUrl
  approval
  videoStatus
  createdAt
}
fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<CreateCreativeMutation, CreateCreativeMutationVariables>;
export const MyAdVideosDocument = new TypedDocumentString(`
    query MyAdVideos($first: Int) {
  myVideos(first: $first) {
    edges {
      node {
        id
        title
        status
        durationSec
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyAdVideosQuery, MyAdVideosQueryVariables>;
export const AdvertiserApiKeysDocument = new TypedDocumentString(`
    query AdvertiserApiKeys {
  advertiserApiKeys {
    ...ApiKeyFields
  }
}
    fragment ApiKeyFields on AdvertiserApiKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<AdvertiserApiKeysQuery, AdvertiserApiKeysQueryVariables>;
export const CreateAdvertiserApiKeyDocument = new TypedDocumentString(`
    mutation CreateAdvertiserApiKey($input: CreateAdvertiserApiKeyInput!) {
  createAdvertiserApiKey(input: $input) {
    apiKey {
      ...ApiKeyFields
    }
    secret
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment ApiKeyFields on AdvertiserApiKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  revokedAt
}
fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<CreateAdvertiserApiKeyMutation, CreateAdvertiserApiKeyMutationVariables>;
export const RevokeAdvertiserApiKeyDocument = new TypedDocumentString(`
    mutation RevokeAdvertiserApiKey($id: ID!) {
  revokeAdvertiserApiKey(id: $id) {
    apiKey {
      ...ApiKeyFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment ApiKeyFields on AdvertiserApiKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  revokedAt
}
fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<RevokeAdvertiserApiKeyMutation, RevokeAdvertiserApiKeyMutationVariables>;
export const AdReportDocument = new TypedDocumentString(`
    query AdReport($first: Int, $after: String, $filter: AdReportFilterInput) {
  adReport(first: $first, after: $after, filter: $filter) {
    edges {
      node {
        lineItemId
        lineItemName
        campaignId
        day
        impressions
        starts
        completes
        completionRate
        clicks
        clickThroughRate
        spend
        eCpm
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AdReportQuery, AdReportQueryVariables>;
export const SubscribeDocument = new TypedDocumentString(`
    mutation Subscribe($handle: String!) {
  subscribe(handle: $handle) {
    subscribed
    channel {
      id
      subscriberCount
      viewerIsSubscribed
    }
    userErrors {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<SubscribeMutation, SubscribeMutationVariables>;
export const UnsubscribeDocument = new TypedDocumentString(`
    mutation Unsubscribe($handle: String!) {
  unsubscribe(handle: $handle) {
    subscribed
    channel {
      id
      subscriberCount
      viewerIsSubscribed
    }
    userErrors {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<UnsubscribeMutation, UnsubscribeMutationVariables>;
export const RateVideoDocument = new TypedDocumentString(`
    mutation RateVideo($videoId: ID!, $rating: VideoRating!) {
  rateVideo(videoId: $videoId, rating: $rating) {
    rating
    video {
      ...VideoEngagement
    }
    userErrors {
      field
      code
      message
    }
  }
}
    fragment VideoEngagement on Video {
  id
  viewCount
  likeCount
  dislikeCount
  viewerRating
}`) as unknown as TypedDocumentString<RateVideoMutation, RateVideoMutationVariables>;
export const RecordWatchProgressDocument = new TypedDocumentString(`
    mutation RecordWatchProgress($videoId: ID!, $positionSeconds: Float!) {
  recordWatchProgress(videoId: $videoId, positionSeconds: $positionSeconds) {
    recorded
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RecordWatchProgressMutation, RecordWatchProgressMutationVariables>;
export const MyPlaylistsDocument = new TypedDocumentString(`
    query MyPlaylists {
  myPlaylists {
    id
    title
    visibility
    itemCount
    isWatchLater
    thumbnailUrl
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<MyPlaylistsQuery, MyPlaylistsQueryVariables>;
export const PlaylistPageDocument = new TypedDocumentString(`
    query PlaylistPage($id: ID!, $first: Int, $after: String) {
  playlist(id: $id) {
    id
    title
    description
    visibility
    itemCount
    isWatchLater
    viewerIsOwner
    updatedAt
    kind
    thumbnailUrl
    coverUploaded
    show {
      author
      language
      category
      subcategory
      explicit
      locked
      feedUrl
    }
    owner {
      id
      displayName
    }
    items(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          position
          available
          videoId
          video {
            ...VideoCard
          }
        }
      }
    }
  }
}
    fragment VideoCard on Video {
  id
  title
  kind
  durationSec
  createdAt
  posterUrl
  status
  progress
  viewCount
  owner {
    id
    displayName
  }
  channel {
    handle
  }
  viewerProgress {
    positionSec
    finished
  }
}`) as unknown as TypedDocumentString<PlaylistPageQuery, PlaylistPageQueryVariables>;
export const AddToPlaylistDocument = new TypedDocumentString(`
    mutation AddToPlaylist($playlistId: ID!, $videoId: ID!) {
  addToPlaylist(playlistId: $playlistId, videoId: $videoId) {
    playlist {
      id
      itemCount
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AddToPlaylistMutation, AddToPlaylistMutationVariables>;
export const RemoveFromPlaylistDocument = new TypedDocumentString(`
    mutation RemoveFromPlaylist($playlistId: ID!, $videoId: ID!) {
  removeFromPlaylist(playlistId: $playlistId, videoId: $videoId) {
    playlist {
      id
      itemCount
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RemoveFromPlaylistMutation, RemoveFromPlaylistMutationVariables>;
export const MovePlaylistItemDocument = new TypedDocumentString(`
    mutation MovePlaylistItem($playlistId: ID!, $videoId: ID!, $position: Int!) {
  movePlaylistItem(
    playlistId: $playlistId
    videoId: $videoId
    position: $position
  ) {
    playlist {
      id
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<MovePlaylistItemMutation, MovePlaylistItemMutationVariables>;
export const CreatePlaylistDocument = new TypedDocumentString(`
    mutation CreatePlaylist($input: CreatePlaylistInput!) {
  createPlaylist(input: $input) {
    playlist {
      id
      title
      visibility
      itemCount
      isWatchLater
      thumbnailUrl
      updatedAt
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreatePlaylistMutation, CreatePlaylistMutationVariables>;
export const ListenTrackDocument = new TypedDocumentString(`
    query ListenTrack($id: ID!) {
  video(id: $id) {
    id
    title
    kind
    status
    masterUrl
    posterUrl
    durationSec
    owner {
      id
      displayName
    }
    audio {
      tagTitle
      artist
      album
      peaksUrl
    }
    viewerProgress {
      resumeAtSec
    }
    chapters {
      startSec
      title
    }
  }
}
    `) as unknown as TypedDocumentString<ListenTrackQuery, ListenTrackQueryVariables>;
export const ListenListDocument = new TypedDocumentString(`
    query ListenList($id: ID!, $first: Int) {
  playlist(id: $id) {
    id
    title
    items(first: $first) {
      edges {
        node {
          position
          available
          video {
            id
            title
            kind
            status
            posterUrl
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ListenListQuery, ListenListQueryVariables>;
export const SwarmsDocument = new TypedDocumentString(`
    query Swarms($id: ID!) {
  video(id: $id) {
    id
    manifestUrl
    swarms {
      rendition
      infoHash
      magnetUri
      torrentUrl
      trackerUrls
    }
  }
}
    `) as unknown as TypedDocumentString<SwarmsQuery, SwarmsQueryVariables>;
export const HeartbeatDocument = new TypedDocumentString(`
    mutation Heartbeat($input: PlaybackHeartbeatInput!) {
  playbackHeartbeat(input: $input) {
    ok
  }
}
    `) as unknown as TypedDocumentString<HeartbeatMutation, HeartbeatMutationVariables>;
export const StartDocument = new TypedDocumentString(`
    mutation Start($input: StartPlaybackInput!) {
  playbackSession(input: $input) {
    session {
      sessionId
      certificate
      expiresAt
      masterUrl
      trackerUrls
      iceServers {
        urls
        username
        credential
      }
      adFree
      bandwidthBudget
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<StartMutation, StartMutationVariables>;
export const WalletPageDocument = new TypedDocumentString(`
    query WalletPage {
  wallet {
    ...WalletFields
  }
  myEntitlement {
    ...EntitlementFields
  }
  plans {
    id
    name
    periodDays
    price
  }
}
    fragment WalletFields on Wallet {
  currency
  decimals
  balance
  pending
  creatorRevenue
  adFreeUntil
}
fragment EntitlementFields on Entitlement {
  planId
  planName
  startsAt
  expiresAt
}`) as unknown as TypedDocumentString<WalletPageQuery, WalletPageQueryVariables>;
export const WalletBalanceDocument = new TypedDocumentString(`
    query WalletBalance {
  wallet {
    balance
  }
}
    `) as unknown as TypedDocumentString<WalletBalanceQuery, WalletBalanceQueryVariables>;
export const TransactionsDocument = new TypedDocumentString(`
    query Transactions($first: Int, $after: String) {
  transactions(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...LedgerTransactionFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment LedgerTransactionFields on LedgerTransaction {
  id
  kind
  account
  amount
  memo
  createdAt
}`) as unknown as TypedDocumentString<TransactionsQuery, TransactionsQueryVariables>;
export const SeedingEarningsDocument = new TypedDocumentString(`
    query SeedingEarnings($days: Int) {
  seedingEarnings(days: $days) {
    day
    amount
    segments
  }
}
    `) as unknown as TypedDocumentString<SeedingEarningsQuery, SeedingEarningsQueryVariables>;
export const CreatorEarningsDocument = new TypedDocumentString(`
    query CreatorEarnings($days: Int) {
  wallet {
    creatorRevenue
  }
  creatorEarnings(days: $days) {
    day
    amount
    segments
  }
}
    `) as unknown as TypedDocumentString<CreatorEarningsQuery, CreatorEarningsQueryVariables>;
export const BuyPlanDocument = new TypedDocumentString(`
    mutation BuyPlan($input: BuyPlanInput!) {
  buyPlan(input: $input) {
    entitlement {
      ...EntitlementFields
    }
    wallet {
      ...WalletFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment WalletFields on Wallet {
  currency
  decimals
  balance
  pending
  creatorRevenue
  adFreeUntil
}
fragment EntitlementFields on Entitlement {
  planId
  planName
  startsAt
  expiresAt
}
fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<BuyPlanMutation, BuyPlanMutationVariables>;
export const TransferDocument = new TypedDocumentString(`
    mutation Transfer($input: TransferInput!) {
  transfer(input: $input) {
    transaction {
      ...LedgerTransactionFields
    }
    wallet {
      ...WalletFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment WalletFields on Wallet {
  currency
  decimals
  balance
  pending
  creatorRevenue
  adFreeUntil
}
fragment LedgerTransactionFields on LedgerTransaction {
  id
  kind
  account
  amount
  memo
  createdAt
}
fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<TransferMutation, TransferMutationVariables>;
export const FaucetDocument = new TypedDocumentString(`
    mutation Faucet {
  faucet {
    wallet {
      ...WalletFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment WalletFields on Wallet {
  currency
  decimals
  balance
  pending
  creatorRevenue
  adFreeUntil
}
fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<FaucetMutation, FaucetMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    displayName
    email
    roles
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const CreatorSupportDocument = new TypedDocumentString(`
    query CreatorSupport($creatorId: ID!) {
  creatorSupport(creatorId: $creatorId) {
    creatorId
    enabled
    amountPerMinute
    dailyCeiling
    paidToday
  }
  wallet {
    balance
  }
}
    `) as unknown as TypedDocumentString<CreatorSupportQuery, CreatorSupportQueryVariables>;
export const SetCreatorSupportDocument = new TypedDocumentString(`
    mutation SetCreatorSupport($input: SetCreatorSupportInput!) {
  setCreatorSupport(input: $input) {
    support {
      creatorId
      enabled
      amountPerMinute
      dailyCeiling
      paidToday
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SetCreatorSupportMutation, SetCreatorSupportMutationVariables>;
export const SupportStudioDocument = new TypedDocumentString(`
    query SupportStudio {
  supportSplit {
    userId
    displayName
    handle
    percent
  }
  supportReceived {
    total
    last30Days
    supporters {
      userId
      displayName
      paid
    }
  }
}
    `) as unknown as TypedDocumentString<SupportStudioQuery, SupportStudioQueryVariables>;
export const SetSupportSplitDocument = new TypedDocumentString(`
    mutation SetSupportSplit($input: SetSupportSplitInput!) {
  setSupportSplit(input: $input) {
    recipients {
      userId
      displayName
      handle
      percent
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SetSupportSplitMutation, SetSupportSplitMutationVariables>;
export const VideoCategoriesDocument = new TypedDocumentString(`
    query VideoCategories {
  videoCategories
}
    `) as unknown as TypedDocumentString<VideoCategoriesQuery, VideoCategoriesQueryVariables>;
