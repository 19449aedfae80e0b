import { Module } from '@nestjs/common';
import { CatalogCoreModule } from '@wetube/catalog';
import { IdentityModule } from '@wetube/identity';
import { HistoryResolver } from './graphql/history.resolver';
import { PlaylistResolver } from './graphql/playlist.resolver';
import { VideoLibraryResolver } from './graphql/video-library.resolver';
import { WatchHistoryRepository } from './history/watch-history.repository';
import { WatchHistoryService } from './history/watch-history.service';
import { PlaylistsRepository } from './playlists/playlists.repository';
import { PlaylistsService } from './playlists/playlists.service';
import { PlaylistCoversController } from './playlists/playlist-covers.controller';
import { PlaylistCoversService } from './playlists/playlist-covers.service';

const REPOSITORIES = [WatchHistoryRepository, PlaylistsRepository];
const SERVICES = [WatchHistoryService, PlaylistsService];

/** The viewer's library: watch history (resume, Continue watching) and playlists (Watch later built in). */
@Module({
  imports: [CatalogCoreModule, IdentityModule],
  controllers: [PlaylistCoversController],
  providers: [...REPOSITORIES, ...SERVICES, PlaylistCoversService, HistoryResolver, PlaylistResolver, VideoLibraryResolver],
  exports: SERVICES,
})
export class LibraryModule {}
