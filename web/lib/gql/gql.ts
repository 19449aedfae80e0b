/* eslint-disable */
import * as types from './graphql';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  query Home($first: Int, $after: String) {\n    videos(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...VideoCard\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n': typeof types.HomeDocument;
  '\n  query ChannelPage($handle: String!) {\n    channel(handle: $handle) {\n      ...ChannelHeader\n    }\n  }\n': typeof types.ChannelPageDocument;
  '\n  query ChannelPlaylists($handle: String!, $first: Int, $after: String) {\n    channel(handle: $handle) {\n      id\n      playlists(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            title\n            visibility\n            itemCount\n            thumbnailUrl\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n': typeof types.ChannelPlaylistsDocument;
  '\n  query ChannelVideos($handle: String!, $first: Int, $after: String, $orderBy: ChannelVideoOrder) {\n    channel(handle: $handle) {\n      id\n      videos(first: $first, after: $after, orderBy: $orderBy) {\n        edges {\n          node {\n            ...VideoCard\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n': typeof types.ChannelVideosDocument;
  '\n  query LibraryHistory($first: Int, $after: String) {\n    historySettings {\n      paused\n    }\n    watchHistory(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          video {\n            ...VideoCard\n          }\n          progress {\n            watchedAt\n          }\n        }\n      }\n    }\n  }\n': typeof types.LibraryHistoryDocument;
  '\n  mutation SetHistoryPaused($paused: Boolean!) {\n    setHistoryPaused(paused: $paused) {\n      paused\n    }\n  }\n': typeof types.SetHistoryPausedDocument;
  '\n  mutation ClearWatchHistory {\n    clearWatchHistory {\n      removedCount\n    }\n  }\n': typeof types.ClearWatchHistoryDocument;
  '\n  mutation RemoveFromHistory($videoId: ID!) {\n    removeFromHistory(videoId: $videoId) {\n      removed\n    }\n  }\n': typeof types.RemoveFromHistoryDocument;
  '\n  mutation UpdatePlaylist($input: UpdatePlaylistInput!) {\n    updatePlaylist(input: $input) {\n      playlist {\n        id\n        title\n        visibility\n        kind\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n': typeof types.UpdatePlaylistDocument;
  '\n  mutation DeletePlaylist($id: ID!) {\n    deletePlaylist(id: $id) {\n      deletedPlaylistId\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n': typeof types.DeletePlaylistDocument;
  '\n  query Search($query: String!, $first: Int, $after: String, $filter: SearchFilter, $orderBy: SearchOrder) {\n    search(query: $query, first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      corrections {\n        word\n        matchedAs\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        channelName\n        channelHandle\n        node {\n          ...VideoCard\n          description\n        }\n      }\n    }\n  }\n': typeof types.SearchDocument;
  '\n  query Studio($first: Int, $after: String) {\n    myVideos(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...StudioVideo\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n': typeof types.StudioDocument;
  '\n  query MyChannel {\n    myChannel {\n      ...ChannelHeader\n    }\n  }\n': typeof types.MyChannelDocument;
  '\n  mutation UpdateChannel($input: UpdateChannelInput!) {\n    updateChannel(input: $input) {\n      channel {\n        ...ChannelHeader\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n': typeof types.UpdateChannelDocument;
  '\n  fragment StudioVideo on Video {\n    ...VideoFields\n    category\n    midrolls\n    midrollsAreDefault\n    canRetry\n    coverUploaded\n  }\n': typeof types.StudioVideoFragmentDoc;
  '\n  query StudioCaptions($id: ID!) {\n    video(id: $id) {\n      id\n      captions {\n        language\n        label\n        url\n        cueCount\n        sourceFormat\n        updatedAt\n      }\n    }\n  }\n': typeof types.StudioCaptionsDocument;
  '\n  mutation DeleteCaption($videoId: ID!, $language: String!) {\n    deleteCaption(videoId: $videoId, language: $language) {\n      deletedLanguage\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.DeleteCaptionDocument;
  '\n  query StudioVideoRefresh($id: ID!) {\n    video(id: $id) {\n      ...StudioVideo\n    }\n  }\n': typeof types.StudioVideoRefreshDocument;
  '\n  query StudioProgress($id: ID!) {\n    video(id: $id) {\n      status\n      progress\n      failureReason\n    }\n  }\n': typeof types.StudioProgressDocument;
  '\n  mutation DeleteVideo($id: ID!) {\n    deleteVideo(id: $id) {\n      deletedVideoId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.DeleteVideoDocument;
  '\n  mutation RetryVideo($id: ID!) {\n    retryVideo(id: $id) {\n      video {\n        id\n        status\n        progress\n        failureReason\n        canRetry\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.RetryVideoDocument;
  '\n  mutation UpdateVideo($input: UpdateVideoInput!) {\n    updateVideo(input: $input) {\n      video {\n        id\n        title\n        description\n        tags\n        visibility\n        category\n        midrolls\n        midrollsAreDefault\n        kind\n        audio {\n          artist\n          album\n          genre\n          trackNumber\n          year\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.UpdateVideoDocument;
  '\n  query StudioAudioTags($id: ID!) {\n    video(id: $id) {\n      id\n      kind\n      audio {\n        artist\n        album\n        genre\n        trackNumber\n        year\n      }\n    }\n  }\n': typeof types.StudioAudioTagsDocument;
  '\n  query SubscriptionsPage($first: Int, $after: String, $withChannels: Boolean!) {\n    subscriptionFeed(first: $first, after: $after) {\n      edges {\n        node {\n          ...VideoCard\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    mySubscriptions(first: 100) @include(if: $withChannels) {\n      totalCount\n      edges {\n        node {\n          id\n          handle\n          displayName\n          avatarUrl\n        }\n      }\n    }\n  }\n': typeof types.SubscriptionsPageDocument;
  '\n  query UploadStatus($id: ID!) {\n    video(id: $id) {\n      status\n      progress\n      failureReason\n    }\n  }\n': typeof types.UploadStatusDocument;
  '\n  query Mine {\n    myVideos(first: 10) {\n      edges {\n        node {\n          id\n          title\n          createdAt\n        }\n      }\n    }\n  }\n': typeof types.MineDocument;
  '\n  query Watch($id: ID!) {\n    video(id: $id) {\n      ...VideoFields\n      ...VideoEngagement\n      viewerProgress {\n        positionSec\n        finished\n        resumeAtSec\n      }\n      viewerPlaylistIds\n    }\n  }\n': typeof types.WatchDocument;
  '\n  query WatchChannel($id: ID!) {\n    video(id: $id) {\n      id\n      channel {\n        id\n        handle\n        displayName\n        avatarSmallUrl\n        subscriberCount\n        viewerIsSubscribed\n        viewerIsOwner\n      }\n    }\n  }\n': typeof types.WatchChannelDocument;
  '\n  fragment CommentFields on Comment {\n    id\n    parentId\n    body\n    createdAt\n    editedAt\n    edited\n    deleted\n    hidden\n    replyCount\n    likeCount\n    viewerHasLiked\n    viewerIsAuthor\n    viewerCanEdit\n    viewerCanDelete\n    viewerCanHide\n    authorIsVideoOwner\n    author {\n      id\n      displayName\n      handle\n      avatarUrl\n    }\n  }\n': typeof types.CommentFieldsFragmentDoc;
  '\n  query VideoComments($id: ID!, $first: Int!, $after: String, $orderBy: CommentOrder!) {\n    video(id: $id) {\n      id\n      commentCount\n      comments(first: $first, after: $after, orderBy: $orderBy) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...CommentFields\n          }\n        }\n      }\n    }\n  }\n': typeof types.VideoCommentsDocument;
  '\n  query CommentReplies($id: ID!, $first: Int!, $after: String) {\n    comment(id: $id) {\n      id\n      replies(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...CommentFields\n          }\n        }\n      }\n    }\n  }\n': typeof types.CommentRepliesDocument;
  '\n  mutation AddComment($videoId: ID!, $body: String!) {\n    addComment(videoId: $videoId, body: $body) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n': typeof types.AddCommentDocument;
  '\n  mutation ReplyToComment($commentId: ID!, $body: String!) {\n    replyToComment(commentId: $commentId, body: $body) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n': typeof types.ReplyToCommentDocument;
  '\n  mutation EditComment($id: ID!, $body: String!) {\n    editComment(id: $id, body: $body) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n': typeof types.EditCommentDocument;
  '\n  mutation DeleteComment($id: ID!) {\n    deleteComment(id: $id) {\n      deletedCommentId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n': typeof types.DeleteCommentDocument;
  '\n  mutation SetCommentHidden($id: ID!, $hidden: Boolean!) {\n    setCommentHidden(id: $id, hidden: $hidden) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n': typeof types.SetCommentHiddenDocument;
  '\n  mutation SetCommentLiked($id: ID!, $liked: Boolean!) {\n    setCommentLiked(id: $id, liked: $liked) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n': typeof types.SetCommentLikedDocument;
  '\n  query ContinueWatching($first: Int) {\n    continueWatching(first: $first) {\n      video {\n        ...VideoCard\n      }\n    }\n  }\n': typeof types.ContinueWatchingDocument;
  '\n  query HomeSubscriptions {\n    subscriptionFeed(first: 8) {\n      edges {\n        node {\n          ...VideoCard\n        }\n      }\n    }\n  }\n': typeof types.HomeSubscriptionsDocument;
  '\n  query Trending($first: Int) {\n    trending(first: $first) {\n      ...VideoCard\n    }\n  }\n': typeof types.TrendingDocument;
  '\n  query SearchSuggestions($prefix: String!, $first: Int) {\n    searchSuggestions(prefix: $prefix, first: $first)\n  }\n': typeof types.SearchSuggestionsDocument;
  '\n  fragment CampaignFields on Campaign {\n    id\n    name\n    status\n    createdAt\n  }\n': typeof types.CampaignFieldsFragmentDoc;
  '\n  fragment CreativeFields on Creative {\n    id\n    videoId\n    clickThroughUrl\n    approval\n    videoStatus\n    createdAt\n  }\n': typeof types.CreativeFieldsFragmentDoc;
  '\n  fragment LineItemFields on LineItem {\n    id\n    campaignId\n    name\n    status\n    flightStart\n    flightEnd\n    budget\n    dailyCap\n    cpmBid\n    pacing\n    targeting {\n      categories\n      tags\n      devices\n      countries\n      timeZone\n      positions\n      mediaKinds\n    }\n    escrowBalance\n    spent\n    returned\n    createdAt\n    closedAt\n    creatives {\n      ...CreativeFields\n    }\n  }\n': typeof types.LineItemFieldsFragmentDoc;
  '\n  fragment ApiKeyFields on AdvertiserApiKey {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n': typeof types.ApiKeyFieldsFragmentDoc;
  '\n  query Advertiser {\n    advertiser {\n      id\n      walletBalance\n    }\n  }\n': typeof types.AdvertiserDocument;
  '\n  query AdCampaigns($first: Int, $after: String) {\n    campaigns(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...CampaignFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.AdCampaignsDocument;
  '\n  query AdCampaignLineItems($id: ID!, $first: Int, $after: String) {\n    campaign(id: $id) {\n      id\n      lineItems(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...LineItemFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n': typeof types.AdCampaignLineItemsDocument;
  '\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      campaign {\n        ...CampaignFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.CreateCampaignDocument;
  '\n  mutation SetCampaignStatus($id: ID!, $status: CampaignStatus!) {\n    setCampaignStatus(id: $id, status: $status) {\n      campaign {\n        ...CampaignFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.SetCampaignStatusDocument;
  '\n  mutation CreateLineItem($input: CreateLineItemInput!) {\n    createLineItem(input: $input) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.CreateLineItemDocument;
  '\n  mutation PauseLineItem($id: ID!) {\n    pauseLineItem(id: $id) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.PauseLineItemDocument;
  '\n  mutation ResumeLineItem($id: ID!) {\n    resumeLineItem(id: $id) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.ResumeLineItemDocument;
  '\n  mutation CancelLineItem($id: ID!) {\n    cancelLineItem(id: $id) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.CancelLineItemDocument;
  '\n  mutation CreateCreative($input: CreateCreativeInput!) {\n    createCreative(input: $input) {\n      creative {\n        ...CreativeFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.CreateCreativeDocument;
  '\n  query MyAdVideos($first: Int) {\n    myVideos(first: $first) {\n      edges {\n        node {\n          id\n          title\n          status\n          durationSec\n        }\n      }\n    }\n  }\n': typeof types.MyAdVideosDocument;
  '\n  query AdvertiserApiKeys {\n    advertiserApiKeys {\n      ...ApiKeyFields\n    }\n  }\n': typeof types.AdvertiserApiKeysDocument;
  '\n  mutation CreateAdvertiserApiKey($input: CreateAdvertiserApiKeyInput!) {\n    createAdvertiserApiKey(input: $input) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.CreateAdvertiserApiKeyDocument;
  '\n  mutation RevokeAdvertiserApiKey($id: ID!) {\n    revokeAdvertiserApiKey(id: $id) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.RevokeAdvertiserApiKeyDocument;
  '\n  query AdReport($first: Int, $after: String, $filter: AdReportFilterInput) {\n    adReport(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          lineItemId\n          lineItemName\n          campaignId\n          day\n          impressions\n          starts\n          completes\n          completionRate\n          clicks\n          clickThroughRate\n          spend\n          eCpm\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.AdReportDocument;
  '\n  fragment ChannelHeader on Channel {\n    id\n    handle\n    displayName\n    description\n    links {\n      title\n      url\n    }\n    avatarUrl\n    avatarSmallUrl\n    bannerUrl\n    createdAt\n    viewerIsOwner\n    viewerIsSubscribed\n    subscriberCount\n    videoCount\n  }\n': typeof types.ChannelHeaderFragmentDoc;
  '\n  mutation Subscribe($handle: String!) {\n    subscribe(handle: $handle) {\n      subscribed\n      channel {\n        id\n        subscriberCount\n        viewerIsSubscribed\n      }\n      userErrors {\n        message\n        code\n      }\n    }\n  }\n': typeof types.SubscribeDocument;
  '\n  mutation Unsubscribe($handle: String!) {\n    unsubscribe(handle: $handle) {\n      subscribed\n      channel {\n        id\n        subscriberCount\n        viewerIsSubscribed\n      }\n      userErrors {\n        message\n        code\n      }\n    }\n  }\n': typeof types.UnsubscribeDocument;
  '\n  fragment VideoEngagement on Video {\n    id\n    viewCount\n    likeCount\n    dislikeCount\n    viewerRating\n  }\n': typeof types.VideoEngagementFragmentDoc;
  '\n  mutation RateVideo($videoId: ID!, $rating: VideoRating!) {\n    rateVideo(videoId: $videoId, rating: $rating) {\n      rating\n      video {\n        ...VideoEngagement\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.RateVideoDocument;
  '\n  mutation RecordWatchProgress($videoId: ID!, $positionSeconds: Float!) {\n    recordWatchProgress(videoId: $videoId, positionSeconds: $positionSeconds) {\n      recorded\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n': typeof types.RecordWatchProgressDocument;
  '\n  query MyPlaylists {\n    myPlaylists {\n      id\n      title\n      visibility\n      itemCount\n      isWatchLater\n      thumbnailUrl\n      updatedAt\n    }\n  }\n': typeof types.MyPlaylistsDocument;
  '\n  query PlaylistPage($id: ID!, $first: Int, $after: String) {\n    playlist(id: $id) {\n      id\n      title\n      description\n      visibility\n      itemCount\n      isWatchLater\n      viewerIsOwner\n      updatedAt\n      kind\n      thumbnailUrl\n      coverUploaded\n      show {\n        author\n        language\n        category\n        subcategory\n        explicit\n        locked\n        feedUrl\n      }\n      owner {\n        id\n        displayName\n      }\n      items(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            position\n            available\n            videoId\n            video {\n              ...VideoCard\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.PlaylistPageDocument;
  '\n  mutation AddToPlaylist($playlistId: ID!, $videoId: ID!) {\n    addToPlaylist(playlistId: $playlistId, videoId: $videoId) {\n      playlist {\n        id\n        itemCount\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n': typeof types.AddToPlaylistDocument;
  '\n  mutation RemoveFromPlaylist($playlistId: ID!, $videoId: ID!) {\n    removeFromPlaylist(playlistId: $playlistId, videoId: $videoId) {\n      playlist {\n        id\n        itemCount\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n': typeof types.RemoveFromPlaylistDocument;
  '\n  mutation MovePlaylistItem($playlistId: ID!, $videoId: ID!, $position: Int!) {\n    movePlaylistItem(playlistId: $playlistId, videoId: $videoId, position: $position) {\n      playlist {\n        id\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n': typeof types.MovePlaylistItemDocument;
  '\n  mutation CreatePlaylist($input: CreatePlaylistInput!) {\n    createPlaylist(input: $input) {\n      playlist {\n        id\n        title\n        visibility\n        itemCount\n        isWatchLater\n        thumbnailUrl\n        updatedAt\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.CreatePlaylistDocument;
  '\n  query ListenTrack($id: ID!) {\n    video(id: $id) {\n      id\n      title\n      kind\n      status\n      masterUrl\n      posterUrl\n      durationSec\n      owner {\n        id\n        displayName\n      }\n      audio {\n        tagTitle\n        artist\n        album\n        peaksUrl\n      }\n      viewerProgress {\n        resumeAtSec\n      }\n      chapters {\n        startSec\n        title\n      }\n    }\n  }\n': typeof types.ListenTrackDocument;
  '\n  query ListenList($id: ID!, $first: Int) {\n    playlist(id: $id) {\n      id\n      title\n      items(first: $first) {\n        edges {\n          node {\n            position\n            available\n            video {\n              id\n              title\n              kind\n              status\n              posterUrl\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.ListenListDocument;
  '\n  query Swarms($id: ID!) {\n    video(id: $id) {\n      id\n      manifestUrl\n      swarms {\n        rendition\n        infoHash\n        magnetUri\n        torrentUrl\n        trackerUrls\n      }\n    }\n  }\n': typeof types.SwarmsDocument;
  '\n  mutation Heartbeat($input: PlaybackHeartbeatInput!) {\n    playbackHeartbeat(input: $input) {\n      ok\n    }\n  }\n': typeof types.HeartbeatDocument;
  '\n  mutation Start($input: StartPlaybackInput!) {\n    playbackSession(input: $input) {\n      session {\n        sessionId\n        certificate\n        expiresAt\n        masterUrl\n        trackerUrls\n        iceServers {\n          urls\n          username\n          credential\n        }\n        adFree\n        bandwidthBudget\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n': typeof types.StartDocument;
  '\n  fragment WalletFields on Wallet {\n    currency\n    decimals\n    balance\n    pending\n    creatorRevenue\n    adFreeUntil\n  }\n': typeof types.WalletFieldsFragmentDoc;
  '\n  fragment EntitlementFields on Entitlement {\n    planId\n    planName\n    startsAt\n    expiresAt\n  }\n': typeof types.EntitlementFieldsFragmentDoc;
  '\n  fragment LedgerTransactionFields on LedgerTransaction {\n    id\n    kind\n    account\n    amount\n    memo\n    createdAt\n  }\n': typeof types.LedgerTransactionFieldsFragmentDoc;
  '\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n': typeof types.UserErrorFieldsFragmentDoc;
  '\n  query WalletPage {\n    wallet {\n      ...WalletFields\n    }\n    myEntitlement {\n      ...EntitlementFields\n    }\n    plans {\n      id\n      name\n      periodDays\n      price\n    }\n  }\n': typeof types.WalletPageDocument;
  '\n  query WalletBalance {\n    wallet {\n      balance\n    }\n  }\n': typeof types.WalletBalanceDocument;
  '\n  query Transactions($first: Int, $after: String) {\n    transactions(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...LedgerTransactionFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.TransactionsDocument;
  '\n  query SeedingEarnings($days: Int) {\n    seedingEarnings(days: $days) {\n      day\n      amount\n      segments\n    }\n  }\n': typeof types.SeedingEarningsDocument;
  '\n  query CreatorEarnings($days: Int) {\n    wallet {\n      creatorRevenue\n    }\n    creatorEarnings(days: $days) {\n      day\n      amount\n      segments\n    }\n  }\n': typeof types.CreatorEarningsDocument;
  '\n  mutation BuyPlan($input: BuyPlanInput!) {\n    buyPlan(input: $input) {\n      entitlement {\n        ...EntitlementFields\n      }\n      wallet {\n        ...WalletFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.BuyPlanDocument;
  '\n  mutation Transfer($input: TransferInput!) {\n    transfer(input: $input) {\n      transaction {\n        ...LedgerTransactionFields\n      }\n      wallet {\n        ...WalletFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.TransferDocument;
  '\n  mutation Faucet {\n    faucet {\n      wallet {\n        ...WalletFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.FaucetDocument;
  '\n  query Me {\n    me {\n      id\n      displayName\n      email\n      roles\n    }\n  }\n': typeof types.MeDocument;
  '\n  query CreatorSupport($creatorId: ID!) {\n    creatorSupport(creatorId: $creatorId) {\n      creatorId\n      enabled\n      amountPerMinute\n      dailyCeiling\n      paidToday\n    }\n    wallet {\n      balance\n    }\n  }\n': typeof types.CreatorSupportDocument;
  '\n  mutation SetCreatorSupport($input: SetCreatorSupportInput!) {\n    setCreatorSupport(input: $input) {\n      support {\n        creatorId\n        enabled\n        amountPerMinute\n        dailyCeiling\n        paidToday\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.SetCreatorSupportDocument;
  '\n  query SupportStudio {\n    supportSplit {\n      userId\n      displayName\n      handle\n      percent\n    }\n    supportReceived {\n      total\n      last30Days\n      supporters {\n        userId\n        displayName\n        paid\n      }\n    }\n  }\n': typeof types.SupportStudioDocument;
  '\n  mutation SetSupportSplit($input: SetSupportSplitInput!) {\n    setSupportSplit(input: $input) {\n      recipients {\n        userId\n        displayName\n        handle\n        percent\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.SetSupportSplitDocument;
  '\n  query VideoCategories {\n    videoCategories\n  }\n': typeof types.VideoCategoriesDocument;
  '\n  fragment VideoCard on Video {\n    id\n    title\n    kind\n    durationSec\n    createdAt\n    posterUrl\n    status\n    progress\n    viewCount\n    owner {\n      id\n      displayName\n    }\n    channel {\n      handle\n    }\n    viewerProgress {\n      positionSec\n      finished\n    }\n  }\n': typeof types.VideoCardFragmentDoc;
  '\n  fragment VideoFields on Video {\n    id\n    title\n    description\n    tags\n    visibility\n    status\n    progress\n    failureReason\n    durationSec\n    width\n    height\n    createdAt\n    posterUrl\n    masterUrl\n    storyboardUrl\n    kind\n    renditions {\n      name\n      width\n      height\n      bandwidth\n      codecs\n    }\n    viewerCanEdit\n    owner {\n      id\n      displayName\n    }\n  }\n': typeof types.VideoFieldsFragmentDoc;
};
const documents: Documents = {
  '\n  query Home($first: Int, $after: String) {\n    videos(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...VideoCard\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n':
    types.HomeDocument,
  '\n  query ChannelPage($handle: String!) {\n    channel(handle: $handle) {\n      ...ChannelHeader\n    }\n  }\n':
    types.ChannelPageDocument,
  '\n  query ChannelPlaylists($handle: String!, $first: Int, $after: String) {\n    channel(handle: $handle) {\n      id\n      playlists(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            title\n            visibility\n            itemCount\n            thumbnailUrl\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n':
    types.ChannelPlaylistsDocument,
  '\n  query ChannelVideos($handle: String!, $first: Int, $after: String, $orderBy: ChannelVideoOrder) {\n    channel(handle: $handle) {\n      id\n      videos(first: $first, after: $after, orderBy: $orderBy) {\n        edges {\n          node {\n            ...VideoCard\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n':
    types.ChannelVideosDocument,
  '\n  query LibraryHistory($first: Int, $after: String) {\n    historySettings {\n      paused\n    }\n    watchHistory(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          video {\n            ...VideoCard\n          }\n          progress {\n            watchedAt\n          }\n        }\n      }\n    }\n  }\n':
    types.LibraryHistoryDocument,
  '\n  mutation SetHistoryPaused($paused: Boolean!) {\n    setHistoryPaused(paused: $paused) {\n      paused\n    }\n  }\n':
    types.SetHistoryPausedDocument,
  '\n  mutation ClearWatchHistory {\n    clearWatchHistory {\n      removedCount\n    }\n  }\n': types.ClearWatchHistoryDocument,
  '\n  mutation RemoveFromHistory($videoId: ID!) {\n    removeFromHistory(videoId: $videoId) {\n      removed\n    }\n  }\n':
    types.RemoveFromHistoryDocument,
  '\n  mutation UpdatePlaylist($input: UpdatePlaylistInput!) {\n    updatePlaylist(input: $input) {\n      playlist {\n        id\n        title\n        visibility\n        kind\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n':
    types.UpdatePlaylistDocument,
  '\n  mutation DeletePlaylist($id: ID!) {\n    deletePlaylist(id: $id) {\n      deletedPlaylistId\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n':
    types.DeletePlaylistDocument,
  '\n  query Search($query: String!, $first: Int, $after: String, $filter: SearchFilter, $orderBy: SearchOrder) {\n    search(query: $query, first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      corrections {\n        word\n        matchedAs\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        channelName\n        channelHandle\n        node {\n          ...VideoCard\n          description\n        }\n      }\n    }\n  }\n':
    types.SearchDocument,
  '\n  query Studio($first: Int, $after: String) {\n    myVideos(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...StudioVideo\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n':
    types.StudioDocument,
  '\n  query MyChannel {\n    myChannel {\n      ...ChannelHeader\n    }\n  }\n': types.MyChannelDocument,
  '\n  mutation UpdateChannel($input: UpdateChannelInput!) {\n    updateChannel(input: $input) {\n      channel {\n        ...ChannelHeader\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n':
    types.UpdateChannelDocument,
  '\n  fragment StudioVideo on Video {\n    ...VideoFields\n    category\n    midrolls\n    midrollsAreDefault\n    canRetry\n    coverUploaded\n  }\n':
    types.StudioVideoFragmentDoc,
  '\n  query StudioCaptions($id: ID!) {\n    video(id: $id) {\n      id\n      captions {\n        language\n        label\n        url\n        cueCount\n        sourceFormat\n        updatedAt\n      }\n    }\n  }\n':
    types.StudioCaptionsDocument,
  '\n  mutation DeleteCaption($videoId: ID!, $language: String!) {\n    deleteCaption(videoId: $videoId, language: $language) {\n      deletedLanguage\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.DeleteCaptionDocument,
  '\n  query StudioVideoRefresh($id: ID!) {\n    video(id: $id) {\n      ...StudioVideo\n    }\n  }\n': types.StudioVideoRefreshDocument,
  '\n  query StudioProgress($id: ID!) {\n    video(id: $id) {\n      status\n      progress\n      failureReason\n    }\n  }\n':
    types.StudioProgressDocument,
  '\n  mutation DeleteVideo($id: ID!) {\n    deleteVideo(id: $id) {\n      deletedVideoId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.DeleteVideoDocument,
  '\n  mutation RetryVideo($id: ID!) {\n    retryVideo(id: $id) {\n      video {\n        id\n        status\n        progress\n        failureReason\n        canRetry\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.RetryVideoDocument,
  '\n  mutation UpdateVideo($input: UpdateVideoInput!) {\n    updateVideo(input: $input) {\n      video {\n        id\n        title\n        description\n        tags\n        visibility\n        category\n        midrolls\n        midrollsAreDefault\n        kind\n        audio {\n          artist\n          album\n          genre\n          trackNumber\n          year\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.UpdateVideoDocument,
  '\n  query StudioAudioTags($id: ID!) {\n    video(id: $id) {\n      id\n      kind\n      audio {\n        artist\n        album\n        genre\n        trackNumber\n        year\n      }\n    }\n  }\n':
    types.StudioAudioTagsDocument,
  '\n  query SubscriptionsPage($first: Int, $after: String, $withChannels: Boolean!) {\n    subscriptionFeed(first: $first, after: $after) {\n      edges {\n        node {\n          ...VideoCard\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    mySubscriptions(first: 100) @include(if: $withChannels) {\n      totalCount\n      edges {\n        node {\n          id\n          handle\n          displayName\n          avatarUrl\n        }\n      }\n    }\n  }\n':
    types.SubscriptionsPageDocument,
  '\n  query UploadStatus($id: ID!) {\n    video(id: $id) {\n      status\n      progress\n      failureReason\n    }\n  }\n':
    types.UploadStatusDocument,
  '\n  query Mine {\n    myVideos(first: 10) {\n      edges {\n        node {\n          id\n          title\n          createdAt\n        }\n      }\n    }\n  }\n':
    types.MineDocument,
  '\n  query Watch($id: ID!) {\n    video(id: $id) {\n      ...VideoFields\n      ...VideoEngagement\n      viewerProgress {\n        positionSec\n        finished\n        resumeAtSec\n      }\n      viewerPlaylistIds\n    }\n  }\n':
    types.WatchDocument,
  '\n  query WatchChannel($id: ID!) {\n    video(id: $id) {\n      id\n      channel {\n        id\n        handle\n        displayName\n        avatarSmallUrl\n        subscriberCount\n        viewerIsSubscribed\n        viewerIsOwner\n      }\n    }\n  }\n':
    types.WatchChannelDocument,
  '\n  fragment CommentFields on Comment {\n    id\n    parentId\n    body\n    createdAt\n    editedAt\n    edited\n    deleted\n    hidden\n    replyCount\n    likeCount\n    viewerHasLiked\n    viewerIsAuthor\n    viewerCanEdit\n    viewerCanDelete\n    viewerCanHide\n    authorIsVideoOwner\n    author {\n      id\n      displayName\n      handle\n      avatarUrl\n    }\n  }\n':
    types.CommentFieldsFragmentDoc,
  '\n  query VideoComments($id: ID!, $first: Int!, $after: String, $orderBy: CommentOrder!) {\n    video(id: $id) {\n      id\n      commentCount\n      comments(first: $first, after: $after, orderBy: $orderBy) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...CommentFields\n          }\n        }\n      }\n    }\n  }\n':
    types.VideoCommentsDocument,
  '\n  query CommentReplies($id: ID!, $first: Int!, $after: String) {\n    comment(id: $id) {\n      id\n      replies(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...CommentFields\n          }\n        }\n      }\n    }\n  }\n':
    types.CommentRepliesDocument,
  '\n  mutation AddComment($videoId: ID!, $body: String!) {\n    addComment(videoId: $videoId, body: $body) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n':
    types.AddCommentDocument,
  '\n  mutation ReplyToComment($commentId: ID!, $body: String!) {\n    replyToComment(commentId: $commentId, body: $body) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n':
    types.ReplyToCommentDocument,
  '\n  mutation EditComment($id: ID!, $body: String!) {\n    editComment(id: $id, body: $body) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n':
    types.EditCommentDocument,
  '\n  mutation DeleteComment($id: ID!) {\n    deleteComment(id: $id) {\n      deletedCommentId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n':
    types.DeleteCommentDocument,
  '\n  mutation SetCommentHidden($id: ID!, $hidden: Boolean!) {\n    setCommentHidden(id: $id, hidden: $hidden) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n':
    types.SetCommentHiddenDocument,
  '\n  mutation SetCommentLiked($id: ID!, $liked: Boolean!) {\n    setCommentLiked(id: $id, liked: $liked) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n':
    types.SetCommentLikedDocument,
  '\n  query ContinueWatching($first: Int) {\n    continueWatching(first: $first) {\n      video {\n        ...VideoCard\n      }\n    }\n  }\n':
    types.ContinueWatchingDocument,
  '\n  query HomeSubscriptions {\n    subscriptionFeed(first: 8) {\n      edges {\n        node {\n          ...VideoCard\n        }\n      }\n    }\n  }\n':
    types.HomeSubscriptionsDocument,
  '\n  query Trending($first: Int) {\n    trending(first: $first) {\n      ...VideoCard\n    }\n  }\n': types.TrendingDocument,
  '\n  query SearchSuggestions($prefix: String!, $first: Int) {\n    searchSuggestions(prefix: $prefix, first: $first)\n  }\n':
    types.SearchSuggestionsDocument,
  '\n  fragment CampaignFields on Campaign {\n    id\n    name\n    status\n    createdAt\n  }\n': types.CampaignFieldsFragmentDoc,
  '\n  fragment CreativeFields on Creative {\n    id\n    videoId\n    clickThroughUrl\n    approval\n    videoStatus\n    createdAt\n  }\n':
    types.CreativeFieldsFragmentDoc,
  '\n  fragment LineItemFields on LineItem {\n    id\n    campaignId\n    name\n    status\n    flightStart\n    flightEnd\n    budget\n    dailyCap\n    cpmBid\n    pacing\n    targeting {\n      categories\n      tags\n      devices\n      countries\n      timeZone\n      positions\n      mediaKinds\n    }\n    escrowBalance\n    spent\n    returned\n    createdAt\n    closedAt\n    creatives {\n      ...CreativeFields\n    }\n  }\n':
    types.LineItemFieldsFragmentDoc,
  '\n  fragment ApiKeyFields on AdvertiserApiKey {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n':
    types.ApiKeyFieldsFragmentDoc,
  '\n  query Advertiser {\n    advertiser {\n      id\n      walletBalance\n    }\n  }\n': types.AdvertiserDocument,
  '\n  query AdCampaigns($first: Int, $after: String) {\n    campaigns(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...CampaignFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.AdCampaignsDocument,
  '\n  query AdCampaignLineItems($id: ID!, $first: Int, $after: String) {\n    campaign(id: $id) {\n      id\n      lineItems(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...LineItemFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n':
    types.AdCampaignLineItemsDocument,
  '\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      campaign {\n        ...CampaignFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.CreateCampaignDocument,
  '\n  mutation SetCampaignStatus($id: ID!, $status: CampaignStatus!) {\n    setCampaignStatus(id: $id, status: $status) {\n      campaign {\n        ...CampaignFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.SetCampaignStatusDocument,
  '\n  mutation CreateLineItem($input: CreateLineItemInput!) {\n    createLineItem(input: $input) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.CreateLineItemDocument,
  '\n  mutation PauseLineItem($id: ID!) {\n    pauseLineItem(id: $id) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.PauseLineItemDocument,
  '\n  mutation ResumeLineItem($id: ID!) {\n    resumeLineItem(id: $id) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.ResumeLineItemDocument,
  '\n  mutation CancelLineItem($id: ID!) {\n    cancelLineItem(id: $id) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.CancelLineItemDocument,
  '\n  mutation CreateCreative($input: CreateCreativeInput!) {\n    createCreative(input: $input) {\n      creative {\n        ...CreativeFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.CreateCreativeDocument,
  '\n  query MyAdVideos($first: Int) {\n    myVideos(first: $first) {\n      edges {\n        node {\n          id\n          title\n          status\n          durationSec\n        }\n      }\n    }\n  }\n':
    types.MyAdVideosDocument,
  '\n  query AdvertiserApiKeys {\n    advertiserApiKeys {\n      ...ApiKeyFields\n    }\n  }\n': types.AdvertiserApiKeysDocument,
  '\n  mutation CreateAdvertiserApiKey($input: CreateAdvertiserApiKeyInput!) {\n    createAdvertiserApiKey(input: $input) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.CreateAdvertiserApiKeyDocument,
  '\n  mutation RevokeAdvertiserApiKey($id: ID!) {\n    revokeAdvertiserApiKey(id: $id) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.RevokeAdvertiserApiKeyDocument,
  '\n  query AdReport($first: Int, $after: String, $filter: AdReportFilterInput) {\n    adReport(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          lineItemId\n          lineItemName\n          campaignId\n          day\n          impressions\n          starts\n          completes\n          completionRate\n          clicks\n          clickThroughRate\n          spend\n          eCpm\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.AdReportDocument,
  '\n  fragment ChannelHeader on Channel {\n    id\n    handle\n    displayName\n    description\n    links {\n      title\n      url\n    }\n    avatarUrl\n    avatarSmallUrl\n    bannerUrl\n    createdAt\n    viewerIsOwner\n    viewerIsSubscribed\n    subscriberCount\n    videoCount\n  }\n':
    types.ChannelHeaderFragmentDoc,
  '\n  mutation Subscribe($handle: String!) {\n    subscribe(handle: $handle) {\n      subscribed\n      channel {\n        id\n        subscriberCount\n        viewerIsSubscribed\n      }\n      userErrors {\n        message\n        code\n      }\n    }\n  }\n':
    types.SubscribeDocument,
  '\n  mutation Unsubscribe($handle: String!) {\n    unsubscribe(handle: $handle) {\n      subscribed\n      channel {\n        id\n        subscriberCount\n        viewerIsSubscribed\n      }\n      userErrors {\n        message\n        code\n      }\n    }\n  }\n':
    types.UnsubscribeDocument,
  '\n  fragment VideoEngagement on Video {\n    id\n    viewCount\n    likeCount\n    dislikeCount\n    viewerRating\n  }\n':
    types.VideoEngagementFragmentDoc,
  '\n  mutation RateVideo($videoId: ID!, $rating: VideoRating!) {\n    rateVideo(videoId: $videoId, rating: $rating) {\n      rating\n      video {\n        ...VideoEngagement\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.RateVideoDocument,
  '\n  mutation RecordWatchProgress($videoId: ID!, $positionSeconds: Float!) {\n    recordWatchProgress(videoId: $videoId, positionSeconds: $positionSeconds) {\n      recorded\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n':
    types.RecordWatchProgressDocument,
  '\n  query MyPlaylists {\n    myPlaylists {\n      id\n      title\n      visibility\n      itemCount\n      isWatchLater\n      thumbnailUrl\n      updatedAt\n    }\n  }\n':
    types.MyPlaylistsDocument,
  '\n  query PlaylistPage($id: ID!, $first: Int, $after: String) {\n    playlist(id: $id) {\n      id\n      title\n      description\n      visibility\n      itemCount\n      isWatchLater\n      viewerIsOwner\n      updatedAt\n      kind\n      thumbnailUrl\n      coverUploaded\n      show {\n        author\n        language\n        category\n        subcategory\n        explicit\n        locked\n        feedUrl\n      }\n      owner {\n        id\n        displayName\n      }\n      items(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            position\n            available\n            videoId\n            video {\n              ...VideoCard\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.PlaylistPageDocument,
  '\n  mutation AddToPlaylist($playlistId: ID!, $videoId: ID!) {\n    addToPlaylist(playlistId: $playlistId, videoId: $videoId) {\n      playlist {\n        id\n        itemCount\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n':
    types.AddToPlaylistDocument,
  '\n  mutation RemoveFromPlaylist($playlistId: ID!, $videoId: ID!) {\n    removeFromPlaylist(playlistId: $playlistId, videoId: $videoId) {\n      playlist {\n        id\n        itemCount\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n':
    types.RemoveFromPlaylistDocument,
  '\n  mutation MovePlaylistItem($playlistId: ID!, $videoId: ID!, $position: Int!) {\n    movePlaylistItem(playlistId: $playlistId, videoId: $videoId, position: $position) {\n      playlist {\n        id\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n':
    types.MovePlaylistItemDocument,
  '\n  mutation CreatePlaylist($input: CreatePlaylistInput!) {\n    createPlaylist(input: $input) {\n      playlist {\n        id\n        title\n        visibility\n        itemCount\n        isWatchLater\n        thumbnailUrl\n        updatedAt\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.CreatePlaylistDocument,
  '\n  query ListenTrack($id: ID!) {\n    video(id: $id) {\n      id\n      title\n      kind\n      status\n      masterUrl\n      posterUrl\n      durationSec\n      owner {\n        id\n        displayName\n      }\n      audio {\n        tagTitle\n        artist\n        album\n        peaksUrl\n      }\n      viewerProgress {\n        resumeAtSec\n      }\n      chapters {\n        startSec\n        title\n      }\n    }\n  }\n':
    types.ListenTrackDocument,
  '\n  query ListenList($id: ID!, $first: Int) {\n    playlist(id: $id) {\n      id\n      title\n      items(first: $first) {\n        edges {\n          node {\n            position\n            available\n            video {\n              id\n              title\n              kind\n              status\n              posterUrl\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.ListenListDocument,
  '\n  query Swarms($id: ID!) {\n    video(id: $id) {\n      id\n      manifestUrl\n      swarms {\n        rendition\n        infoHash\n        magnetUri\n        torrentUrl\n        trackerUrls\n      }\n    }\n  }\n':
    types.SwarmsDocument,
  '\n  mutation Heartbeat($input: PlaybackHeartbeatInput!) {\n    playbackHeartbeat(input: $input) {\n      ok\n    }\n  }\n':
    types.HeartbeatDocument,
  '\n  mutation Start($input: StartPlaybackInput!) {\n    playbackSession(input: $input) {\n      session {\n        sessionId\n        certificate\n        expiresAt\n        masterUrl\n        trackerUrls\n        iceServers {\n          urls\n          username\n          credential\n        }\n        adFree\n        bandwidthBudget\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n':
    types.StartDocument,
  '\n  fragment WalletFields on Wallet {\n    currency\n    decimals\n    balance\n    pending\n    creatorRevenue\n    adFreeUntil\n  }\n':
    types.WalletFieldsFragmentDoc,
  '\n  fragment EntitlementFields on Entitlement {\n    planId\n    planName\n    startsAt\n    expiresAt\n  }\n':
    types.EntitlementFieldsFragmentDoc,
  '\n  fragment LedgerTransactionFields on LedgerTransaction {\n    id\n    kind\n    account\n    amount\n    memo\n    createdAt\n  }\n':
    types.LedgerTransactionFieldsFragmentDoc,
  '\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n': types.UserErrorFieldsFragmentDoc,
  '\n  query WalletPage {\n    wallet {\n      ...WalletFields\n    }\n    myEntitlement {\n      ...EntitlementFields\n    }\n    plans {\n      id\n      name\n      periodDays\n      price\n    }\n  }\n':
    types.WalletPageDocument,
  '\n  query WalletBalance {\n    wallet {\n      balance\n    }\n  }\n': types.WalletBalanceDocument,
  '\n  query Transactions($first: Int, $after: String) {\n    transactions(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...LedgerTransactionFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.TransactionsDocument,
  '\n  query SeedingEarnings($days: Int) {\n    seedingEarnings(days: $days) {\n      day\n      amount\n      segments\n    }\n  }\n':
    types.SeedingEarningsDocument,
  '\n  query CreatorEarnings($days: Int) {\n    wallet {\n      creatorRevenue\n    }\n    creatorEarnings(days: $days) {\n      day\n      amount\n      segments\n    }\n  }\n':
    types.CreatorEarningsDocument,
  '\n  mutation BuyPlan($input: BuyPlanInput!) {\n    buyPlan(input: $input) {\n      entitlement {\n        ...EntitlementFields\n      }\n      wallet {\n        ...WalletFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.BuyPlanDocument,
  '\n  mutation Transfer($input: TransferInput!) {\n    transfer(input: $input) {\n      transaction {\n        ...LedgerTransactionFields\n      }\n      wallet {\n        ...WalletFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.TransferDocument,
  '\n  mutation Faucet {\n    faucet {\n      wallet {\n        ...WalletFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.FaucetDocument,
  '\n  query Me {\n    me {\n      id\n      displayName\n      email\n      roles\n    }\n  }\n': types.MeDocument,
  '\n  query CreatorSupport($creatorId: ID!) {\n    creatorSupport(creatorId: $creatorId) {\n      creatorId\n      enabled\n      amountPerMinute\n      dailyCeiling\n      paidToday\n    }\n    wallet {\n      balance\n    }\n  }\n':
    types.CreatorSupportDocument,
  '\n  mutation SetCreatorSupport($input: SetCreatorSupportInput!) {\n    setCreatorSupport(input: $input) {\n      support {\n        creatorId\n        enabled\n        amountPerMinute\n        dailyCeiling\n        paidToday\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.SetCreatorSupportDocument,
  '\n  query SupportStudio {\n    supportSplit {\n      userId\n      displayName\n      handle\n      percent\n    }\n    supportReceived {\n      total\n      last30Days\n      supporters {\n        userId\n        displayName\n        paid\n      }\n    }\n  }\n':
    types.SupportStudioDocument,
  '\n  mutation SetSupportSplit($input: SetSupportSplitInput!) {\n    setSupportSplit(input: $input) {\n      recipients {\n        userId\n        displayName\n        handle\n        percent\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.SetSupportSplitDocument,
  '\n  query VideoCategories {\n    videoCategories\n  }\n': types.VideoCategoriesDocument,
  '\n  fragment VideoCard on Video {\n    id\n    title\n    kind\n    durationSec\n    createdAt\n    posterUrl\n    status\n    progress\n    viewCount\n    owner {\n      id\n      displayName\n    }\n    channel {\n      handle\n    }\n    viewerProgress {\n      positionSec\n      finished\n    }\n  }\n':
    types.VideoCardFragmentDoc,
  '\n  fragment VideoFields on Video {\n    id\n    title\n    description\n    tags\n    visibility\n    status\n    progress\n    failureReason\n    durationSec\n    width\n    height\n    createdAt\n    posterUrl\n    masterUrl\n    storyboardUrl\n    kind\n    renditions {\n      name\n      width\n      height\n      bandwidth\n      codecs\n    }\n    viewerCanEdit\n    owner {\n      id\n      displayName\n    }\n  }\n':
    types.VideoFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Home($first: Int, $after: String) {\n    videos(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...VideoCard\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n',
): typeof import('./graphql').HomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ChannelPage($handle: String!) {\n    channel(handle: $handle) {\n      ...ChannelHeader\n    }\n  }\n',
): typeof import('./graphql').ChannelPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ChannelPlaylists($handle: String!, $first: Int, $after: String) {\n    channel(handle: $handle) {\n      id\n      playlists(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            title\n            visibility\n            itemCount\n            thumbnailUrl\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n',
): typeof import('./graphql').ChannelPlaylistsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ChannelVideos($handle: String!, $first: Int, $after: String, $orderBy: ChannelVideoOrder) {\n    channel(handle: $handle) {\n      id\n      videos(first: $first, after: $after, orderBy: $orderBy) {\n        edges {\n          node {\n            ...VideoCard\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n',
): typeof import('./graphql').ChannelVideosDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query LibraryHistory($first: Int, $after: String) {\n    historySettings {\n      paused\n    }\n    watchHistory(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          video {\n            ...VideoCard\n          }\n          progress {\n            watchedAt\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').LibraryHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetHistoryPaused($paused: Boolean!) {\n    setHistoryPaused(paused: $paused) {\n      paused\n    }\n  }\n',
): typeof import('./graphql').SetHistoryPausedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ClearWatchHistory {\n    clearWatchHistory {\n      removedCount\n    }\n  }\n',
): typeof import('./graphql').ClearWatchHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RemoveFromHistory($videoId: ID!) {\n    removeFromHistory(videoId: $videoId) {\n      removed\n    }\n  }\n',
): typeof import('./graphql').RemoveFromHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdatePlaylist($input: UpdatePlaylistInput!) {\n    updatePlaylist(input: $input) {\n      playlist {\n        id\n        title\n        visibility\n        kind\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').UpdatePlaylistDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeletePlaylist($id: ID!) {\n    deletePlaylist(id: $id) {\n      deletedPlaylistId\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').DeletePlaylistDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Search($query: String!, $first: Int, $after: String, $filter: SearchFilter, $orderBy: SearchOrder) {\n    search(query: $query, first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      corrections {\n        word\n        matchedAs\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        channelName\n        channelHandle\n        node {\n          ...VideoCard\n          description\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').SearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Studio($first: Int, $after: String) {\n    myVideos(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...StudioVideo\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n',
): typeof import('./graphql').StudioDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MyChannel {\n    myChannel {\n      ...ChannelHeader\n    }\n  }\n',
): typeof import('./graphql').MyChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateChannel($input: UpdateChannelInput!) {\n    updateChannel(input: $input) {\n      channel {\n        ...ChannelHeader\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n',
): typeof import('./graphql').UpdateChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment StudioVideo on Video {\n    ...VideoFields\n    category\n    midrolls\n    midrollsAreDefault\n    canRetry\n    coverUploaded\n  }\n',
): typeof import('./graphql').StudioVideoFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StudioCaptions($id: ID!) {\n    video(id: $id) {\n      id\n      captions {\n        language\n        label\n        url\n        cueCount\n        sourceFormat\n        updatedAt\n      }\n    }\n  }\n',
): typeof import('./graphql').StudioCaptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteCaption($videoId: ID!, $language: String!) {\n    deleteCaption(videoId: $videoId, language: $language) {\n      deletedLanguage\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').DeleteCaptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StudioVideoRefresh($id: ID!) {\n    video(id: $id) {\n      ...StudioVideo\n    }\n  }\n',
): typeof import('./graphql').StudioVideoRefreshDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StudioProgress($id: ID!) {\n    video(id: $id) {\n      status\n      progress\n      failureReason\n    }\n  }\n',
): typeof import('./graphql').StudioProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteVideo($id: ID!) {\n    deleteVideo(id: $id) {\n      deletedVideoId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').DeleteVideoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RetryVideo($id: ID!) {\n    retryVideo(id: $id) {\n      video {\n        id\n        status\n        progress\n        failureReason\n        canRetry\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').RetryVideoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateVideo($input: UpdateVideoInput!) {\n    updateVideo(input: $input) {\n      video {\n        id\n        title\n        description\n        tags\n        visibility\n        category\n        midrolls\n        midrollsAreDefault\n        kind\n        audio {\n          artist\n          album\n          genre\n          trackNumber\n          year\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').UpdateVideoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StudioAudioTags($id: ID!) {\n    video(id: $id) {\n      id\n      kind\n      audio {\n        artist\n        album\n        genre\n        trackNumber\n        year\n      }\n    }\n  }\n',
): typeof import('./graphql').StudioAudioTagsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SubscriptionsPage($first: Int, $after: String, $withChannels: Boolean!) {\n    subscriptionFeed(first: $first, after: $after) {\n      edges {\n        node {\n          ...VideoCard\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    mySubscriptions(first: 100) @include(if: $withChannels) {\n      totalCount\n      edges {\n        node {\n          id\n          handle\n          displayName\n          avatarUrl\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').SubscriptionsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UploadStatus($id: ID!) {\n    video(id: $id) {\n      status\n      progress\n      failureReason\n    }\n  }\n',
): typeof import('./graphql').UploadStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Mine {\n    myVideos(first: 10) {\n      edges {\n        node {\n          id\n          title\n          createdAt\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').MineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Watch($id: ID!) {\n    video(id: $id) {\n      ...VideoFields\n      ...VideoEngagement\n      viewerProgress {\n        positionSec\n        finished\n        resumeAtSec\n      }\n      viewerPlaylistIds\n    }\n  }\n',
): typeof import('./graphql').WatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WatchChannel($id: ID!) {\n    video(id: $id) {\n      id\n      channel {\n        id\n        handle\n        displayName\n        avatarSmallUrl\n        subscriberCount\n        viewerIsSubscribed\n        viewerIsOwner\n      }\n    }\n  }\n',
): typeof import('./graphql').WatchChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment CommentFields on Comment {\n    id\n    parentId\n    body\n    createdAt\n    editedAt\n    edited\n    deleted\n    hidden\n    replyCount\n    likeCount\n    viewerHasLiked\n    viewerIsAuthor\n    viewerCanEdit\n    viewerCanDelete\n    viewerCanHide\n    authorIsVideoOwner\n    author {\n      id\n      displayName\n      handle\n      avatarUrl\n    }\n  }\n',
): typeof import('./graphql').CommentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query VideoComments($id: ID!, $first: Int!, $after: String, $orderBy: CommentOrder!) {\n    video(id: $id) {\n      id\n      commentCount\n      comments(first: $first, after: $after, orderBy: $orderBy) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...CommentFields\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').VideoCommentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CommentReplies($id: ID!, $first: Int!, $after: String) {\n    comment(id: $id) {\n      id\n      replies(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...CommentFields\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').CommentRepliesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AddComment($videoId: ID!, $body: String!) {\n    addComment(videoId: $videoId, body: $body) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n',
): typeof import('./graphql').AddCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReplyToComment($commentId: ID!, $body: String!) {\n    replyToComment(commentId: $commentId, body: $body) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n',
): typeof import('./graphql').ReplyToCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation EditComment($id: ID!, $body: String!) {\n    editComment(id: $id, body: $body) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n',
): typeof import('./graphql').EditCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteComment($id: ID!) {\n    deleteComment(id: $id) {\n      deletedCommentId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n',
): typeof import('./graphql').DeleteCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetCommentHidden($id: ID!, $hidden: Boolean!) {\n    setCommentHidden(id: $id, hidden: $hidden) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n',
): typeof import('./graphql').SetCommentHiddenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetCommentLiked($id: ID!, $liked: Boolean!) {\n    setCommentLiked(id: $id, liked: $liked) {\n      comment {\n        ...CommentFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n',
): typeof import('./graphql').SetCommentLikedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ContinueWatching($first: Int) {\n    continueWatching(first: $first) {\n      video {\n        ...VideoCard\n      }\n    }\n  }\n',
): typeof import('./graphql').ContinueWatchingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query HomeSubscriptions {\n    subscriptionFeed(first: 8) {\n      edges {\n        node {\n          ...VideoCard\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').HomeSubscriptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Trending($first: Int) {\n    trending(first: $first) {\n      ...VideoCard\n    }\n  }\n',
): typeof import('./graphql').TrendingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SearchSuggestions($prefix: String!, $first: Int) {\n    searchSuggestions(prefix: $prefix, first: $first)\n  }\n',
): typeof import('./graphql').SearchSuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment CampaignFields on Campaign {\n    id\n    name\n    status\n    createdAt\n  }\n',
): typeof import('./graphql').CampaignFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment CreativeFields on Creative {\n    id\n    videoId\n    clickThroughUrl\n    approval\n    videoStatus\n    createdAt\n  }\n',
): typeof import('./graphql').CreativeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment LineItemFields on LineItem {\n    id\n    campaignId\n    name\n    status\n    flightStart\n    flightEnd\n    budget\n    dailyCap\n    cpmBid\n    pacing\n    targeting {\n      categories\n      tags\n      devices\n      countries\n      timeZone\n      positions\n      mediaKinds\n    }\n    escrowBalance\n    spent\n    returned\n    createdAt\n    closedAt\n    creatives {\n      ...CreativeFields\n    }\n  }\n',
): typeof import('./graphql').LineItemFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ApiKeyFields on AdvertiserApiKey {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n',
): typeof import('./graphql').ApiKeyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Advertiser {\n    advertiser {\n      id\n      walletBalance\n    }\n  }\n',
): typeof import('./graphql').AdvertiserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdCampaigns($first: Int, $after: String) {\n    campaigns(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...CampaignFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): typeof import('./graphql').AdCampaignsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdCampaignLineItems($id: ID!, $first: Int, $after: String) {\n    campaign(id: $id) {\n      id\n      lineItems(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...LineItemFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').AdCampaignLineItemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      campaign {\n        ...CampaignFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').CreateCampaignDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetCampaignStatus($id: ID!, $status: CampaignStatus!) {\n    setCampaignStatus(id: $id, status: $status) {\n      campaign {\n        ...CampaignFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').SetCampaignStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateLineItem($input: CreateLineItemInput!) {\n    createLineItem(input: $input) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').CreateLineItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PauseLineItem($id: ID!) {\n    pauseLineItem(id: $id) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').PauseLineItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResumeLineItem($id: ID!) {\n    resumeLineItem(id: $id) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').ResumeLineItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CancelLineItem($id: ID!) {\n    cancelLineItem(id: $id) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').CancelLineItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateCreative($input: CreateCreativeInput!) {\n    createCreative(input: $input) {\n      creative {\n        ...CreativeFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').CreateCreativeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MyAdVideos($first: Int) {\n    myVideos(first: $first) {\n      edges {\n        node {\n          id\n          title\n          status\n          durationSec\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').MyAdVideosDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdvertiserApiKeys {\n    advertiserApiKeys {\n      ...ApiKeyFields\n    }\n  }\n',
): typeof import('./graphql').AdvertiserApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateAdvertiserApiKey($input: CreateAdvertiserApiKeyInput!) {\n    createAdvertiserApiKey(input: $input) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').CreateAdvertiserApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevokeAdvertiserApiKey($id: ID!) {\n    revokeAdvertiserApiKey(id: $id) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').RevokeAdvertiserApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdReport($first: Int, $after: String, $filter: AdReportFilterInput) {\n    adReport(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          lineItemId\n          lineItemName\n          campaignId\n          day\n          impressions\n          starts\n          completes\n          completionRate\n          clicks\n          clickThroughRate\n          spend\n          eCpm\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): typeof import('./graphql').AdReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ChannelHeader on Channel {\n    id\n    handle\n    displayName\n    description\n    links {\n      title\n      url\n    }\n    avatarUrl\n    avatarSmallUrl\n    bannerUrl\n    createdAt\n    viewerIsOwner\n    viewerIsSubscribed\n    subscriberCount\n    videoCount\n  }\n',
): typeof import('./graphql').ChannelHeaderFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Subscribe($handle: String!) {\n    subscribe(handle: $handle) {\n      subscribed\n      channel {\n        id\n        subscriberCount\n        viewerIsSubscribed\n      }\n      userErrors {\n        message\n        code\n      }\n    }\n  }\n',
): typeof import('./graphql').SubscribeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Unsubscribe($handle: String!) {\n    unsubscribe(handle: $handle) {\n      subscribed\n      channel {\n        id\n        subscriberCount\n        viewerIsSubscribed\n      }\n      userErrors {\n        message\n        code\n      }\n    }\n  }\n',
): typeof import('./graphql').UnsubscribeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment VideoEngagement on Video {\n    id\n    viewCount\n    likeCount\n    dislikeCount\n    viewerRating\n  }\n',
): typeof import('./graphql').VideoEngagementFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RateVideo($videoId: ID!, $rating: VideoRating!) {\n    rateVideo(videoId: $videoId, rating: $rating) {\n      rating\n      video {\n        ...VideoEngagement\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').RateVideoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RecordWatchProgress($videoId: ID!, $positionSeconds: Float!) {\n    recordWatchProgress(videoId: $videoId, positionSeconds: $positionSeconds) {\n      recorded\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').RecordWatchProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MyPlaylists {\n    myPlaylists {\n      id\n      title\n      visibility\n      itemCount\n      isWatchLater\n      thumbnailUrl\n      updatedAt\n    }\n  }\n',
): typeof import('./graphql').MyPlaylistsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PlaylistPage($id: ID!, $first: Int, $after: String) {\n    playlist(id: $id) {\n      id\n      title\n      description\n      visibility\n      itemCount\n      isWatchLater\n      viewerIsOwner\n      updatedAt\n      kind\n      thumbnailUrl\n      coverUploaded\n      show {\n        author\n        language\n        category\n        subcategory\n        explicit\n        locked\n        feedUrl\n      }\n      owner {\n        id\n        displayName\n      }\n      items(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            position\n            available\n            videoId\n            video {\n              ...VideoCard\n            }\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').PlaylistPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AddToPlaylist($playlistId: ID!, $videoId: ID!) {\n    addToPlaylist(playlistId: $playlistId, videoId: $videoId) {\n      playlist {\n        id\n        itemCount\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').AddToPlaylistDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RemoveFromPlaylist($playlistId: ID!, $videoId: ID!) {\n    removeFromPlaylist(playlistId: $playlistId, videoId: $videoId) {\n      playlist {\n        id\n        itemCount\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').RemoveFromPlaylistDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation MovePlaylistItem($playlistId: ID!, $videoId: ID!, $position: Int!) {\n    movePlaylistItem(playlistId: $playlistId, videoId: $videoId, position: $position) {\n      playlist {\n        id\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').MovePlaylistItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreatePlaylist($input: CreatePlaylistInput!) {\n    createPlaylist(input: $input) {\n      playlist {\n        id\n        title\n        visibility\n        itemCount\n        isWatchLater\n        thumbnailUrl\n        updatedAt\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').CreatePlaylistDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ListenTrack($id: ID!) {\n    video(id: $id) {\n      id\n      title\n      kind\n      status\n      masterUrl\n      posterUrl\n      durationSec\n      owner {\n        id\n        displayName\n      }\n      audio {\n        tagTitle\n        artist\n        album\n        peaksUrl\n      }\n      viewerProgress {\n        resumeAtSec\n      }\n      chapters {\n        startSec\n        title\n      }\n    }\n  }\n',
): typeof import('./graphql').ListenTrackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ListenList($id: ID!, $first: Int) {\n    playlist(id: $id) {\n      id\n      title\n      items(first: $first) {\n        edges {\n          node {\n            position\n            available\n            video {\n              id\n              title\n              kind\n              status\n              posterUrl\n            }\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').ListenListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Swarms($id: ID!) {\n    video(id: $id) {\n      id\n      manifestUrl\n      swarms {\n        rendition\n        infoHash\n        magnetUri\n        torrentUrl\n        trackerUrls\n      }\n    }\n  }\n',
): typeof import('./graphql').SwarmsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Heartbeat($input: PlaybackHeartbeatInput!) {\n    playbackHeartbeat(input: $input) {\n      ok\n    }\n  }\n',
): typeof import('./graphql').HeartbeatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Start($input: StartPlaybackInput!) {\n    playbackSession(input: $input) {\n      session {\n        sessionId\n        certificate\n        expiresAt\n        masterUrl\n        trackerUrls\n        iceServers {\n          urls\n          username\n          credential\n        }\n        adFree\n        bandwidthBudget\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').StartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment WalletFields on Wallet {\n    currency\n    decimals\n    balance\n    pending\n    creatorRevenue\n    adFreeUntil\n  }\n',
): typeof import('./graphql').WalletFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment EntitlementFields on Entitlement {\n    planId\n    planName\n    startsAt\n    expiresAt\n  }\n',
): typeof import('./graphql').EntitlementFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment LedgerTransactionFields on LedgerTransaction {\n    id\n    kind\n    account\n    amount\n    memo\n    createdAt\n  }\n',
): typeof import('./graphql').LedgerTransactionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n',
): typeof import('./graphql').UserErrorFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WalletPage {\n    wallet {\n      ...WalletFields\n    }\n    myEntitlement {\n      ...EntitlementFields\n    }\n    plans {\n      id\n      name\n      periodDays\n      price\n    }\n  }\n',
): typeof import('./graphql').WalletPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WalletBalance {\n    wallet {\n      balance\n    }\n  }\n',
): typeof import('./graphql').WalletBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Transactions($first: Int, $after: String) {\n    transactions(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...LedgerTransactionFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): typeof import('./graphql').TransactionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SeedingEarnings($days: Int) {\n    seedingEarnings(days: $days) {\n      day\n      amount\n      segments\n    }\n  }\n',
): typeof import('./graphql').SeedingEarningsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CreatorEarnings($days: Int) {\n    wallet {\n      creatorRevenue\n    }\n    creatorEarnings(days: $days) {\n      day\n      amount\n      segments\n    }\n  }\n',
): typeof import('./graphql').CreatorEarningsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation BuyPlan($input: BuyPlanInput!) {\n    buyPlan(input: $input) {\n      entitlement {\n        ...EntitlementFields\n      }\n      wallet {\n        ...WalletFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').BuyPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Transfer($input: TransferInput!) {\n    transfer(input: $input) {\n      transaction {\n        ...LedgerTransactionFields\n      }\n      wallet {\n        ...WalletFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').TransferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Faucet {\n    faucet {\n      wallet {\n        ...WalletFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): typeof import('./graphql').FaucetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Me {\n    me {\n      id\n      displayName\n      email\n      roles\n    }\n  }\n',
): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CreatorSupport($creatorId: ID!) {\n    creatorSupport(creatorId: $creatorId) {\n      creatorId\n      enabled\n      amountPerMinute\n      dailyCeiling\n      paidToday\n    }\n    wallet {\n      balance\n    }\n  }\n',
): typeof import('./graphql').CreatorSupportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetCreatorSupport($input: SetCreatorSupportInput!) {\n    setCreatorSupport(input: $input) {\n      support {\n        creatorId\n        enabled\n        amountPerMinute\n        dailyCeiling\n        paidToday\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').SetCreatorSupportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SupportStudio {\n    supportSplit {\n      userId\n      displayName\n      handle\n      percent\n    }\n    supportReceived {\n      total\n      last30Days\n      supporters {\n        userId\n        displayName\n        paid\n      }\n    }\n  }\n',
): typeof import('./graphql').SupportStudioDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetSupportSplit($input: SetSupportSplitInput!) {\n    setSupportSplit(input: $input) {\n      recipients {\n        userId\n        displayName\n        handle\n        percent\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').SetSupportSplitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query VideoCategories {\n    videoCategories\n  }\n',
): typeof import('./graphql').VideoCategoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment VideoCard on Video {\n    id\n    title\n    kind\n    durationSec\n    createdAt\n    posterUrl\n    status\n    progress\n    viewCount\n    owner {\n      id\n      displayName\n    }\n    channel {\n      handle\n    }\n    viewerProgress {\n      positionSec\n      finished\n    }\n  }\n',
): typeof import('./graphql').VideoCardFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment VideoFields on Video {\n    id\n    title\n    description\n    tags\n    visibility\n    status\n    progress\n    failureReason\n    durationSec\n    width\n    height\n    createdAt\n    posterUrl\n    masterUrl\n    storyboardUrl\n    kind\n    renditions {\n      name\n      width\n      height\n      bandwidth\n      codecs\n    }\n    viewerCanEdit\n    owner {\n      id\n      displayName\n    }\n  }\n',
): typeof import('./graphql').VideoFieldsFragmentDoc;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
