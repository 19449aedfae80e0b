export { CatalogModule, CatalogCoreModule } from './catalog.module';
export { VideosService } from './videos/videos.service';
export type { ReadyFacts, Page, VideoFacts } from './videos/videos.service';
export { VideoEntity } from './videos/video.entity';
export type { RenditionInfo } from './videos/video.entity';
export { VideoStatus, Visibility } from './videos/video.enums';
export { MediaKind } from './videos/audio-meta';
export type { AudioMeta, AudioTags, AudioLoudness } from './videos/audio-meta';
export { VIDEO_CATEGORIES, findCategory, type VideoCategory } from './videos/video-categories';
export { TRANSCODE_QUEUE, InjectTranscodeQueue } from './videos/transcode-queue';
export type { TranscodeJob, TranscodeQueue } from './videos/transcode-queue';
export { TusIngestService, UPLOADS_PATH } from './ingest/tus-ingest.service';
export { HlsOriginService } from './origin/hls-origin.service';
export { OriginAccessLog, type OriginAccessEntry } from './origin/origin-access-log';
export { canView, canEdit } from './videos/video.access';
export { VideoTorrentsService } from './videos/video-torrents.service';
export type { TorrentRecord } from './videos/video-torrents.service';
export { VideoTorrentEntity } from './videos/video-torrent.entity';
export { PlaybackSessionService } from './playback/playback-session.service';
export type { PlaybackSession } from './playback/playback-session.service';
export { SeederNodesService } from './seeders/seeder-nodes.service';
export type { RegisterSeederRequest, RegisterSeederResult } from './seeders/seeder-nodes.service';
export { SeederNodeEntity } from './seeders/seeder-node.entity';
export { PageInfo, VideoConnection, VideoEdge } from './graphql/video.connection';
export { VideoType } from './graphql/video.type';
export { AdBreaksHooks, type AdBreaksVideo } from './origin/ad-breaks.hooks';
export { PlaybackSessionHooks, type StartedPlaybackSession, type PlaybackSessionTerms } from './playback/playback-session.hooks';
export { PlaybackProgressHooks, type PlaybackProgress } from './playback/playback-progress.hooks';
export { PlaybackListeners, type PlaybackListener } from './playback/playback-listeners';
export { hasWatched, watchedThresholdMs, WATCHED_MIN_MS, WATCHED_SHORT_VIDEO_MS } from './playback/watched';
export {
  SearchRepository,
  SearchService,
  SearchInputError,
  SearchOrder,
  SearchDuration,
  SearchUploadDate,
  SearchItemType,
  parseSearchQuery,
} from './search';
export type { SearchInput, SearchPage } from './search';
export { CaptionsService, MAX_CAPTION_TRACKS } from './captions/captions.service';
export type { CaptionTrack, CaptionProblem, CaptionOutcome } from './captions/captions.service';
export { parseChapters, chapterAt, parseTimestamp, type Chapter } from './chapters/chapters';
export { ChapterType } from './graphql/chapter.type';
export { CoverStore } from './covers/cover-store';
export { COVER_SPECS, COVER_MAX_BYTES, type CoverKind } from './covers/cover.specs';
export { coverUrl, posterUrlOf } from './covers/cover-url';
