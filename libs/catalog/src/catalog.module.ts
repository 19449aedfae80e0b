import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentModule } from '@wetube/content';
import { IdentityModule } from '@wetube/identity';
import { VideoResolver } from './graphql/video.resolver';
import { VideoRetryResolver } from './graphql/video-retry.resolver';
import { VideoRetryService } from './videos/video-retry.service';
import { TusIngestService } from './ingest/tus-ingest.service';
import { UploadConfigController } from './ingest/upload-config.controller';
import { HlsOriginService } from './origin/hls-origin.service';
import { OriginAccessLog } from './origin/origin-access-log';
import { VideoAccessCache } from './origin/video-access.cache';
import { VideoEventsController } from './progress/video-events.controller';
import { VideoProgressHub } from './progress/video-progress.hub';
import { TranscodeQueueCloser, transcodeQueueProvider, TRANSCODE_QUEUE } from './videos/transcode-queue';
import { VideoDeletionService } from './videos/video-deletion.service';
import { VideoEntity } from './videos/video.entity';
import { IceServersResolver } from './playback/ice-servers.resolver';
import { IceServersService } from './playback/ice-servers.service';
import { PlaybackSessionResolver } from './playback/playback-session.resolver';
import { PlaybackSessionService } from './playback/playback-session.service';
import { SeederNodeEntity } from './seeders/seeder-node.entity';
import { SeederNodeResolver } from './seeders/seeder-node.resolver';
import { SeederNodesRepository } from './seeders/seeder-nodes.repository';
import { SeederNodesService } from './seeders/seeder-nodes.service';
import { VideoTorrentEntity } from './videos/video-torrent.entity';
import { VideoTorrentsRepository } from './videos/video-torrents.repository';
import { VideoTorrentsService } from './videos/video-torrents.service';
import { VideosRepository } from './videos/videos.repository';
import { VideosService } from './videos/videos.service';
import { SearchRepository } from './search/search.repository';
import { SearchResolver } from './search/search.resolver';
import { SearchService } from './search/search.service';
import { CaptionsController } from './captions/captions.controller';
import { CaptionsPublisher } from './captions/captions.publisher';
import { PlaybackListeners } from './playback/playback-listeners';
import { PlaybackProgressHooks } from './playback/playback-progress.hooks';
import { CaptionsRepository } from './captions/captions.repository';
import { CaptionsResolver } from './captions/captions.resolver';
import { CaptionsService } from './captions/captions.service';
import { CoverStore } from './covers/cover-store';
import { CoversController } from './covers/covers.controller';
import { VideoCoversService } from './covers/video-covers.service';

/** Video records, their lifecycle and the transcode queue: what workers need, no HTTP surface. */
@Module({
  imports: [TypeOrmModule.forFeature([VideoEntity, VideoTorrentEntity]), ContentModule],
  providers: [
    transcodeQueueProvider,
    TranscodeQueueCloser,
    VideosRepository,
    VideosService,
    VideoTorrentsRepository,
    VideoTorrentsService,
    PlaybackListeners,
    { provide: PlaybackProgressHooks, useExisting: PlaybackListeners },
    CoverStore,
  ],
  // VideosRepository for search (catalog's own module; other libs use VideosService).
  // CoverStore: uploaded covers (videos here, albums' and shows' artwork in the library).
  // PlaybackListeners: the one fan-out of playback sessions' start and progress (engagement, support add themselves).
  exports: [
    VideosService,
    VideosRepository,
    VideoTorrentsService,
    TRANSCODE_QUEUE,
    ContentModule,
    PlaybackListeners,
    PlaybackProgressHooks,
    CoverStore,
  ],
})
export class CatalogCoreModule {}

/** The catalog's API: GraphQL, tus ingest, progress events, the HLS origin, playback sessions, seeder nodes and search. */
@Module({
  imports: [CatalogCoreModule, IdentityModule, TypeOrmModule.forFeature([SeederNodeEntity])],
  controllers: [UploadConfigController, VideoEventsController, CaptionsController, CoversController],
  providers: [
    VideoDeletionService,
    VideoCoversService,
    VideoResolver,
    VideoRetryService,
    VideoRetryResolver,
    VideoProgressHub,
    TusIngestService,
    VideoAccessCache,
    HlsOriginService,
    OriginAccessLog,
    PlaybackSessionService,
    PlaybackSessionResolver,
    IceServersService,
    IceServersResolver,
    SeederNodesRepository,
    SeederNodesService,
    SeederNodeResolver,
    SearchRepository,
    SearchService,
    SearchResolver,
    CaptionsRepository,
    CaptionsPublisher,
    CaptionsService,
    CaptionsResolver,
  ],
  exports: [CatalogCoreModule, TusIngestService, HlsOriginService, OriginAccessLog, SeederNodesService, SearchService, CaptionsService],
})
export class CatalogModule {}
